using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>Characters [<see cref="Start"/>, <see cref="End"/>) of a document's text and what they are.</summary>
[JsonConverter(typeof(BlockJsonConverter))]
public sealed record Block(BlockKind Kind, int Start, int End);
