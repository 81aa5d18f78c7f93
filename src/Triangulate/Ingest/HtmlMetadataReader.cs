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
internal static partial class HtmlMetadataReader
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · "];
    private static readonly string[] DateMetaLines = LoadLines("date-meta-names.txt");
    private static readonly string[] DateMetaNames = DateMetaLines[..Math.Max(0, Array.IndexOf(DateMetaLines, "[generic]"))];
    private static readonly string[] GenericDateMetaNames = DateMetaLines[(Array.IndexOf(DateMetaLines, "[generic]") + 1)..];

    /// <summary>Reads the page's metadata; <paramref name="sourceUrl"/> (a WARC target, a record's url) stands in for a missing canonical URL.</summary>
    public static SourceMetadata Read(IDocument page, string? sourceUrl = null) => Read(page, sourceUrl, out _);

    /// <summary>
    /// What the page offers when its markup names no publication date: a day written in a date-classed element
    /// (<see cref="Stated"/>, to be anchored in the text), weaker markup (<see cref="Fallback"/>: JSON-LD dateCreated,
    /// a &lt;time&gt; outside the article, a modified date), and the year/month of the URL path that any day must match.
    /// </summary>
    internal sealed record DateLeads((string Written, PartialDate Day)? Stated, PartialDate? Fallback, PartialDate? UrlMonth, bool MonthFirst)
    {
        /// <summary>No leads.</summary>
        public static DateLeads None { get; } = new(null, null, null, false);

        /// <summary>True when <paramref name="day"/> agrees with the URL's year/month (or the URL has none).</summary>
        public bool Fits(PartialDate day) => UrlMonth is not { } month || (month.Year == day.Year && month.Month == day.Month);
    }

    /// <summary>
    /// Reads the page's metadata. When markup gives no publication date, <paramref name="leads"/> says what else the
    /// page offers, for the caller to anchor in the text.
    /// </summary>
    public static SourceMetadata Read(IDocument page, string? sourceUrl, out DateLeads leads)
    {
        var markup = Markup.Collect(page);
        var meta = markup.Meta;
        var ld = JsonLd.Read(markup.JsonLdScripts);
        var url = Absolute(markup.Canonical) ?? Absolute(meta.GetValueOrDefault("og:url")) ?? Absolute(sourceUrl);
        var outlet = SiteName(meta.GetValueOrDefault("og:site_name")) ?? SiteName(ld.Publisher) ?? SourceMetadata.WebHost(url);
        var title = WithoutSite(Clean(meta.GetValueOrDefault("og:title")), outlet) ?? WithoutSite(Clean(ld.Headline), outlet) ?? CleanTitle(page.Title, outlet)
            ?? Clean(markup.FirstH1?.TextContent);
        var published = Published(markup, ld, url, Absolute(sourceUrl), out leads);
        return new SourceMetadata
        {
            Url = url,
            Title = title,
            Outlet = outlet,
            Authors = Authors(markup, meta, ld),
            Published = published,
            Language = Language(page.DocumentElement?.GetAttribute("lang")),
        };
    }

    /// <summary>
    /// Everything the metadata needs, gathered in one walk over the elements (instead of a selector query, i.e. a
    /// walk, per field).
    /// </summary>
    private sealed class Markup
    {
        private const int MaxDateTexts = 8;
        private const int MaxDateTextLength = 160;

        public Dictionary<string, string> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);
        public string? Canonical { get; private set; }
        public List<string> JsonLdScripts { get; } = [];
        /// <summary>Scripts other than JSON-LD (app state, analytics): read only when nothing better dates the page.</summary>
        public List<IElement> OtherScripts { get; } = [];
        public IElement? FirstH1 { get; private set; }
        public List<string> AuthorNames { get; } = [];
        public string? ItempropPublished { get; private set; }
        public string? PubdateTime { get; private set; }
        public string? ArticleTime { get; private set; }
        public string? FirstTime { get; private set; }
        public List<string> DateTexts { get; } = [];
        public bool MonthFirst { get; private set; }

        public static Markup Collect(IDocument page)
        {
            var markup = new Markup();
            var root = page.DocumentElement;
            if (root is null) return markup;
            var lang = root.GetAttribute("lang");
            markup.MonthFirst = lang is not null && (lang.Equals("en", StringComparison.OrdinalIgnoreCase) || lang.StartsWith("en-us", StringComparison.OrdinalIgnoreCase));
            var element = root;
            while (element is not null)
            {
                var descend = markup.Visit(element);
                if (descend && element.FirstElementChild is { } child)
                {
                    element = child;
                    continue;
                }
                while (element is not null && element.NextElementSibling is null) element = element.ParentElement;
                element = element?.NextElementSibling;
            }
            return markup;
        }

        private bool Visit(IElement element)
        {
            switch (element.LocalName)
            {
                case "meta":
                    var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
                    var content = element.GetAttribute("content");
                    if (key is not null && !string.IsNullOrWhiteSpace(content)) Meta.TryAdd(key.Trim(), content.Trim());
                    return false;
                case "link":
                    if (Canonical is null && HasWord(element.GetAttribute("rel"), "canonical")) Canonical = element.GetAttribute("href");
                    if (HasWord(element.GetAttribute("rel"), "author") && !string.IsNullOrWhiteSpace(element.TextContent)) AuthorNames.Add(element.TextContent);
                    return false;
                case "script":
                    if (string.Equals(element.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase)) JsonLdScripts.Add(element.TextContent);
                    else OtherScripts.Add(element);
                    return false;
                case "style" or "template" or "svg" or "noscript":
                    return false;
                case "h1":
                    FirstH1 ??= element;
                    break;
                case "time":
                    var datetime = element.GetAttribute("datetime");
                    if (!string.IsNullOrWhiteSpace(datetime))
                    {
                        if (PubdateTime is null && (element.HasAttribute("pubdate") || string.Equals(element.GetAttribute("itemprop"), "datePublished", StringComparison.OrdinalIgnoreCase)))
                            PubdateTime = datetime;
                        // Pages list many <time>s (teasers, comments); only the first two that qualify are wanted.
                        if (ArticleTime is null || FirstTime is null)
                        {
                            var (inArticle, inFurniture) = Placement(element);
                            if (ArticleTime is null && inArticle && !inFurniture) ArticleTime = datetime;
                            if (FirstTime is null && !inFurniture) FirstTime = datetime;
                        }
                    }
                    break;
            }
            var rel = element.GetAttribute("rel");
            if (rel is not null && element.LocalName != "link" && HasWord(rel, "author")) AuthorNames.Add(element.TextContent);
            var itemprop = element.GetAttribute("itemprop");
            if (itemprop is not null)
            {
                if (ItempropPublished is null && itemprop.Equals("datePublished", StringComparison.OrdinalIgnoreCase))
                    ItempropPublished = element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.TextContent;
                else if (itemprop.Equals("name", StringComparison.OrdinalIgnoreCase) && InAuthor(element))
                    AuthorNames.Add(element.TextContent);
            }
            if (DateTexts.Count < MaxDateTexts && element.ChildElementCount <= 6 && (SaysDate(element.Id) || SaysDate(element.GetAttribute("class")))
                && !Placement(element).InFurniture)
            {
                var text = element.TextContent;
                if (text.Length <= MaxDateTextLength && text.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && Clean(text) is { } clean) DateTexts.Add(clean);
            }
            return true;
        }

        private static bool InAuthor(IElement element)
        {
            for (var at = element.ParentElement; at is not null; at = at.ParentElement)
                if (string.Equals(at.GetAttribute("itemprop"), "author", StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>Whether an element sits in the article (article, main, header of either) and whether in furniture (nav, aside, footer, comments, related lists).</summary>
        private static (bool InArticle, bool InFurniture) Placement(IElement element)
        {
            bool article = false, furniture = false;
            for (var at = element.ParentElement; at is not null; at = at.ParentElement)
            {
                switch (at.LocalName)
                {
                    case "article" or "main": article = true; break;
                    case "nav" or "aside" or "footer": furniture = true; break;
                }
                var (weight, kind) = HtmlClassHints.Score(at.GetAttribute("class"));
                if (weight < 0 && kind is BlockKind.Comment or BlockKind.Related or BlockKind.Teaser or BlockKind.Navigation) furniture = true;
            }
            return (article, furniture);
        }

        /// <summary>True when a class or id word names a date: date, time(stamp), publish(ed), datum, fecha, data.</summary>
        private static bool SaysDate(string? attribute)
        {
            if (string.IsNullOrEmpty(attribute)) return false;
            return attribute.Contains("date", StringComparison.OrdinalIgnoreCase) || attribute.Contains("publish", StringComparison.OrdinalIgnoreCase)
                || attribute.Contains("datum", StringComparison.OrdinalIgnoreCase) || attribute.Contains("fecha", StringComparison.OrdinalIgnoreCase)
                || attribute.Contains("timestamp", StringComparison.OrdinalIgnoreCase) || attribute.Contains("posted", StringComparison.OrdinalIgnoreCase);
        }

        private static bool HasWord(string? value, string word)
        {
            if (value is null) return false;
            foreach (var part in value.AsSpan().Split(' '))
                if (value.AsSpan()[part].Trim().Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }

    private static List<string> Authors(Markup markup, Dictionary<string, string> meta, JsonLd ld)
    {
        var authors = new List<string>();
        void Add(string? value)
        {
            var clean = Clean(value);
            if (clean is null || clean.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return;
            foreach (var name in SplitNames(clean))
                if (NameShape.IsPersonName(name) && !authors.Contains(name, StringComparer.OrdinalIgnoreCase)) authors.Add(name);
        }
        foreach (var name in ld.Authors) Add(name);
        if (authors.Count == 0) Add(meta.GetValueOrDefault("author"));
        if (authors.Count == 0) Add(meta.GetValueOrDefault("article:author"));
        if (authors.Count == 0)
            foreach (var name in markup.AuthorNames) Add(name);
        return authors;
    }

    /// <summary>"A, B and C" → A, B, C; a "By " prefix is dropped, and so is the outlet a credit names after "for" ("A And B For The X" → A, B).</summary>
    internal static IEnumerable<string> SplitNames(string value)
    {
        if (value.StartsWith("By ", StringComparison.OrdinalIgnoreCase)) value = value[3..];
        var forAt = value.IndexOf(" for ", StringComparison.OrdinalIgnoreCase);
        if (forAt > 0) value = value[..forAt];
        foreach (var part in NameSeparator().Split(value))
            if (part.Trim() is { Length: > 1 } name) yield return name;
    }

    // "and" in any case: a byline written in title case has "And" too.
    [System.Text.RegularExpressions.GeneratedRegex(@"[,;]|\s(?:and|&)\s", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NameSeparator();

    /// <summary>
    /// The publication day: publication meta tags (in <c>Data/date-meta-names.txt</c> order), JSON-LD datePublished,
    /// itemprop datePublished, &lt;time pubdate&gt;, a full date in the URL path, the first &lt;time&gt; in the
    /// article; failing those, <paramref name="leads"/> carries a day written in a date-classed element and the weaker
    /// markup (JSON-LD dateCreated, a &lt;time&gt; elsewhere, modified dates). A candidate that contradicts a year/month in the
    /// URL path ("/2020/03/") is passed over: stale or bogus metadata (0001-01-01, a template's build date) is common.
    /// </summary>
    private static DateEstimate? Published(Markup markup, JsonLd ld, string? url, string? sourceUrl, out DateLeads leads)
    {
        var urlMonth = DateText.MonthInUrl(url) ?? DateText.MonthInUrl(sourceUrl);
        leads = DateLeads.None;
        var candidates = new List<string?>(DateMetaNames.Length + 8);
        foreach (var name in DateMetaNames) candidates.Add(markup.Meta.GetValueOrDefault(name));
        candidates.Add(ld.DatePublished);
        candidates.Add(markup.ItempropPublished);
        candidates.Add(markup.PubdateTime);
        var urlDay = DateText.InUrl(url) ?? DateText.InUrl(sourceUrl);
        foreach (var candidate in candidates)
            if (Accept(ParseDay(candidate), urlMonth) is { } day) return DateEstimate.Exact(NextToUrlDay(day, candidate!, urlDay), DateBasis.Metadata);
        if (urlDay is { } inUrl) return DateEstimate.Exact(inUrl, DateBasis.Metadata);
        if (Accept(ParseDay(markup.ArticleTime), urlMonth) is { } timed) return DateEstimate.Exact(timed, DateBasis.Metadata);
        foreach (var name in GenericDateMetaNames)
            if (Accept(ParseDay(markup.Meta.GetValueOrDefault(name)), urlMonth) is { } day) return DateEstimate.Exact(day, DateBasis.Metadata);
        (string, PartialDate)? stated = null;
        foreach (var text in markup.DateTexts)
        {
            if (DateText.Find(text, markup.MonthFirst) is not { } found || Accept(found.Day, urlMonth) is null) continue;
            stated = (text.Substring(found.Index, found.Length), found.Day);
            break;
        }
        PartialDate? fallback = null;
        string?[] weaker = [ScriptPublished(markup.OtherScripts), ld.DateCreated, markup.FirstTime, ld.AnyDatePublished, ld.DateModified, markup.Meta.GetValueOrDefault("article:modified_time"),
            markup.Meta.GetValueOrDefault("og:updated_time"), markup.Meta.GetValueOrDefault("dateModified"), markup.Meta.GetValueOrDefault("last-modified")];
        foreach (var candidate in weaker)
            if ((fallback = Accept(ParseDay(candidate), urlMonth)) is not null) break;
        leads = new DateLeads(stated, fallback, urlMonth, markup.MonthFirst);
        return null;
    }

    /// <summary>
    /// The last resort for a page that markup, the lines near its headline and the weaker markup leave undated
    /// (htmldate's extensive search): the first day written in a short text segment (basis stated, with its span),
    /// else the day the page source writes most (see <see cref="DateText.MostWritten"/>; basis metadata, as it may
    /// sit in a script or an attribute). Both must fit the URL's year/month. A guess: the text's own date lines win
    /// over it (<see cref="SourceMetadata.LastResortPublished"/>).
    /// </summary>
    internal static DateEstimate? LastResort(IDocument page, string text, IReadOnlyList<TextSegment> segments, DateLeads leads, string documentId)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(leads);
        if (DateText.InShortSegments(text, segments, leads.MonthFirst, leads.Fits) is { } written)
            return DateEstimate.Exact(written.Day, DateBasis.Stated, [new TextSpan(documentId, written.Start, written.End).WithExcerpt(text)]);
        // The parsed page, serialised: the parser has dropped comments (build stamps, templates' notes), which are no date of the page.
        var source = page.DocumentElement?.OuterHtml;
        return source is not null && DateText.MostWritten(source, leads.MonthFirst, leads.Fits) is { } day ? DateEstimate.Exact(day, DateBasis.Metadata) : null;
    }

    /// <summary>
    /// A UTC timestamp one day off the URL's day is the same moment seen from another time zone (past the outlet's
    /// midnight): the URL is written in the outlet's own day, which is the day its readers saw. A timestamp written
    /// with the outlet's own offset already names its local day, and wins.
    /// </summary>
    private static PartialDate NextToUrlDay(PartialDate day, string written, PartialDate? urlDay) =>
        urlDay is { } u && Math.Abs(u.Earliest.DayNumber - day.Earliest.DayNumber) == 1 && IsUtc(written) ? u : day;

    private static bool IsUtc(string written)
    {
        var stamp = written.AsSpan().Trim();
        return stamp.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || stamp.EndsWith("+00:00", StringComparison.Ordinal) || stamp.EndsWith("+0000", StringComparison.Ordinal);
    }

    /// <summary>
    /// A "datePublished" written in a page's app-state or analytics script (as htmldate's JSON search reads it): the
    /// publication date the page's own code holds when its markup shows none.
    /// </summary>
    private static string? ScriptPublished(List<IElement> scripts)
    {
        foreach (var script in scripts)
        {
            var text = script.TextContent;
            if (text.Length == 0 || !text.Contains("atePublished", StringComparison.Ordinal)) continue;
            if (ScriptDatePublished().Match(text) is { Success: true } m) return m.Groups["date"].Value;
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[""']?[dD]atePublished[""']?\s*:\s*[""'](?<date>\d{4}-\d{2}-\d{2})", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ScriptDatePublished();

    private static PartialDate? Accept(PartialDate? day, PartialDate? urlMonth)
    {
        if (day is not { } d || DateText.Make(d.Year, d.Month ?? 0, d.Day ?? 0) is null) return null;
        if (urlMonth is { } month && (month.Year != d.Year || month.Month != d.Month)) return null;
        return d;
    }

    /// <summary>The calendar day an ISO 8601 timestamp names, as written (its own offset, not converted).</summary>
    internal static PartialDate? ParseDay(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.AsSpan().Trim();
        if (text.Length >= 10 && PartialDate.TryParse(text[..10], out var day)) return day;
        // Dotted and dashed numeric forms are day-first ("01-11-2023 10:29", "25.01.2022"); the invariant parser would read them month-first.
        if (text.Length >= 8 && char.IsAsciiDigit(text[0]) && DateText.Find(text.ToString(), monthFirst: true) is { Index: 0 } numeric) return numeric.Day;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return PartialDate.FromDate(DateOnly.FromDateTime(parsed.DateTime));
        // "20200327", "2020/03/27 10:00", "27.03.2020": what a meta tag holds when it is not ISO 8601.
        if (text.Length >= 8 && int.TryParse(text[..8], NumberStyles.None, CultureInfo.InvariantCulture, out var compact) && (text.Length == 8 || !char.IsAsciiDigit(text[8])))
            return DateText.Make(compact / 10000, compact / 100 % 100, compact % 100);
        return DateText.Find(text.ToString(), monthFirst: false)?.Day;
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
    internal static string? CleanTitle(string? title, string? outlet) => WithoutSite(Clean(title), outlet, shortTail: true);

    /// <summary>
    /// Drops a " | Site" or " - Site" suffix that names the site (<paramref name="outlet"/>); with
    /// <paramref name="shortTail"/> (a title bar's text) also a last part much shorter than the rest. A social card's
    /// title (og:title) often keeps the site's name as the title bar does ("Storm closes port | Example News"), but its
    /// short last part may be the headline's own ("Storm closes port - live"), so there only the site's name goes.
    /// </summary>
    private static string? WithoutSite(string? clean, string? outlet, bool shortTail = false)
    {
        if (clean is null) return null;
        // A site name may hold a separator of its own ("Example - Local News"): the whole name goes first.
        if (outlet is not null)
            foreach (var separator in TitleSeparators)
                if (clean.Length > separator.Length + outlet.Length && clean.EndsWith(string.Concat(separator, outlet), StringComparison.OrdinalIgnoreCase))
                    return clean[..^(separator.Length + outlet.Length)].Trim();
        foreach (var separator in TitleSeparators)
        {
            var at = clean.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            var head = clean[..at].Trim();
            var tail = clean[(at + separator.Length)..].Trim();
            var isSite = outlet is not null && tail.Length > 0 && (tail.Contains(outlet, StringComparison.OrdinalIgnoreCase) || WordsIn(tail, outlet));
            if (isSite || (shortTail && tail.Length * 2 < head.Length && tail.Split(' ').Length <= 4)) return head;
        }
        return clean;
    }

    /// <summary>
    /// A site name as markup gives it; one written as the site's address ("https://www.example.org") is its host. A
    /// name followed by a tagline too long for a name ("X News | The latest from the region | XN", "X - Das Magazin für
    /// die Region") is its part before the first bar or dash (<see cref="TextMetadataExtractor.NamePart"/>); a site name that is a
    /// tagline or a sentence, not a name (<see cref="NameShape"/>), names no site, and the next source is asked.
    /// </summary>
    private static readonly string[] TaglineBars = [" | ", " - ", " – ", " — "];

    internal static string? SiteName(string? name)
    {
        var clean = Clean(name);
        if (clean is null) return null;
        if (clean.StartsWith("http", StringComparison.OrdinalIgnoreCase) && SourceMetadata.WebHost(clean) is { } host) return host;
        if (NameShape.IsName(clean)) return clean;
        var bar = -1;
        foreach (var separator in TaglineBars)
            if (clean.IndexOf(separator, StringComparison.Ordinal) is var at and > 0 && (bar < 0 || at < bar)) bar = at;
        var first = bar > 0 ? TextMetadataExtractor.NamePart(clean[..bar]) : null;
        return first is not null && NameShape.IsName(first) ? first : null;
    }

    /// <summary>True when every word of <paramref name="tail"/> occurs in <paramref name="outlet"/> ("Example News" in "news.example.com").</summary>
    private static bool WordsIn(string tail, string outlet)
    {
        foreach (var word in tail.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (!outlet.Contains(word, StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    private static string? Absolute(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.ToString() : null;

    private static string[] LoadLines(string name)
    {
        using var stream = typeof(HtmlMetadataReader).Assembly.GetManifestResourceStream("Triangulate.Data." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') lines.Add(line.Trim());
        return [.. lines];
    }

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

        public string? DateCreated { get; private set; }
        public string? DateModified { get; private set; }
        /// <summary>datePublished of any object, article or not (a product, a how-to): weaker evidence.</summary>
        public string? AnyDatePublished { get; private set; }

        public static JsonLd Read(List<string> scripts)
        {
            var ld = new JsonLd();
            foreach (var script in scripts)
            {
                try
                {
                    using var json = JsonDocument.Parse(script, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
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
            AnyDatePublished ??= String(element, "datePublished");
            if (!IsArticle(element)) return;
            Headline ??= String(element, "headline");
            DatePublished ??= String(element, "datePublished");
            DateCreated ??= String(element, "dateCreated");
            DateModified ??= String(element, "dateModified");
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
