using Triangulate.Model;

namespace Triangulate.Link;

/// <summary>A corpus held in memory (generated benchmark corpora, tests): documents streamed in id order, as the store does.</summary>
internal sealed class InMemoryCorpusReader : ICorpusReader
{
    private readonly SortedDictionary<string, (Document Document, DocumentAnalysis Analysis)> _items = new(StringComparer.Ordinal);

    public InMemoryCorpusReader(IEnumerable<(Document Document, DocumentAnalysis Analysis)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items) Add(item.Document, item.Analysis);
    }

    /// <summary>Adds (or replaces) a document and its analysis.</summary>
    public void Add(Document document, DocumentAnalysis analysis) => _items[document.Id] = (document, analysis);

    public int DocumentCount => _items.Count;

    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses() => _items.Values;

    public Document? FindDocument(string id) => _items.TryGetValue(id, out var item) ? item.Document : null;

    public DocumentAnalysis? FindAnalysis(string id) => _items.TryGetValue(id, out var item) ? item.Analysis : null;
}
