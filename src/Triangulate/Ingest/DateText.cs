using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Calendar days written in page text and URLs: ISO (2020-03-27, 2020/03/27), numeric day-first (27.03.2020),
/// US month-first where the page is American English or the numbers say so (3/27/2020), month names in the languages
/// of <c>Data/month-names.tsv</c> ("March 27, 2020", "27. März 2020", "27 de marzo de 2020"), CJK (2020年3月27日),
/// and URL path dates (/2020/03/27/, -20200327-). Implausible years (before 1990, after 2100) are not days of a web page.
/// </summary>
internal static partial class DateText
{
    /// <summary>Month names and abbreviations of the languages in <c>Data/month-names.tsv</c>, lower case → month number.</summary>
    internal static readonly FrozenDictionary<string, int> Months = LoadMonths();
    private static readonly string[] UpdateCues = LoadCues();

    /// <summary>True when the words just before <paramref name="index"/> say the date is an update ("Updated:", "Letzte Änderung:"), from <c>Data/date-update-cues.txt</c>.</summary>
    public static bool NamesUpdate(string line, int index)
    {
        ArgumentNullException.ThrowIfNull(line);
        var before = line.AsSpan(0, index);
        if (before.Length > 40) before = before[^40..];
        foreach (var cue in UpdateCues)
            if (before.Contains(cue, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    // The revision stamp's cue stands at the line's start or after one word ("Article mis à jour le …", "Story updated
    // …"), and its date or time follows within the words a stamp takes, not later in a sentence.
    private const int MaxUpdateCueWord = 1;
    private const int MaxUpdateStampDigitAt = 40;

    /// <summary>
    /// True when <paramref name="line"/> opens with an update cue (<c>Data/date-update-cues.txt</c>) in its first two
    /// words and gives a number (a date or a time) soon after it: "Updated at 1:23 p.m.", "Article mis à jour le 7 janvier
    /// 2020.", not "The plan was revised in 2019." (the cue is its fourth word).
    /// </summary>
    public static bool OpensWithUpdate(ReadOnlySpan<char> line)
    {
        line = line.TrimStart();
        var digit = line.IndexOfAnyInRange('0', '9');
        if (digit < 0 || digit > MaxUpdateStampDigitAt) return false;
        var at = 0;
        for (var word = 0; word <= MaxUpdateCueWord && at < digit; word++)
        {
            foreach (var cue in UpdateCues)
                if (line[at..].StartsWith(cue, StringComparison.OrdinalIgnoreCase)) return true;
            var space = line[at..].IndexOf(' ');
            if (space < 0) break;
            at += space + 1;
        }
        return false;
    }

    private static string[] LoadCues()
    {
        using var stream = typeof(DateText).Assembly.GetManifestResourceStream("Triangulate.Data.date-update-cues.txt")
            ?? throw new InvalidOperationException("embedded resource Triangulate.Data.date-update-cues.txt is missing");
        using var reader = new StreamReader(stream);
        var cues = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') cues.Add(line.Trim());
        return [.. cues];
    }

    /// <summary>The first plausible full day in <paramref name="text"/>, with where it stands; null when none.</summary>
    public static (PartialDate Day, int Index, int Length)? Find(string text, bool monthFirst)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var m = TextDate().Match(text); m.Success; m = m.NextMatch())
            if (Day(m, monthFirst) is { } day) return (day, m.Index, m.Length);
        return null;
    }

    /// <summary>Longest segment the page-wide search reads: a date stamp, not a paragraph that mentions a day.</summary>
    private const int MaxStampLength = 80;

    /// <summary>
    /// First stage of the last resort (htmldate's extensive search over short text nodes), for a page that neither
    /// markup nor the lines near its headline date: the first day written in a short segment outside navigation,
    /// footers, asides and link lists, that <paramref name="fits"/> and is not announced as an update.
    /// </summary>
    public static (PartialDate Day, int Start, int End)? InShortSegments(string text, IReadOnlyList<TextSegment> segments, bool monthFirst, Func<PartialDate, bool> fits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(fits);
        foreach (var segment in segments)
        {
            if (segment.End - segment.Start > MaxStampLength || IsFurniture(segment)) continue;
            var line = text[segment.Start..segment.End];
            if (Find(line, monthFirst) is not { } found || !fits(found.Day) || NamesUpdate(line, found.Index)) continue;
            return (found.Day, segment.Start + found.Index, segment.Start + found.Index + found.Length);
        }
        return null;
    }

    private static bool IsFurniture(TextSegment segment) =>
        segment.Features is { } f && (f.ContainsKey(HtmlFeatures.InPrefix + "nav") || f.ContainsKey(HtmlFeatures.InPrefix + "footer")
            || f.ContainsKey(HtmlFeatures.InPrefix + "aside") || f.GetValueOrDefault(HtmlFeatures.LinkDensity) > 0.5);

    /// <summary>Most distinct days the source-wide search weighs, as htmldate's candidate selection does.</summary>
    private const int MostFrequentDays = 10;

    /// <summary>
    /// Second stage of the last resort (htmldate's pattern search over the whole page source, scripts and attributes
    /// included): of the ten days written most often that <paramref name="fits"/>, the two most recent are weighed and
    /// the more recent wins unless it is written under half as often as the other. Null when the source writes no day.
    /// </summary>
    public static PartialDate? MostWritten(string source, bool monthFirst, Func<PartialDate, bool> fits)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fits);
        var counts = new Dictionary<PartialDate, int>();
        var order = new List<PartialDate>();
        for (var m = TextDate().Match(source); m.Success; m = m.NextMatch())
        {
            if (Day(m, monthFirst) is not { } day || !fits(day)) continue;
            if (counts.TryAdd(day, 1)) order.Add(day);
            else counts[day]++;
        }
        if (order.Count == 0) return null;
        // Most written first, earliest written first among equals; then the two most recent of those.
        var recent = order.OrderByDescending(d => counts[d]).Take(MostFrequentDays).OrderByDescending(d => d.Earliest).Take(2).ToList();
        if (recent.Count == 1) return recent[0];
        var (newer, older) = (recent[0], recent[1]);
        return counts[newer] * 2 > counts[older] ? newer : older;
    }

    /// <summary>Most words a date line has ("Posted: Thursday, July 29, 2004 at 5:12 PM EDT").</summary>
    public const int MaxDateLineWords = 14;

    /// <summary>
    /// The day of a date line: a short line that carries a full day and, besides it, no prose, i.e. at most one
    /// lower-case word of three letters or more outside the date other than the connectives and cues of date lines
    /// ("on", "at", "updated"...). "December 23, 2012", "Posted: Thursday, July 29, 2004", "THURSDAY, JUNE 30, 2005"
    /// are date lines; "He was born on March 5, 1990." is a sentence. When the line holds several days (posted and
    /// updated), the first one not announced as an update is taken.
    /// </summary>
    public static (PartialDate Day, int Index, int Length)? Line(string line, bool monthFirst)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = 0;
        foreach (var part in line.AsSpan().Split(' ')) if (!line.AsSpan()[part].IsWhiteSpace()) words++;
        if (words > MaxDateLineWords) return null;
        (PartialDate, int, int)? first = null, original = null;
        var outside = new System.Text.StringBuilder(line.Length);
        var last = 0;
        for (var m = LineDatePattern.Match(line); m.Success; m = m.NextMatch())
        {
            if (Day(m, monthFirst) is not { } day) continue;
            first ??= (day, m.Index, m.Length);
            // Only the words since the previous day announce this one: "Updated: 04/10/2012 Posted: 04/9/2012".
            if (original is null && !NamesUpdate(line[last..m.Index], m.Index - last)) original = (day, m.Index, m.Length);
            outside.Append(line, last, m.Index - last).Append(' ');
            last = m.Index + m.Length;
        }
        if (first is null) return null;
        outside.Append(line, last, line.Length - last);
        var prose = 0;
        foreach (var word in outside.ToString().Split([' ', ',', ':', ';', '|', '(', ')', '-', '–', '—', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.Trim('.', '@', '"', '\'', '’');
            if (w.Length >= 3 && char.IsLower(w[0]) && !DateLineWords.Contains(w)) prose++;
        }
        return prose <= 1 ? original ?? first : null;
    }

    // Lower-case words date lines carry besides the date: connectives, publication cues, clock words.
    private static readonly FrozenSet<string> DateLineWords = FrozenSet.Create(StringComparer.Ordinal,
        "on", "at", "the", "and", "last", "updated", "update", "posted", "published", "modified", "edited", "created", "filed", "first",
        "am", "pm", "a.m", "p.m", "hrs", "est", "gmt", "utc", "ist");

    /// <summary>True when <paramref name="word"/> is a weekday's name or abbreviation (English and the runtime's cultures of the month-name languages).</summary>
    public static bool IsWeekday(string word) => Weekdays.Contains(word.Trim().TrimEnd('.', ','));

    private static readonly FrozenSet<string> Weekdays = LoadWeekdays();

    private static FrozenSet<string> LoadWeekdays()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in (string[])["en", "de", "fr", "es", "it", "nl", "pt"])
        {
            var format = CultureInfo.GetCultureInfo(culture).DateTimeFormat;
            names.UnionWith(format.DayNames);
            names.UnionWith(format.AbbreviatedDayNames.Select(d => d.TrimEnd('.')));
        }
        return names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A full day in a URL's path, or null.</summary>
    public static PartialDate? InUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var m = UrlDate().Match(uri.AbsolutePath);
        if (!m.Success) return null;
        return Make(Int(m.Groups["y"]), Int(m.Groups["m"]), Int(m.Groups["d"]));
    }

    /// <summary>The year and month in a URL's path ("/2020/03/"), or null; a constraint on a day found elsewhere.</summary>
    public static PartialDate? MonthInUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var m = UrlMonth().Match(uri.AbsolutePath);
        if (!m.Success) return null;
        var year = Int(m.Groups["y"]);
        var month = Int(m.Groups["m"]);
        return year is >= 1990 and <= 2100 && month is >= 1 and <= 12 ? new PartialDate(year, month) : null;
    }

    /// <summary>A checked day: a real calendar day of a plausible year.</summary>
    public static PartialDate? Make(int year, int month, int day) =>
        year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new PartialDate(year, month, day) : null;

    private static PartialDate? Day(Match m, bool monthFirst)
    {
        if (m.Groups["iy"].Success) return Make(Int(m.Groups["iy"]), Int(m.Groups["im"]), Int(m.Groups["id"]));
        if (m.Groups["cy"].Success) return Make(Int(m.Groups["cy"]), Int(m.Groups["cm"]), Int(m.Groups["cd"]));
        if (m.Groups["ny"].Success || m.Groups["sy"].Success)
        {
            // A two-digit year is of this century below 70, else of the last (the usual pivot).
            int a = Int(m.Groups["na"]), b = Int(m.Groups["nb"]), year = m.Groups["ny"].Success ? Int(m.Groups["ny"]) : Int(m.Groups["sy"]) + (Int(m.Groups["sy"]) < 70 ? 2000 : 1900);
            // Dots and dashes are day-first everywhere; a slash is month-first in American usage unless the numbers forbid it.
            var usFirst = m.Groups["sep"].Value == "/" && (b > 12 || (monthFirst && a <= 12));
            return usFirst ? Make(year, a, b) : Make(year, b, a);
        }
        var name = (m.Groups["mn1"].Success ? m.Groups["mn1"] : m.Groups["mn2"]).Value.ToLowerInvariant();
        if (!Months.TryGetValue(name, out var month)) return null;
        var day = Int(m.Groups["d1"].Success ? m.Groups["d1"] : m.Groups["d2"]);
        var y = Int(m.Groups["y1"].Success ? m.Groups["y1"] : m.Groups["y2"]);
        return Make(y, month, day);
    }

    private static int Int(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static FrozenDictionary<string, int> LoadMonths()
    {
        using var stream = typeof(DateText).Assembly.GetManifestResourceStream("Triangulate.Data.month-names.tsv")
            ?? throw new InvalidOperationException("embedded resource Triangulate.Data.month-names.tsv is missing");
        using var reader = new StreamReader(stream);
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            months[line[..tab]] = int.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
        }
        return months.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // Not [GeneratedRegex]: the generator cannot emit case-insensitive backreferences (\k<is>, \k<sep>) and falls back
    // to the interpreter, which was 3 % of the per-document analysis's CPU at 20,000 articles (every short line with
    // four digits is tried as a date line). Compiled once per process instead; same matches.
#pragma warning disable SYSLIB1045 // See above: the source generator would interpret this pattern.
    private const string TextDates = @"(?<!\d)(?<iy>(?:19|20)\d{2})(?<is>[-/.])(?<im>[01]?\d)\k<is>(?<id>[0-3]?\d)(?!\d)"
        + @"|(?<!\d)(?<na>[0-3]?\d)(?<sep>[./-])(?<nb>[0-3]?\d)\k<sep>(?<ny>(?:19|20)\d{2})(?!\d)"
        + @"|(?<cy>(?:19|20)\d{2})\s*年\s*(?<cm>\d{1,2})\s*月\s*(?<cd>\d{1,2})\s*日"
        + @"|(?<!\p{L})(?<mn1>\p{L}{3,10})\.?\s+(?<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y1>(?:19|20)\d{2})(?!\d)"
        + @"|(?<!\d)(?<d2>[0-3]?\d)(?:\.|st|nd|rd|th)?\s*(?:de\s+)?(?<mn2>\p{L}{3,10})\.?,?\s+(?:de\s+)?(?<y2>(?:19|20)\d{2})(?!\d)";

    private static readonly Regex TextDatePattern = new(TextDates, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // A date line's days also in numbers with a two-digit year ("12/16/08 1:30 AM EST", "POSTED: 05/02/07, 9:00 PM"):
    // in running text "3/4/05" may be a score or a ratio, but a short line with no prose besides it is a date stamp.
    private static readonly Regex LineDatePattern = new(TextDates + @"|(?<!\d)(?<na>[0-3]?\d)(?<sep>[./-])(?<nb>[0-3]?\d)\k<sep>(?<sy>\d{2})(?![\d./-])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled);
#pragma warning restore SYSLIB1045

    private static Regex TextDate() => TextDatePattern;

    [GeneratedRegex(@"(?<![\d])(?<y>(?:19|20)\d{2})[/_-](?<m>[01]?\d)[/_-](?<d>[0-3]?\d)(?![\d])|(?<=[/_-])(?<y>(?:19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?=[/_.-]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})/(?<m>[01]?\d)/", RegexOptions.CultureInvariant)]
    private static partial Regex UrlMonth();
}
