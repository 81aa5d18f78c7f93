using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Triangulate.Extract;
using Triangulate.Extract.Time;
using Triangulate.Link.Evaluation;
using Triangulate.Model;

namespace Triangulate.Cli;

/// <summary>
/// <c>triangulate eval timex-agree CORPUS --gold STORIES [--skip TIMEX_GOLD]... [--verbose]</c>: a silver check of time
/// values that needs no TIMEX3 gold. Reports of one event say the same time in different words (a wire's "on Tuesday",
/// its rewrite's "on September 3", a later copy's "yesterday"), so inside one gold story the values of the time
/// expressions in aligned sentences (the same sentence copied or reworded: content words shared, Dice ≥ 0.5) should
/// agree. Each disagreement is counted by the class of its relative side, and by which side states the time outright;
/// the absolute side (a year, or a month with its day) is taken as right. A page's date line is also held against its
/// own publication day (its metadata: the same time in other words). Documents of a TIMEX3 gold's held half
/// (<c>--skip</c>) are left out, so that no held text is read.
/// </summary>
internal static partial class EvalTimexAgreeCommand
{
    // Sentences sharing this share of content words (Dice) are taken for the same report of the same fact.
    private const double Aligned = 0.5;

    public static Command Create()
    {
        var corpus = new Argument<string>("CORPUS") { Description = "JSON Lines file of {url, text, published?} records" };
        var gold = new Option<string>("--gold") { Description = "Story gold: {stories: {url: story}} or {url: {story}}", Required = true };
        var skip = new Option<string[]>("--skip") { Description = "TIMEX3 gold files whose held documents are left out", AllowMultipleArgumentsPerToken = true };
        var verbose = new Option<bool>("--verbose") { Description = "List each disagreement (both sentences' expressions, values and publication days)" };
        var command = new Command("timex-agree", "Count disagreements between the time values of aligned sentences inside one story") { corpus, gold, skip, verbose };
        command.SetAction(result =>
        {
            var corpusPath = result.GetValue(corpus)!;
            var goldPath = result.GetValue(gold)!;
            if (!File.Exists(corpusPath) || !File.Exists(goldPath))
            {
                Console.Error.WriteLine($"error: {(File.Exists(corpusPath) ? goldPath : corpusPath)}: no such file");
                return ExitCodes.Usage;
            }
            var tally = Count(corpusPath, goldPath, result.GetValue(skip) ?? [], result.GetValue(verbose));
            Print(tally);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A document's sentences with their content words and the time expressions inside each.</summary>
    internal sealed record Doc(string Url, string Story, DateOnly? Published, string Text, List<Line> Lines);

    /// <summary>A sentence: its content words and its time expressions (characters and value).</summary>
    internal sealed record Line(int Start, string Text, HashSet<string> Words, List<(string Text, string Value)> Times);

    /// <summary>Disagreements and agreements by class.</summary>
    internal sealed class Tally
    {
        public SortedDictionary<string, (int Agree, int Disagree, int AbsoluteSide)> ByClass { get; } = new(StringComparer.Ordinal);

        public int AlignedPairs { get; set; }

        public int Documents { get; set; }
    }

    // The gold's stories, and its derivations (copies and rewrites, "from" → "to") where it lists them: then only those
    // pairs are compared, since two reports of one story may state different facts in one template ("risen to 6, the
    // fire service said on Wednesday" against "risen to 8 ... on Sunday").
    /// <summary>Reads the corpus's documents of the gold's stories (less the held ones of <paramref name="skip"/>) and counts.</summary>
    internal static Tally Count(string corpus, string gold, IEnumerable<string> skip, bool verbose)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in skip) held.UnionWith(HeldUrls(path));
        var stories = Stories(gold, out var derived);
        var docs = Read(corpus, stories, held);
        var tally = Compare(docs, derived, verbose);
        tally.Documents = docs.Count;
        DateLines(docs, tally, verbose);
        return tally;
    }

    // Where a date line sits: a page's first lines, above its body.
    private const int DateLineChars = 300;

    // A page's own date line against its publication day, which it states in other words (metadata): a numeric date in
    // the first lines more than a day from it is counted as a disagreement ("11/09/2024" read as 9 November in a page
    // published on 11 September). Dates written with their month's name are left out: a headline or lead names the
    // event's day there ("goes on sale September 30"), a date line's stamp is what is written in figures.
    [GeneratedRegex(@"^\d{1,2}/\d{1,2}/\d{2,4}$")]
    private static partial Regex NumericDate();

    private static void DateLines(List<Doc> docs, Tally tally, bool verbose)
    {
        foreach (var doc in docs)
        {
            if (doc.Published is not { } published) continue;
            foreach (var line in doc.Lines.Where(l => l.Start < DateLineChars))
                foreach (var (text, value) in line.Times)
                {
                    if (!NumericDate().IsMatch(text) || Shape(value) != "day" || !DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) continue;
                    var agree = Math.Abs(day.DayNumber - published.DayNumber) <= 1;
                    var counts = tally.ByClass.GetValueOrDefault(DateLineClass);
                    tally.ByClass[DateLineClass] = agree ? counts with { Agree = counts.Agree + 1 } : counts with { Disagree = counts.Disagree + 1 };
                    if (verbose && !agree) Console.WriteLine($"~ {DateLineClass}: \"{text}\" {value} (published {published:yyyy-MM-dd} {doc.Url})");
                }
        }
    }

    private const string DateLineClass = "numeric date line";

    private static Dictionary<string, string> Stories(string path, out HashSet<(string, string)>? derived)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        derived = null;
        if (json.RootElement.TryGetProperty("derivations", out var ds))
        {
            derived = [];
            foreach (var d in ds.EnumerateArray())
            {
                var (from, to) = (d.GetProperty("from").GetString()!, d.GetProperty("to").GetString()!);
                derived.Add((from, to));
                derived.Add((to, from));
            }
        }
        var stories = new Dictionary<string, string>(StringComparer.Ordinal);
        var root = json.RootElement.TryGetProperty("stories", out var s) ? s : json.RootElement;
        foreach (var p in root.EnumerateObject())
            stories[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetProperty("story").GetString()!;
        return stories;
    }

    /// <summary>A record's publication day: its <c>published</c> field, else the date its address carries, else none.</summary>
    internal static DateOnly? PublishedOf(JsonElement record, string url)
    {
        if (record.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(p.GetString(), CultureInfo.InvariantCulture, out var at))
            return DateOnly.FromDateTime(at.DateTime);
        if (UrlDate().Match(url) is { Success: true } m
            && DateOnly.TryParseExact($"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        return null;
    }

    /// <summary>The documents a TIMEX3 gold file keeps in its held half.</summary>
    internal static IEnumerable<string> HeldUrls(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var doc in json.RootElement.GetProperty("documents").EnumerateArray())
            if (doc.GetProperty("part").GetString() != EvalHalf.Look) yield return doc.GetProperty("url").GetString()!;
    }

    [GeneratedRegex(@"/(\d{4})/(\d{2})/(\d{2})/")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"\p{L}[\p{L}'’-]{2,}|\d+")]
    private static partial Regex Word();

    private static List<Doc> Read(string corpus, Dictionary<string, string> stories, HashSet<string> held)
    {
        var builder = PipelineBuilder.CreateDefault();
        var extractor = new TimeExtractor();
        var docs = new List<Doc>();
        foreach (var line in File.ReadLines(corpus))
        {
            if (line.Length == 0) continue;
            using var record = JsonDocument.Parse(line);
            var url = record.RootElement.GetProperty("url").GetString()!;
            if (held.Contains(url) || !stories.TryGetValue(url, out var story)) continue;
            var text = record.RootElement.GetProperty("text").GetString()!;
            var published = PublishedOf(record.RootElement, url);
            var estimate = published is { } day ? DateEstimate.Exact(PartialDate.FromDate(day), DateBasis.Metadata) : null;
            var context = new ExtractionContext(MeantimeReader.ToDocument(text, url, estimate), builder.SentenceSplitter);
            extractor.Extract(context);
            var found = new List<MeantimeTimexEval.Found>();
            foreach (var t in context.Times) MeantimeTimexEval.AddAsTimex3(text, t, found);
            var lines = new List<Line>(context.Sentences.Count);
            foreach (var sentence in context.Sentences)
            {
                var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (Match w in Word().Matches(text[sentence.Start..sentence.End])) words.Add(w.Value);
                var times = found.Where(f => f.Start >= sentence.Start && f.End <= sentence.End && f.Value is { Length: > 0 })
                    .Select(f => (text[f.Start..f.End], f.Value!)).ToList();
                lines.Add(new Line(sentence.Start, text[sentence.Start..sentence.End], words, times));
            }
            docs.Add(new Doc(url, story, published, text, lines));
        }
        return docs;
    }

    private static Tally Compare(List<Doc> docs, HashSet<(string, string)>? derived, bool verbose)
    {
        var tally = new Tally();
        foreach (var story in docs.GroupBy(d => d.Story, StringComparer.Ordinal))
        {
            var members = story.ToList();
            for (var a = 0; a < members.Count; a++)
                for (var b = a + 1; b < members.Count; b++)
                {
                    if (derived is not null && !derived.Contains((members[a].Url, members[b].Url))) continue;
                    foreach (var x in members[a].Lines)
                    {
                        if (x.Times.Count == 0) continue;
                        foreach (var y in members[b].Lines)
                        {
                            if (y.Times.Count == 0 || Dice(x.Words, y.Words) < Aligned) continue;
                            tally.AlignedPairs++;
                            Pairs(members[a], x, members[b], y, tally, verbose);
                        }
                    }
                }
        }
        return tally;
    }

    // The expressions of two aligned sentences paired kind by kind (durations with durations, points with points) in
    // text order, when both sentences hold as many of that kind; an expression stated in both alike is no evidence.
    private static void Pairs(Doc da, Line x, Doc db, Line y, Tally tally, bool verbose)
    {
        foreach (var shape in x.Times.Select(t => Shape(t.Value)).Distinct().Where(k => k is not null))
        {
            var xs = x.Times.Where(t => Shape(t.Value) == shape).ToList();
            var ys = y.Times.Where(t => Shape(t.Value) == shape).ToList();
            if (xs.Count != ys.Count) continue;
            for (var i = 0; i < xs.Count; i++)
            {
                var (tx, vx) = xs[i];
                var (ty, vy) = ys[i];
                // A copy keeps the wire's words ("Tonight" printed a day later): the same words are no evidence.
                if (string.Equals(tx, ty, StringComparison.OrdinalIgnoreCase)) continue;
                // Two clocks at different hours are the copies' own stamps ("Published ... at 11:34"), not one time.
                if (Clock().IsMatch(tx) && Clock().IsMatch(ty) && vx.Length > 11 && vy.Length > 11 && vx[11..] != vy[11..]) continue;
                var ax = Absolute(tx);
                var ay = Absolute(ty);
                if (ax && ay) continue;
                var agree = Same(vx, vy, shape == "duration");
                var relative = ax ? ty : tx;
                var kind = shape == "duration" ? "duration" : Class(relative);
                var counts = tally.ByClass.GetValueOrDefault(kind);
                tally.ByClass[kind] = agree ? counts with { Agree = counts.Agree + 1 }
                    : counts with { Disagree = counts.Disagree + 1, AbsoluteSide = counts.AbsoluteSide + (ax || ay ? 1 : 0) };
                if (verbose && !agree)
                    Console.WriteLine($"~ {kind}: \"{tx}\" {vx} ({da.Published:yyyy-MM-dd} {da.Url})  ≠  \"{ty}\" {vy} ({db.Published:yyyy-MM-dd} {db.Url})\n    | {Flat(x.Text)}\n    | {Flat(y.Text)}");
            }
        }
    }

    // Values agree where every character does, an X (unknown) matching any; a clock's day is what is compared (the
    // hour of an update line is the copy's own).
    private static bool Same(string a, string b, bool duration)
    {
        if (duration) return a == b;
        var n = Math.Min(Math.Min(a.Length, b.Length), 10);
        for (var i = 0; i < n; i++)
            if (a[i] != b[i] && a[i] != 'X' && b[i] != 'X') return false;
        return true;
    }

    [GeneratedRegex(@"^(?:(?<day>[\dX]{4}-[\dX]{2}-[\dX]{2})|(?<month>[\dX]{4}-[\dX]{2})|(?<quarter>[\dX]{4}-Q\d)|(?<half>[\dX]{4}-H\d)|(?<week>[\dX]{4}-W[\dX]{2})|(?<year>[\dX]{4}))(?:$|T|-WE)")]
    private static partial Regex PointShape();

    // The granularity of a value, so that a day is paired with a day and a quarter with a quarter.
    private static string? Shape(string value)
    {
        if (value is ['P', var c, ..] && (char.IsAsciiDigit(c) || c is 'X' or 'T')) return "duration";
        var m = PointShape().Match(value);
        if (!m.Success) return null;
        foreach (var name in (string[])["day", "month", "quarter", "half", "week", "year"])
            if (m.Groups[name].Success) return name;
        return null;
    }

    private static string Flat(string s) => s.ReplaceLineEndings(" ");

    private static double Dice(HashSet<string> a, HashSet<string> b)
    {
        var shared = 0;
        foreach (var w in a) if (b.Contains(w)) shared++;
        return 2.0 * shared / (a.Count + b.Count);
    }

    [GeneratedRegex(@"\b\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\d{1,2}/\d{1,2}/\d{2,4}", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteDate();

    /// <summary>The expression states its time outright: a year, a month with its day, or a numeric date.</summary>
    internal static bool Absolute(string text) => AbsoluteDate().IsMatch(text);

    [GeneratedRegex(@"\d{1,2}[:.]\d{2}|\d\s*[ap]\.?m\b", RegexOptions.IgnoreCase)]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?:yesterday|today|tomorrow|tonight)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayWord();

    [GeneratedRegex(@"\b(?:last|next|this|past|coming)\s+(?:\w+\s+)?(?:day|week|weekend|month|year|night|season|decade|century)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Unit();

    [GeneratedRegex(@"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", RegexOptions.IgnoreCase)]
    private static partial Regex Month();

    [GeneratedRegex(@"\bquarter\b|\bQ[1-4]\b|\bhalf\b", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    /// <summary>The class of a relative expression, by its words: the resolution rule it went through.</summary>
    internal static string Class(string text) =>
        Weekday().IsMatch(text) ? "weekday"
        : DayWord().IsMatch(text) ? "relative day word"
        : Quarter().IsMatch(text) ? "quarter"
        : Unit().IsMatch(text) ? "last/next + unit"
        : Month().IsMatch(text) ? "month without year"
        : Clock().IsMatch(text) ? "clock"
        : "other";

    private static void Print(Tally tally)
    {
        Console.WriteLine($"documents {tally.Documents}  aligned sentence pairs with times {tally.AlignedPairs}");
        Console.WriteLine($"{"class",-20} {"agree",6} {"disagree",9} {"abs. side",9}");
        var (agree, disagree) = (0, 0);
        foreach (var (kind, c) in tally.ByClass)
        {
            Console.WriteLine($"{kind,-20} {c.Agree,6} {c.Disagree,9} {c.AbsoluteSide,9}");
            agree += c.Agree;
            disagree += c.Disagree;
        }
        Console.WriteLine($"{"all",-20} {agree,6} {disagree,9}");
    }
}
