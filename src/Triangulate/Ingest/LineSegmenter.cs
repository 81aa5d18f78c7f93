namespace Triangulate.Ingest;

/// <summary>Cuts text into its non-blank lines, each trimmed of surrounding white space: the segments of a text capture.</summary>
public static class LineSegmenter
{
    /// <summary>Returns one segment per non-blank line.</summary>
    public static List<TextSegment> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<TextSegment>();
        var span = text.AsSpan();
        var lineStart = 0;
        while (lineStart < span.Length)
        {
            var rest = span[lineStart..];
            var newline = rest.IndexOfAny('\n', '\r');
            var lineEnd = newline < 0 ? span.Length : lineStart + newline;
            int s = lineStart, e = lineEnd;
            while (s < e && char.IsWhiteSpace(span[s])) s++;
            while (e > s && char.IsWhiteSpace(span[e - 1])) e--;
            if (e > s) segments.Add(new TextSegment(s, e));
            lineStart = lineEnd + 1;
        }
        return segments;
    }
}
