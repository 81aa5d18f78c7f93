using System.Collections.Concurrent;
using Triangulate.Model;

namespace Triangulate.Cluster;

/// <summary>
/// The documents and analyses a worker's story calls have parsed from the shared store, kept for its later story calls
/// (a story that grows is analysed again with its earlier members, mostly on the silo its grain lives on). Safe to
/// keep because a stored row never changes under a worker: its id is the hash of its bytes, a save of the same bytes
/// keeps the first source and writes the analysis the same pipeline makes again, and a worker runs only story work
/// made by its own configuration (<see cref="Pipeline.AnalyzeStory"/> refuses other work). Bounded: past
/// <see cref="Capacity"/> documents the oldest kept go first. Thread-safe (the story stages read on several threads).
/// </summary>
internal sealed class StoredDocumentCache(int capacity = StoredDocumentCache.DefaultCapacity)
{
    /// <summary>
    /// Documents kept: the members of the stories of more than a link part (5,000 documents). A generated article of
    /// about 1 KB parses to 13.6 KB with its analysis (3,998 of them held 54 MB: docs/benchmarks.md, session 23), so
    /// about 110 MB of such articles; longer real articles take proportionally more.
    /// </summary>
    public const int DefaultCapacity = 8_192;

    private readonly ConcurrentDictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DocumentAnalysis> _analyses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Documents kept at most.</summary>
    public int Capacity { get; } = Math.Max(1, capacity);

    /// <summary>Documents kept now.</summary>
    public int Count => _documents.Count;

    /// <summary>A kept document, or null.</summary>
    public Document? FindDocument(string id) => _documents.GetValueOrDefault(id);

    /// <summary>A kept analysis, or null.</summary>
    public DocumentAnalysis? FindAnalysis(string id) => _analyses.GetValueOrDefault(id);

    /// <summary>Keeps <paramref name="document"/> as stored.</summary>
    public void Keep(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_documents.TryAdd(document.Id, document)) Admitted(document.Id);
    }

    /// <summary>Keeps the stored analysis of document <paramref name="id"/> (only beside its kept document).</summary>
    public void Keep(string id, DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        // An analysis without its document would outlive the eviction order, which follows documents.
        if (_documents.ContainsKey(id)) _analyses.TryAdd(id, analysis);
    }

    private void Admitted(string id)
    {
        _order.Enqueue(id);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _documents.TryRemove(oldest, out _);
            _analyses.TryRemove(oldest, out _);
        }
    }
}
