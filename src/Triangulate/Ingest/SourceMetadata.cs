using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>What a reader learns about a document from outside its text: markup, a JSONL record's fields, WARC headers.</summary>
public sealed record SourceMetadata
{
    /// <summary>The page URL, when known.</summary>
    public string? Url { get; init; }

    /// <summary>Title from markup or record.</summary>
    public string? Title { get; init; }

    /// <summary>Site name from markup or record.</summary>
    public string? Outlet { get; init; }

    /// <summary>Authors from markup or record.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Publication date from markup or record.</summary>
    public DateEstimate? Published { get; init; }

    /// <summary>Language declared by the page (lang attribute, record), as ISO 639-1.</summary>
    public string? Language { get; init; }

    /// <summary>Nothing known.</summary>
    public static SourceMetadata Empty { get; } = new();
}
