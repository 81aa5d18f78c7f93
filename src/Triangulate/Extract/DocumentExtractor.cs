using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Extract;

/// <summary>Runs the extractors, in the order given, over one document. Immutable and thread-safe when its extractors are.</summary>
public sealed class DocumentExtractor(ISentenceSplitter splitter, IReadOnlyList<IExtractor> extractors)
{
    /// <summary>The extractors, in order.</summary>
    public IReadOnlyList<IExtractor> Extractors { get; } = extractors;

    /// <summary>Extracts everything from <paramref name="document"/>.</summary>
    public DocumentAnalysis Extract(Document document) => Extract(document, Ingest.IngestLimits.Default, []);

    /// <summary>Extracts within <paramref name="limits"/>; adds a one-line note of each cap the document hit to <paramref name="limitsHit"/>.</summary>
    internal DocumentAnalysis Extract(Document document, Ingest.IngestLimits limits, List<string> limitsHit)
    {
        var context = new ExtractionContext(document, splitter, limits);
        foreach (var extractor in Extractors) extractor.Extract(context);
        var analysis = context.ToAnalysis();
        limitsHit.AddRange(context.LimitsHit);
        return analysis;
    }
}
