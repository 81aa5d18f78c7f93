using System.Collections.Frozen;

namespace Triangulate.Ingest;

/// <summary>
/// A cheap linear pre-scan of an HTML page that finds where it would exceed <see cref="IngestLimits.MaxHtmlElements"/>
/// or <see cref="IngestLimits.MaxHtmlDepth"/>, so the page can be cut there before the HTML5 parser sees it: AngleSharp
/// spends quadratic time on tens of thousands of unclosed tags (60,000 unclosed &lt;div&gt;&lt;span&gt;&lt;b&gt; took
/// 36 s). Depth is counted naively (a start tag opens, its end tag closes it and anything opened after it); void
/// elements and elements whose end tag is optional or implied by the next one (p, li, td, a, ...) are not counted, so
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

    /// <summary>Where to cut <paramref name="html"/> (its length when it is within the limits) and, when cut, why.</summary>
    public static (int Cut, string? Reason) Scan(string html, IngestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(limits);
        var open = new List<string>();
        var elements = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '!')
            {
                var close = string.CompareOrdinal(html, i, "<!--", 0, 4) == 0
                    ? IndexAfter(html, "-->", i + 4) : IndexAfter(html, ">", i + 2);
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
            if (closing)
            {
                for (var k = open.Count - 1; k >= Math.Max(0, open.Count - EndTagReach); k--)
                {
                    if (open[k] != name) continue;
                    open.RemoveRange(k, open.Count - k);
                    break;
                }
                i = tagEnd + 1;
                continue;
            }
            var start = i;
            if (++elements > limits.MaxHtmlElements)
                return (start, $"over the {limits.MaxHtmlElements}-element limit for one page: read up to element {limits.MaxHtmlElements} (character {start} of {html.Length})");
            i = tagEnd + 1;
            if (RawText.Contains(name))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (end < 0) break;
                i = end;
                continue;
            }
            if (html[tagEnd - 1] == '/' || NotNesting.Contains(name)) continue;
            open.Add(name);
            if (open.Count > limits.MaxHtmlDepth)
                return (start, $"elements nested over {limits.MaxHtmlDepth} deep (unclosed tags): read up to character {start} of {html.Length}");
        }
        return (html.Length, null);
    }

    private static int IndexAfter(string html, string value, int from)
    {
        var at = html.IndexOf(value, from, StringComparison.Ordinal);
        return at < 0 ? -1 : at + value.Length;
    }
}
