using Triangulate.Model;

namespace Triangulate.Tests.Support;

/// <summary>An <see cref="ICorpusReader"/> over documents and analyses held in memory, in id order, for corpus-stage tests.</summary>
public sealed class InMemoryCorpus : ICorpusReader
{
    private readonly SortedDictionary<string, (Document Document, DocumentAnalysis Analysis)> _items = new(StringComparer.Ordinal);

    public int DocumentCount => _items.Count;

    public InMemoryCorpus Add(Document document, DocumentAnalysis? analysis = null)
    {
        _items[document.Id] = (document, analysis ?? new DocumentAnalysis { DocumentId = document.Id });
        return this;
    }

    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses() => _items.Values;

    public Document? FindDocument(string id) => _items.TryGetValue(id, out var item) ? item.Document : null;

    public DocumentAnalysis? FindAnalysis(string id) => _items.TryGetValue(id, out var item) ? item.Analysis : null;

    /// <summary>A fresh context over this corpus.</summary>
    public CorpusContext Context() => new(this);
}
