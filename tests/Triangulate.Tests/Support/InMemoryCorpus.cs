using Triangulate.Link;
using Triangulate.Model;

namespace Triangulate.Tests.Support;

/// <summary>The library's in-memory corpus reader with a fluent <see cref="Add"/>, for corpus-stage tests.</summary>
public sealed class InMemoryCorpus : ICorpusReader
{
    private readonly InMemoryCorpusReader _reader = new([]);

    public int DocumentCount => _reader.DocumentCount;

    public InMemoryCorpus Add(Document document, DocumentAnalysis? analysis = null)
    {
        _reader.Add(document, analysis ?? new DocumentAnalysis { DocumentId = document.Id });
        return this;
    }

    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses() => _reader.ReadAnalyses();

    public Document? FindDocument(string id) => _reader.FindDocument(id);

    public DocumentAnalysis? FindAnalysis(string id) => _reader.FindAnalysis(id);

    /// <summary>A fresh context over this corpus.</summary>
    public CorpusContext Context() => new(this);
}
