using Triangulate.Model;

namespace Triangulate;

/// <summary>
/// One story's documents as a corpus: what a story stage reads, so it cannot see (or be changed by) any other story.
/// Documents are read in the story's order; one that has left the store since is skipped. Story stages look the same
/// document up once per claim (its sentence, its holder), so the last few documents read are kept: one reader serves
/// one story on one thread.
/// </summary>
public sealed class StoryCorpusReader(ICorpusReader corpus, IReadOnlyList<string> documents) : ICorpusReader
{
    /// <summary>Documents kept for repeated lookups; a store read deserialises the whole document, text and blocks.</summary>
    private const int Cached = 32;

    private readonly HashSet<string> _members = new(documents, StringComparer.Ordinal);
    private readonly Dictionary<string, Document> _cache = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <inheritdoc />
    public int DocumentCount => documents.Count;

    /// <inheritdoc />
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses()
    {
        foreach (var id in documents)
        {
            if (FindDocument(id) is not { } document || corpus.FindAnalysis(id) is not { } analysis) continue;
            yield return (document, analysis);
        }
    }

    /// <inheritdoc />
    public Document? FindDocument(string id)
    {
        if (!_members.Contains(id)) return null;
        if (_cache.TryGetValue(id, out var cached)) return cached;
        if (corpus.FindDocument(id) is not { } document) return null;
        if (_order.Count >= Cached) _cache.Remove(_order.Dequeue());
        _cache[id] = document;
        _order.Enqueue(id);
        return document;
    }

    /// <inheritdoc />
    public DocumentAnalysis? FindAnalysis(string id) => _members.Contains(id) ? corpus.FindAnalysis(id) : null;
}
