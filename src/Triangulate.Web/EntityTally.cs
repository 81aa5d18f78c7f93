using Triangulate.Model;

namespace Triangulate.Web;

/// <summary>
/// One entity's name, type, spellings and counts within one story (its mentions, the documents they are in, the quotes
/// it speaks); an entity of several stories is the sum of its tallies, since a document belongs to one story.
/// </summary>
internal sealed record EntityTally(string Id, string Name, EntityType Type, IReadOnlyList<string> Aliases, int Mentions, int Documents, int Quotes);
