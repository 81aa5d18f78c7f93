namespace Triangulate.CorpusGen;

/// <summary>A planned article: who publishes what body when, and which article it was derived from.</summary>
internal sealed class Article
{
    public required Story Story { get; init; }

    public required long Sequence { get; init; }

    public required DateTime Time { get; init; }

    public required Outlet Outlet { get; init; }

    public required Body Body { get; init; }

    public required string Url { get; init; }

    public required string Title { get; init; }

    public bool Dated { get; init; } = true;

    public bool NamesOutlet { get; init; } = true;

    /// <summary>The source of a derivation, or null for an original report.</summary>
    public Article? Source { get; init; }

    /// <summary>copy, syndication, rewrite or translation; null for an original.</summary>
    public string? Derivation { get; init; }

    /// <summary>The byline's author, or the credited source for republished wire copy.</summary>
    public string? Byline { get; init; }
}
