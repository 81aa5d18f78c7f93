namespace Triangulate.Ingest;

/// <summary>
/// Cuts text into its non-blank lines, each trimmed of surrounding white space: the segments of a text capture. A line
/// longer than <see cref="MaxLineChars"/> (a whole file on one line) is cut into pieces at sentence ends, else at
/// white space: the block classifier judges lines, and one 5 MB "line" read as a caption or a credit was not analysed.
/// </summary>
public static class LineSegmenter
{
    /// <summary>Longest segment, in characters. A long news paragraph is under 3,000.</summary>
    public const int MaxLineChars = 4_000;

    /// <summary>Returns one segment per non-blank line (several for an over-long line).</summary>
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
            Add(span, lineStart, lineEnd, segments);
            lineStart = lineEnd + 1;
        }
        return segments;
    }

    private static void Add(ReadOnlySpan<char> span, int s, int e, List<TextSegment> segments)
    {
        while (true)
        {
            while (s < e && char.IsWhiteSpace(span[s])) s++;
            while (e > s && char.IsWhiteSpace(span[e - 1])) e--;
            if (e <= s) return;
            if (e - s <= MaxLineChars)
            {
                segments.Add(new TextSegment(s, e));
                return;
            }
            var cut = Cut(span.Slice(s, MaxLineChars));
            var end = s + cut;
            while (end > s && char.IsWhiteSpace(span[end - 1])) end--;
            segments.Add(new TextSegment(s, end));
            s += cut;
        }
    }

    /// <summary>Where to cut a window of an over-long line: after its last sentence end in the second half, else at its last white space there, else at its end (never inside a surrogate pair).</summary>
    private static int Cut(ReadOnlySpan<char> window)
    {
        var half = window.Length / 2;
        for (var i = window.Length - 2; i >= half; i--)
            if (window[i] is '.' or '!' or '?' && window[i + 1] == ' ') return i + 1;
        var space = window[half..].LastIndexOf(' ');
        if (space >= 0) return half + space;
        return char.IsHighSurrogate(window[^1]) ? window.Length - 1 : window.Length;
    }
}
