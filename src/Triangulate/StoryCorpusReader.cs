using Triangulate.Model;

namespace Triangulate;

/// <summary>
/// One story's documents as a corpus: what a story stage reads, so it cannot see (or be changed by) any other story.
/// Documents are read in the story's order; one that has left the store since is skipped. Story stages look the same
/// document up once per claim (its sentence, its holder), and each stage reads the whole story again, so what was read
/// is kept: texts of stories up to 4,000 documents and analyses up to 1,000, else the last few documents. One reader serves one story on
/// one thread (its reads fan out to every core inside <see cref="ReadAnalyses"/>).
/// </summary>
public sealed class StoryCorpusReader(ICorpusReader corpus, IReadOnlyList<string> documents) : ICorpusReader
{
    /// <summary>
    /// Stories up to this size keep their analyses too (a few tens of megabytes at most), so the story stages parse each
    /// once, not once a stage; beyond it, analyses are read again by each stage that reads the story.
    /// </summary>
    private const int KeptWhole = 1000;

    /// <summary>
    /// Stories up to this size keep every document's text (not its analysis) once read: the stages after claims look a
    /// claim's document up claim by claim, in no order, and a document parsed again per claim cost the largest story
    /// most of its contradictions and series time.
    /// </summary>
    private const int TextsKeptWhole = 4000;

    /// <summary>Documents kept for repeated lookups in a larger story.</summary>
    private const int Recent = 32;

    private readonly HashSet<string> _members = new(documents, StringComparer.Ordinal);
    private readonly Dictionary<string, Document> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentAnalysis> _analyses = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly int _cached = documents.Count <= TextsKeptWhole ? documents.Count : Recent;

    /// <inheritdoc />
    public int DocumentCount => documents.Count;

    /// <inheritdoc />
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses()
    {
        // Fetched and parsed on every core (a store reads on pooled connections), a chunk at a time, while this thread
        // only keeps what came back: the caches are written between chunks, never while they are read.
        foreach (var (id, document, analysis) in OrderedParallel.Map(documents, id =>
            (id, _cache.GetValueOrDefault(id) ?? corpus.FindDocument(id), _analyses.GetValueOrDefault(id) ?? corpus.FindAnalysis(id))))
        {
            if (document is null || analysis is null) continue;
            Keep(id, document);
            KeepAnalysis(id, analysis);
            yield return (document, analysis);
        }
    }

    /// <inheritdoc />
    public Document? FindDocument(string id)
    {
        if (!_members.Contains(id)) return null;
        if (_cache.TryGetValue(id, out var cached)) return cached;
        if (corpus.FindDocument(id) is not { } document) return null;
        Keep(id, document);
        return document;
    }

    /// <inheritdoc />
    public DocumentAnalysis? FindAnalysis(string id)
    {
        if (!_members.Contains(id)) return null;
        if (_analyses.TryGetValue(id, out var cached)) return cached;
        var analysis = corpus.FindAnalysis(id);
        if (analysis is not null) KeepAnalysis(id, analysis);
        return analysis;
    }

    private void Keep(string id, Document document)
    {
        if (_cache.ContainsKey(id)) return;
        if (_order.Count >= _cached) _cache.Remove(_order.Dequeue());
        _cache[id] = document;
        _order.Enqueue(id);
    }

    private void KeepAnalysis(string id, DocumentAnalysis analysis)
    {
        if (documents.Count <= KeptWhole) _analyses.TryAdd(id, analysis);
    }
}
