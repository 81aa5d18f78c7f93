using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Extract;

/// <summary>Runs the extractors, in the order given, over one document. Immutable and thread-safe when its extractors are.</summary>
public sealed class DocumentExtractor(ISentenceSplitter splitter, IReadOnlyList<IExtractor> extractors)
{
    /// <summary>The extractors, in order.</summary>
    public IReadOnlyList<IExtractor> Extractors { get; } = extractors;

    /// <summary>Extracts everything from <paramref name="document"/>.</summary>
    public DocumentAnalysis Extract(Document document)
    {
        var context = new ExtractionContext(document, splitter);
        foreach (var extractor in Extractors) extractor.Extract(context);
        return context.ToAnalysis();
    }
}
