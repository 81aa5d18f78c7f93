using Triangulate.Model;

namespace Triangulate.Tests.Support;

/// <summary>Every span a document's analysis carries: entity mentions, times, claims, quotes, citations.</summary>
public static class AnalysisSpans
{
    /// <summary>The spans, in extractor order.</summary>
    public static List<TextSpan> Of(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var spans = new List<TextSpan>();
        foreach (var e in analysis.Entities) spans.AddRange(e.Mentions);
        foreach (var t in analysis.Times) spans.Add(t.Span);
        foreach (var c in analysis.Claims) spans.Add(c.Mention.Span);
        foreach (var q in analysis.Quotes) spans.Add(q.Variant.Span);
        foreach (var c in analysis.Citations) spans.Add(c.Span);
        return spans;
    }
}
