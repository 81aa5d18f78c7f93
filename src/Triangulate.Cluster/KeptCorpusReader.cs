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
    public Document? FindDocument(string id) => Find(id, kept.FindDocument, inner.FindDocument, kept.Keep);

    /// <inheritdoc />
    public DocumentAnalysis? FindAnalysis(string id) => Find(id, kept.FindAnalysis, inner.FindAnalysis, analysis => kept.Keep(id, analysis));

    private T? Find<T>(string id, Func<string, T?> inMemory, Func<string, T?> read, Action<T> keep)
        where T : class
    {
        if (inMemory(id) is { } found)
        {
            Interlocked.Increment(ref _fromMemory);
            return found;
        }
        Interlocked.Increment(ref _fromStore);
        var value = read(id);
        if (value is not null) keep(value);
        return value;
    }
}
