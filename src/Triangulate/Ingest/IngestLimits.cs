namespace Triangulate.Ingest;

/// <summary>Caps that keep memory bounded whatever the input. A document over a cap becomes a problem, not a crash.</summary>
public sealed record IngestLimits
{
    /// <summary>Largest single-document file (HTML page or text capture) read whole. Real article pages are under 5 MB; 64 MB leaves room for inline images.</summary>
    public long MaxDocumentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest record inside a container format (JSONL line, WARC record).</summary>
    public long MaxRecordBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static IngestLimits Default { get; } = new();
}
