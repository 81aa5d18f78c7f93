using Triangulate.Link;

namespace Triangulate.Reconcile;

/// <summary>
/// Lines of a page that name another article: a line of its own that is another document's headline, whole or after a
/// short label and a colon (a teaser or a "related" link). A claim said only there is that article's, which the story
/// may hold (the link is often what brought the page in), not the page's: the page repeats a headline, it reports
/// nothing, so the claim corroborates and contradicts nothing. The page's own headline, repeated in its body, is its own.
/// </summary>
internal static class TeaserLines
{
    /// <summary>Longest line read: a headline with its label is a line, not a paragraph.</summary>
    private const int MaxLength = 240;

    /// <summary>
    /// The headlines the line holding [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/> may
    /// name (the line, trimmed, and what follows a short label and a colon), or null when the span is not on one line,
    /// the line is too short or too long to be a headline, or it is the document's own headline (<paramref name="ownTitle"/>).
    /// </summary>
    public static (string Whole, string? AfterLabel)? Line(string text, int start, int end, string? ownTitle)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (start < 0 || end > text.Length || start > end || text.AsSpan(start, end - start).Contains('\n')) return null;
        var from = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var to = text.IndexOf('\n', end);
        if (to < 0) to = text.Length;
        var line = text.AsSpan(from, to - from).Trim();
        if (line.Length < HeadlineLine.MinLength || line.Length > MaxLength) return null;
        var after = HeadlineLine.AfterLabel(line);
        var own = ownTitle.AsSpan().Trim();
        if (line.SequenceEqual(own) || (after.Length > 0 && after.SequenceEqual(own))) return null;
        return (line.ToString(), after.Length >= HeadlineLine.MinLength ? after.ToString() : null);
    }

    /// <summary>True when the line (<see cref="Line"/>) is one of <paramref name="titles"/> (headlines, trimmed), whole or after its label.</summary>
    public static bool NamesAnother((string Whole, string? AfterLabel)? line, IReadOnlySet<string> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        return line is { } l && (titles.Contains(l.Whole) || (l.AfterLabel is { } teased && titles.Contains(teased)));
    }
}
