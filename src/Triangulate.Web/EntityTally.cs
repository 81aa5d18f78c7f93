namespace Triangulate.Web;

/// <summary>
/// One entity's counts within one story (its mentions, the documents they are in, the quotes it speaks); an entity of
/// several stories is the sum of its tallies, since a document belongs to one story.
/// </summary>
internal readonly record struct EntityTally(string Id, string Name, int Mentions, int Documents, int Quotes);
