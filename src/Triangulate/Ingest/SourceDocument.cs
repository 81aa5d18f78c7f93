namespace Triangulate.Ingest;

/// <summary>A document as a reader produced it: decoded text cut into segments, plus what the source says about it. Blocks and metadata come next.</summary>
public sealed record SourceDocument
{
    /// <summary>Where it came from (path or record URL).</summary>
    public required string Source { get; init; }

    /// <summary>SHA-256 of the input bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The raw input bytes, kept so the store holds exactly what was read.</summary>
    public required ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>The readable text.</summary>
    public required string Text { get; init; }

    /// <summary>The units to classify, in text order, not overlapping, covering every non-blank character.</summary>
    public required IReadOnlyList<TextSegment> Segments { get; init; }

    /// <summary>What the source says about the document.</summary>
    public SourceMetadata Metadata { get; init; } = SourceMetadata.Empty;

    /// <summary>The reader's format name ("text", "html", "jsonl", "warc").</summary>
    public required string Format { get; init; }
}
