namespace Triangulate.Ingest;

/// <summary>Reads one input format into source documents. Readers stream: a container format yields its records one by one.</summary>
public interface IDocumentReader
{
    /// <summary>True when this reader takes the file (by its name and first bytes).</summary>
    bool CanRead(InputFile file, ReadOnlySpan<byte> head);

    /// <summary>Reads the file. Every failure is a <see cref="ReadResult"/> with a problem, never an exception.</summary>
    IEnumerable<ReadResult> Read(InputFile file, IngestLimits limits);
}
