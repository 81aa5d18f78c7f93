using System.Collections.Frozen;

namespace Triangulate.Ingest;

/// <summary>
/// A cheap linear pre-scan of an HTML page that bounds what the HTML5 parser sees: AngleSharp spends quadratic time on
/// tens of thousands of unclosed or nested tags (60,000 unclosed &lt;div&gt;&lt;span&gt;&lt;b&gt; took 36 s, 100,000
/// nested divs 114 s). Start tags that would open deeper than <see cref="IngestLimits.MaxHtmlDepth"/> are dropped (the
/// text inside them is kept, read as if at the cap), and the page is cut before the element past
/// <see cref="IngestLimits.MaxHtmlElements"/>; first of all, a page over <see cref="IngestLimits.MaxHtmlChars"/> of
/// markup is cut there (a 21 MB page of 85,000 paragraphs passed the other caps and took 1.3 GB and minutes). Depth is
/// counted naively (a start tag opens, its end tag closes it and anything opened after it); void elements and elements whose end tag is optional or implied by the next one (p, li, td, a, ...) are not counted, so
/// well-formed and ordinary sloppy pages stay far under the cap.
/// </summary>
internal static class HtmlParseBudget
{
    // Elements that never hold children, or whose end tag a later sibling implies: counting them would make ordinary
    // pages look deep.
    private static readonly FrozenSet<string> NotNesting = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp", "rtc",
        "colgroup", "caption", "a", "nobr", "html", "head", "body", "image");

    // Raw-text elements: their content is not markup, so the scan jumps to their end tag.
    private static readonly FrozenSet<string> RawText = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext");

    // How far down the open elements an end tag looks for its start tag: keeps a page of stray end tags linear.
    private const int EndTagReach = 64;

    /// <summary>
    /// The page as the parser should see it (<paramref name="page"/> itself when within the limits) and, when bounded,
    /// what was done, in one line. <paramref name="complete"/> false: <paramref name="page"/> is the first part of a
    /// longer page, the rest left unread (<see cref="HtmlPageBytes"/>).
    /// </summary>
    public static (string Html, string? Reason) Scan(string page, IngestLimits limits, bool complete = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(limits);
        var (html, sizeCut) = WithinSize(page, limits, complete);
        var (bounded, reason) = ScanTags(html, limits);
        return sizeCut is null ? (bounded, reason) : (bounded, reason is null ? sizeCut : $"{sizeCut}; {reason}");
    }

    /// <summary>
    /// The page cut to <see cref="IngestLimits.MaxHtmlChars"/>, at the last tag start before the cap (so no tag is
    /// split), and the line that says so; the page itself when within the cap.
    /// </summary>
    private static (string Html, string? Reason) WithinSize(string page, IngestLimits limits, bool complete)
    {
        if (!complete && page.Length <= limits.MaxHtmlChars) return (page, Cut(limits, page.Length, null));
        if (page.Length <= limits.MaxHtmlChars) return (page, null);
        // Back to the last tag start, unless that is far back (a page of text): then at the cap, whole characters.
        var cut = page.LastIndexOf('<', limits.MaxHtmlChars);
        if (cut < limits.MaxHtmlChars / 2)
        {
            cut = limits.MaxHtmlChars;
            if (char.IsHighSurrogate(page[cut - 1])) cut--;
        }
        return (page[..cut], Cut(limits, cut, complete ? page.Length : null));
    }

    private static string Cut(IngestLimits limits, int kept, int? total) => total is { } length
        ? $"page truncated at {Size(limits.MaxHtmlChars)} for analysis: the first {kept} of {length} characters of markup read"
        : $"page truncated at {Size(limits.MaxHtmlChars)} for analysis: the first {kept} characters of markup read, the rest of the page left out";

    private static string Size(int chars) => chars % (1 << 20) == 0 ? $"{chars >> 20} MB" : $"{chars} characters";

    private static (string Html, string? Reason) ScanTags(string html, IngestLimits limits)
    {
        var open = new List<string>();
        System.Text.StringBuilder? kept = null;
        var copied = 0;
        var dropped = 0;
        var elements = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '!')
            {
                var close = string.CompareOrdinal(html, i, "<!--", 0, 4) == 0 ? IndexAfter(html, "-->", i + 4) : IndexAfter(html, ">", i + 2);
                if (close < 0) break;
                i = close;
                continue;
            }
            var closing = next == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-')) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0) break;
            var start = i;
            i = tagEnd + 1;
            if (closing)
            {
                for (var k = open.Count - 1; k >= Math.Max(0, open.Count - EndTagReach); k--)
                {
                    if (open[k] != name) continue;
                    open.RemoveRange(k, open.Count - k);
                    break;
                }
                continue;
            }
            var nests = html[tagEnd - 1] != '/' && !NotNesting.Contains(name) && !RawText.Contains(name);
            if (nests && open.Count >= limits.MaxHtmlDepth)
            {
                // Dropped, so not counted as an element: the parser never sees it.
                kept ??= new System.Text.StringBuilder(html.Length);
                kept.Append(html, copied, start - copied);
                copied = i;
                dropped++;
                continue;
            }
            if (++elements > limits.MaxHtmlElements)
                return (Kept(html, kept, copied, start), Describe(dropped, limits) + $"over the {limits.MaxHtmlElements}-element limit for one page: read up to character {start} of {html.Length}");
            if (RawText.Contains(name))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (end < 0) break;
                i = end;
                continue;
            }
            if (nests) open.Add(name);
        }
        return dropped == 0 ? (html, null) : (Kept(html, kept, copied, html.Length), Describe(dropped, limits).TrimEnd(' ', ';'));
    }

    private static string Kept(string html, System.Text.StringBuilder? kept, int copied, int end) =>
        kept is null ? html[..end] : kept.Append(html, copied, end - copied).ToString();

    private static string Describe(int dropped, IngestLimits limits) =>
        dropped == 0 ? "" : $"{dropped} tags nested over {limits.MaxHtmlDepth} deep (unclosed tags) dropped, their text kept; ";

    private static int IndexAfter(string html, string value, int from)
    {
        var at = html.IndexOf(value, from, StringComparison.Ordinal);
        return at < 0 ? -1 : at + value.Length;
    }
}
