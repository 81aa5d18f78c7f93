namespace Triangulate.CorpusGen;

/// <summary>One story of the gold: one event and every report of it, originals, follow-ups and their derivations.</summary>
internal sealed class Story(string id, Event e)
{
    public string Id { get; } = id;

    public Event Event { get; } = e;

    /// <summary>Set once the gold event is written, so it is written once, when the story's first article is.</summary>
    public bool GoldWritten { get; set; }
}
