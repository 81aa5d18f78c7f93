namespace Triangulate.Model;

/// <summary>
/// One article as read: its whole readable text (boilerplate included), the classified blocks that cover it, and the metadata found.
/// Immutable once ingested; every span of the dossier points into <see cref="Text"/>.
/// </summary>
public sealed record Document
{
    /// <summary>Stable id derived from the content hash.</summary>
    public required string Id { get; init; }

    /// <summary>Where it came from: a file path as given, or a record's URL.</summary>
    public required string Source { get; init; }

    /// <summary>SHA-256 of the input bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The headline.</summary>
    public string? Title { get; init; }

    /// <summary>Who published this copy.</summary>
    public string? Outlet { get; init; }

    /// <summary>Who produced the content, when the page credits someone else.</summary>
    public string? Origin { get; init; }

    /// <summary>The people in the byline.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The dateline place as written ("NAIROBI").</summary>
    public string? Dateline { get; init; }

    /// <summary>ISO 639-1 code of the text, or "und" when it could not be told.</summary>
    public required string Language { get; init; }

    /// <summary>When it was published, and on what basis.</summary>
    public DateEstimate? Published { get; init; }

    /// <summary>The whole readable text.</summary>
    public required string Text { get; init; }

    /// <summary>Classified blocks; every non-blank character belongs to exactly one.</summary>
    public required IReadOnlyList<Block> Blocks { get; init; }

    /// <summary>The article alone: body blocks joined by blank lines.</summary>
    public required string Body { get; init; }

    /// <summary>Readers' comments.</summary>
    public IReadOnlyList<Comment> Comments { get; init; } = [];
}
