using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Reads what a page's markup says about the article: Open Graph and article:* meta tags, JSON-LD (schema.org
/// NewsArticle and kin), microdata, &lt;title&gt;, &lt;time&gt;, rel=author and the html lang attribute. Structured
/// sources come first because publishers fill them for search engines and social cards, more carefully than the title bar.
/// </summary>
internal static class HtmlMetadataReader
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · "];

    public static SourceMetadata Read(IDocument page)
    {
        var meta = MetaValues(page);
        var ld = JsonLd.Read(page);
        var url = Absolute(page.QuerySelector("link[rel~=canonical]")?.GetAttribute("href")) ?? Absolute(meta.GetValueOrDefault("og:url"));
        var outlet = Clean(meta.GetValueOrDefault("og:site_name")) ?? Clean(ld.Publisher) ?? HostOf(url);
        var title = Clean(meta.GetValueOrDefault("og:title")) ?? Clean(ld.Headline) ?? CleanTitle(page.Title, outlet)
            ?? Clean(page.QuerySelector("h1")?.TextContent);
        return new SourceMetadata
        {
            Url = url,
            Title = title,
            Outlet = outlet,
            Authors = Authors(page, meta, ld),
            Published = Published(page, meta, ld),
            Language = Language(page.DocumentElement?.GetAttribute("lang")),
        };
    }

    private static Dictionary<string, string> MetaValues(IDocument page)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in page.QuerySelectorAll("meta[content]"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            var content = meta.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content)) continue;
            values.TryAdd(key.Trim(), content.Trim());
        }
        return values;
    }

    private static List<string> Authors(IDocument page, Dictionary<string, string> meta, JsonLd ld)
    {
        var authors = new List<string>();
        void Add(string? value)
        {
            var clean = Clean(value);
            if (clean is null || clean.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return;
            foreach (var name in SplitNames(clean))
                if (!authors.Contains(name, StringComparer.OrdinalIgnoreCase)) authors.Add(name);
        }
        foreach (var name in ld.Authors) Add(name);
        if (authors.Count == 0) Add(meta.GetValueOrDefault("author"));
        if (authors.Count == 0) Add(meta.GetValueOrDefault("article:author"));
        if (authors.Count == 0)
            foreach (var link in page.QuerySelectorAll("a[rel~=author], [itemprop=author] [itemprop=name], [rel=author]")) Add(link.TextContent);
        return authors;
    }

    /// <summary>"A, B and C" → A, B, C; a "By " prefix is dropped.</summary>
    internal static IEnumerable<string> SplitNames(string value)
    {
        if (value.StartsWith("By ", StringComparison.OrdinalIgnoreCase)) value = value[3..];
        foreach (var part in value.Split([",", " and ", " & ", ";"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (part.Length > 1) yield return part;
    }

    private static DateEstimate? Published(IDocument page, Dictionary<string, string> meta, JsonLd ld)
    {
        string?[] candidates =
        [
            meta.GetValueOrDefault("article:published_time"),
            ld.DatePublished,
            meta.GetValueOrDefault("datePublished"),
            page.QuerySelector("[itemprop=datePublished]")?.GetAttribute("datetime"),
            page.QuerySelector("article time[datetime], main time[datetime]")?.GetAttribute("datetime"),
            meta.GetValueOrDefault("date"),
            meta.GetValueOrDefault("pubdate"),
        ];
        foreach (var candidate in candidates)
        {
            if (ParseDay(candidate) is { } day) return DateEstimate.Exact(day, DateBasis.Metadata);
        }
        return null;
    }

    /// <summary>The calendar day an ISO 8601 timestamp names, as written (its own offset, not converted).</summary>
    internal static PartialDate? ParseDay(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.AsSpan().Trim();
        if (text.Length >= 10 && PartialDate.TryParse(text[..10], out var day)) return day;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return PartialDate.FromDate(DateOnly.FromDateTime(parsed.DateTime));
        return null;
    }

    private static string? Language(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang)) return null;
        var code = lang.Trim();
        var dash = code.IndexOfAny(['-', '_']);
        if (dash > 0) code = code[..dash];
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetter) ? code.ToLowerInvariant() : null;
    }

    /// <summary>Drops a " | Site" or " - Site" suffix: the site name when known, else a last part much shorter than the rest.</summary>
    internal static string? CleanTitle(string? title, string? outlet)
    {
        var clean = Clean(title);
        if (clean is null) return null;
        foreach (var separator in TitleSeparators)
        {
            var at = clean.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            var head = clean[..at].Trim();
            var tail = clean[(at + separator.Length)..].Trim();
            var isSite = outlet is not null && (tail.Contains(outlet, StringComparison.OrdinalIgnoreCase) || WordsIn(tail, outlet));
            if (isSite || (tail.Length * 2 < head.Length && tail.Split(' ').Length <= 4)) return head;
        }
        return clean;
    }

    /// <summary>True when every word of <paramref name="tail"/> occurs in <paramref name="outlet"/> ("Example News" in "news.example.com").</summary>
    private static bool WordsIn(string tail, string outlet)
    {
        foreach (var word in tail.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (!outlet.Contains(word, StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    private static string? HostOf(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var host = uri.Host;
        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
    }

    private static string? Absolute(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.ToString() : null;

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var collapsed = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }

    /// <summary>The fields of the page's JSON-LD article objects that metadata needs.</summary>
    private sealed class JsonLd
    {
        public string? Headline { get; private set; }
        public string? Publisher { get; private set; }
        public string? DatePublished { get; private set; }
        public List<string> Authors { get; } = [];

        public static JsonLd Read(IDocument page)
        {
            var ld = new JsonLd();
            foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                    ld.Visit(json.RootElement, 0);
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common and harmless: the other sources still apply.
                }
            }
            return ld;
        }

        private void Visit(JsonElement element, int depth)
        {
            if (depth > 8) return;
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray()) Visit(item, depth + 1);
                return;
            }
            if (element.ValueKind != JsonValueKind.Object) return;
            if (element.TryGetProperty("@graph", out var graph)) Visit(graph, depth + 1);
            if (!IsArticle(element)) return;
            Headline ??= String(element, "headline");
            DatePublished ??= String(element, "datePublished");
            if (Publisher is null && element.TryGetProperty("publisher", out var publisher)) Publisher = NameOf(publisher);
            if (Authors.Count == 0 && element.TryGetProperty("author", out var author))
            {
                if (author.ValueKind == JsonValueKind.Array)
                {
                    foreach (var one in author.EnumerateArray())
                        if (NameOf(one) is { } name) Authors.Add(name);
                }
                else if (NameOf(author) is { } name)
                {
                    Authors.Add(name);
                }
            }
        }

        private static bool IsArticle(JsonElement element)
        {
            if (!element.TryGetProperty("@type", out var type)) return false;
            if (type.ValueKind == JsonValueKind.String) return IsArticleType(type.GetString());
            if (type.ValueKind != JsonValueKind.Array) return false;
            foreach (var one in type.EnumerateArray())
                if (one.ValueKind == JsonValueKind.String && IsArticleType(one.GetString())) return true;
            return false;
        }

        private static bool IsArticleType(string? type) =>
            type is not null && (type.EndsWith("Article", StringComparison.Ordinal) || type is "BlogPosting" or "Report" or "LiveBlogPosting" or "WebPage");

        private static string? NameOf(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Object => String(element, "name"),
            JsonValueKind.Array => element.GetArrayLength() > 0 ? NameOf(element[0]) : null,
            _ => null,
        };

        private static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
