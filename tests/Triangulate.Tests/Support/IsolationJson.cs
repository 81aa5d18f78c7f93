using System.Text.Json;

namespace Triangulate.Tests.Support;

/// <summary>Serialises findings for comparison between runs.</summary>
public static class IsolationJson
{
    /// <summary>Reflection-based, so any shape (a filtered sequence, a key-value pair) serialises.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
}
