using Triangulate.Model;

namespace Triangulate.Report;

/// <summary>One speaker's quotes: the name shown, the corpus entity when the speaker resolved to one, and how the speaker is identified.</summary>
public sealed record SpeakerQuotes(string Name, Entity? Entity, SpeakerKind? Kind, IReadOnlyList<Quote> Quotes);
