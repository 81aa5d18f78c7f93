using Triangulate.Model;

namespace Triangulate.Cluster;

/// <summary>
/// The shared store as one story call reads it on a worker: documents and analyses the worker has kept
/// (<see cref="StoredDocumentCache"/>) are not read and parsed again; what is read is kept. Counts the lookups served
/// from memory and from the store, so a story reply can say how often the worker's memory saved a read.
/// </summary>
internal sealed class KeptCorpusReader(ICorpusReader inner, StoredDocumentCache kept) : ICorpusReader
{
    private int _fromMemory;
    private int _fromStore;

    /// <summary>Document and analysis lookups served from the worker's memory so far.</summary>
    public int FromMemory => Volatile.Read(ref _fromMemory);

    /// <summary>Document and analysis lookups read from the store so far.</summary>
    public int FromStore => Volatile.Read(ref _fromStore);

    /// <inheritdoc />
    public int DocumentCount => inner.DocumentCount;

    /// <inheritdoc />
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses() => inner.ReadAnalyses();

    /// <inheritdoc />
    public Document? FindDocument(string id)
    {
        if (kept.FindDocument(id) is { } document)
        {
            Interlocked.Increment(ref _fromMemory);
            return document;
        }
        Interlocked.Increment(ref _fromStore);
        document = inner.FindDocument(id);
        if (document is not null) kept.Keep(document);
        return document;
    }

    /// <inheritdoc />
    public DocumentAnalysis? FindAnalysis(string id)
    {
        if (kept.FindAnalysis(id) is { } analysis)
        {
            Interlocked.Increment(ref _fromMemory);
            return analysis;
        }
        Interlocked.Increment(ref _fromStore);
        analysis = inner.FindAnalysis(id);
        if (analysis is not null) kept.Keep(id, analysis);
        return analysis;
    }
}
