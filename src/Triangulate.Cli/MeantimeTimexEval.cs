using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Triangulate.Extract;
using Triangulate.Extract.Time;
using Triangulate.Link.Evaluation;
using Triangulate.Model;

namespace Triangulate.Cli;

/// <summary>
/// Time expressions against MEANTIME's TIMEX3 markables, on the sentences MEANTIME annotates: strict span (same
/// characters), relaxed span (overlap, as TempEval-3) and value (a relaxed match whose normalised value equals the gold
/// TIMEX3 <c>value</c>), overall and per TIMEX3 type, with the publication date taken from the gold document creation
/// time. The same scorer takes a peer's predictions (<c>--timex-found</c>), so both are judged alike.
/// </summary>
internal static class MeantimeTimexEval
{
    /// <summary>A gold TIMEX3: character range in the rebuilt text, type and value.</summary>
    internal sealed record Gold(int Start, int End, string Type, string Value, bool Creation = false);

    /// <summary>A found expression: character range and TIMEX3-style value (null when unresolved).</summary>
    internal sealed record Found(int Start, int End, string? Value);

    /// <summary>One article: rebuilt text, creation date, sentence lines (and whether MEANTIME annotates them) and gold TIMEX3s.</summary>
    internal sealed record Article(string File, string Text, DateOnly? Created, List<(int Start, int End, bool Annotated)> Sentences, List<Gold> Gold)
    {
        /// <summary>Gold VALUE markables (MONEY, PERCENT, QUANTITY): range and type.</summary>
        public List<Gold> Values { get; } = [];
    }

    /// <summary>Reads every article of the folder.</summary>
    public static List<Article> Read(string folder)
    {
        var articles = new List<Article>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var xml = XDocument.Load(file);
            if (xml.Root is not { Name.LocalName: "Document" } root) continue;
            var (tokens, offsets) = MeantimeReader.Tokens(root);
            var content = PoundSigns(tokens);
            // Sentence lines, and the ones a markable of any kind touches: MEANTIME annotates only the first sentences.
            var lines = new List<(int Start, int End)>();
            var lineStart = 0;
            for (var i = 0; i <= content.Length; i++)
            {
                if (i < content.Length && content[i] != '\n') continue;
                lines.Add((lineStart, i));
                lineStart = i + 1;
            }
            // MEANTIME annotates every layer (times, values, events) in the title, the date line and the first sentences,
            // numbers 0-5, and only entities and events beyond: a time found further on cannot be judged.
            var markables = root.Element("Markables");
            var last = 5;
            foreach (var m in markables?.Elements() ?? [])
                if (m.Name.LocalName is "TIMEX3" or "VALUE")
                    foreach (var anchor in m.Elements("token_anchor"))
                        if (offsets.TryGetValue((string)anchor.Attribute("t_id")!, out var at)) last = Math.Max(last, LineOf(lines, at.Start));
            var annotated = new bool[lines.Count];
            for (var i = 0; i < lines.Count && i <= last; i++) annotated[i] = true;
            var gold = new List<Gold>();
            DateOnly? created = null;
            foreach (var timex in markables?.Elements("TIMEX3") ?? [])
            {
                int start = int.MaxValue, end = -1;
                foreach (var anchor in timex.Elements("token_anchor"))
                    if (offsets.TryGetValue((string)anchor.Attribute("t_id")!, out var range)) { start = Math.Min(start, range.Start); end = Math.Max(end, range.End); }
                var value = (string?)timex.Attribute("value") ?? "";
                var creation = (string?)timex.Attribute("functionInDocument") == "CREATION_TIME";
                if (creation && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dct)) created = dct;
                // TIMEX3s without tokens are implicit (durations between two dates): nothing in the text to find.
                if (end >= 0) gold.Add(new Gold(start, end, (string?)timex.Attribute("type") ?? "", value, creation));
            }
            // Line 1 is the article's date line. Where its TIMEX3 lacks the CREATION_TIME flag (functionInDocument NONE),
            // the text's relative times are still anchored on it (their anchorTimeID names it): it is the creation time,
            // handed to the extractor as publication and left out of the body row like any other.
            if (created is null)
                for (var gi = 0; gi < gold.Count; gi++)
                    if (LineOf(lines, gold[gi].Start) == 1
                        && DateOnly.TryParseExact(gold[gi].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateLine))
                    {
                        created = dateLine;
                        gold[gi] = gold[gi] with { Creation = true };
                        break;
                    }
            var sentences = new List<(int, int, bool)>(lines.Count);
            for (var i = 0; i < lines.Count; i++) sentences.Add((lines[i].Start, lines[i].End, annotated[i]));
            var article = new Article(Path.GetFileName(file), content, created, sentences, gold);
            foreach (var v in markables?.Elements("VALUE") ?? [])
            {
                int start = int.MaxValue, end = -1;
                foreach (var anchor in v.Elements("token_anchor"))
                    if (offsets.TryGetValue((string)anchor.Attribute("t_id")!, out var range)) { start = Math.Min(start, range.Start); end = Math.Max(end, range.End); }
                if (end >= 0) article.Values.Add(new Gold(start, end, (string?)v.Attribute("type") ?? "", ""));
            }
            articles.Add(article);
        }
        return articles;
    }

    /// <summary>
    /// The corpus writes the pound sign as '#' ("# 7.99", "GB # 20.1 billion"): the code point ISO 646-GB gives to
    /// '£'. The Wikinews articles wrote '£', and MEANTIME marks these amounts as MONEY, so the extractor is handed the
    /// character the article had. Only a '#' token before a number is one; one character for one keeps every gold offset.
    /// </summary>
    internal static string PoundSigns(string text)
    {
        if (!text.Contains('#', StringComparison.Ordinal)) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i + 2 < chars.Length; i++)
            if (chars[i] == '#' && (i == 0 || chars[i - 1] is ' ' or '\n') && chars[i + 1] == ' ' && char.IsAsciiDigit(chars[i + 2])) chars[i] = '£';
        return new string(chars);
    }

    private static int LineOf(List<(int Start, int End)> lines, int at)
    {
        for (var i = 0; i < lines.Count; i++) if (at <= lines[i].End) return i;
        return lines.Count - 1;
    }

    /// <summary>Writes the articles (text, creation date, sentence lines, gold) as JSON for a peer to read.</summary>
    public static void Dump(List<Article> articles, string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartArray();
        foreach (var a in articles)
        {
            json.WriteStartObject();
            json.WriteString("file", a.File);
            json.WriteString("created", a.Created?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("text", a.Text);
            json.WriteStartArray("sentences");
            foreach (var (start, end, annotated) in a.Sentences)
            {
                json.WriteStartArray();
                json.WriteNumberValue(start);
                json.WriteNumberValue(end);
                json.WriteBooleanValue(annotated);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>Our time expressions per article (the sentence splitter and <see cref="TimeExtractor"/> only), with the extraction time.</summary>
    public static Dictionary<string, List<Found>> Ours(List<Article> articles, out double seconds)
    {
        var builder = PipelineBuilder.CreateDefault();
        var extractor = new TimeExtractor();
        var documents = new List<Document>(articles.Count);
        foreach (var a in articles)
        {
            var published = a.Created is { } c ? DateEstimate.Exact(PartialDate.FromDate(c), DateBasis.Metadata) : null;
            documents.Add(MeantimeReader.ToDocument(a.Text, a.File, published));
        }
        var result = new Dictionary<string, List<Found>>(StringComparer.Ordinal);
        // Sentences are split once, outside the clock (the peer is given sentences too); warm-up passes let the JIT
        // settle, then the figure is sentences per second of the time extractor alone.
        var contexts = new List<ExtractionContext>(documents.Count);
        foreach (var document in documents) contexts.Add(new ExtractionContext(document, builder.SentenceSplitter));
        const int Warmup = 10, Rounds = 30;
        // The fastest pass: the machine may be shared, and the least disturbed pass is the extractor's own cost.
        var best = double.MaxValue;
        for (var round = 0; round < Warmup + Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var d = 0; d < contexts.Count; d++)
            {
                contexts[d].Times.Clear();
                extractor.Extract(contexts[d]);
            }
            if (round >= Warmup) best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        for (var d = 0; d < contexts.Count; d++)
        {
            var found = new List<Found>();
            foreach (var t in contexts[d].Times) AddAsTimex3(articles[d].Text, t, found);
            result[articles[d].File] = found;
        }
        seconds = best;
        return result;
    }

    // The words that join an interval's two ends ("from 1998 to 2004", "between April and June"), as TimeExtractor reads them.
    private static readonly string[] IntervalJoins = [" to ", " and ", " until ", " untill ", " till ", " through "];

    /// <summary>
    /// One of our expressions as TIMEX3 marks it. The extractor keeps an interval ("April and June", value
    /// "2010-04/2010-06") as one expression, since the app dates a claim by the range; TimeML has no interval value and
    /// marks each end as a TIMEX3 of its own (the joining word is a SIGNAL), so the interval is scored as its two ends,
    /// split at the joining word, each with its own value.
    /// </summary>
    internal static void AddAsTimex3(string text, TimeExpression t, List<Found> found)
    {
        var slash = t.Value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash > 0 && t.Rule?.Contains(" .. ", StringComparison.Ordinal) == true)
        {
            var span = text.AsSpan(t.Span.Start, t.Span.End - t.Span.Start);
            foreach (var join in IntervalJoins)
            {
                var at = span.IndexOf(join, StringComparison.OrdinalIgnoreCase);
                if (at <= 0) continue;
                found.Add(new Found(t.Span.Start, t.Span.Start + at, t.Value![..slash]));
                found.Add(new Found(t.Span.Start + at + join.Length, t.Span.End, t.Value![(slash + 1)..]));
                return;
            }
        }
        // "three days before the vote": the app keeps the offset with its event (it dates by the pair); TimeML marks the
        // measure alone ("three days"), the preposition a SIGNAL and the event an EVENT, so the duration is scored
        // without them. The event is the span's tail as the extractor kept it (AnchorEvent).
        if (t.Anchor == TimeAnchor.Event && t.AnchorEvent is { Length: > 0 } anchored && t.Value is ['P', ..]
            && text.AsSpan(t.Span.Start, t.Span.End - t.Span.Start).EndsWith(anchored, StringComparison.Ordinal))
        {
            var end = t.Span.End - anchored.Length;
            while (true)
            {
                var head = text.AsSpan(t.Span.Start, end - t.Span.Start).TrimEnd();
                var space = head.LastIndexOf(' ');
                if (space <= 0 || !EventSignals.Contains(head[(space + 1)..].ToString())) { end = t.Span.Start + head.Length; break; }
                end = t.Span.Start + space;
            }
            found.Add(new Found(t.Span.Start, end, t.Value));
            return;
        }
        found.Add(new Found(t.Span.Start, t.Span.End, t.Value));
    }

    // The words between a measure and its event ("after", "before", "ahead of", "to go before", "later than"), as
    // TimeExtractor reads them.
    private static readonly HashSet<string> EventSignals =
        new(["after", "before", "until", "till", "to", "go", "since", "following", "into", "ahead", "of", "later", "earlier", "on", "than"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Pairs gold and found one to one (MUC and TempEval-3 count each markable once): first the pairs with the same
    /// characters, then, gold by gold in text order, the first unpaired found that overlaps it. A second found on a gold
    /// already paired is spurious, and one found spanning two golds ("April and June" against "April" and "June") pairs
    /// with one of them only.
    /// </summary>
    internal static Dictionary<int, int> Pair(IReadOnlyList<(int Start, int End)> gold, IReadOnlyList<(int Start, int End)> found)
    {
        var pairs = new Dictionary<int, int>();
        var taken = new HashSet<int>();
        for (var g = 0; g < gold.Count; g++)
            for (var f = 0; f < found.Count; f++)
                if (!taken.Contains(f) && found[f].Start == gold[g].Start && found[f].End == gold[g].End) { pairs[g] = f; taken.Add(f); break; }
        for (var g = 0; g < gold.Count; g++)
        {
            if (pairs.ContainsKey(g)) continue;
            for (var f = 0; f < found.Count; f++)
                if (!taken.Contains(f) && found[f].Start < gold[g].End && gold[g].Start < found[f].End) { pairs[g] = f; taken.Add(f); break; }
        }
        return pairs;
    }

    /// <summary>A peer's predictions: <c>{"seconds": S, "found": {file: [[start, end, value], ...]}}</c> (value may be null; seconds: its time for one pass over every sentence).</summary>
    public static Dictionary<string, List<Found>> Load(string path, out double? seconds)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        seconds = json.RootElement.TryGetProperty("seconds", out var s) ? s.GetDouble() : null;
        var result = new Dictionary<string, List<Found>>(StringComparer.Ordinal);
        foreach (var file in json.RootElement.GetProperty("found").EnumerateObject())
        {
            var list = new List<Found>();
            foreach (var f in file.Value.EnumerateArray())
                list.Add(new Found(f[0].GetInt32(), f[1].GetInt32(), f[2].ValueKind == JsonValueKind.String ? f[2].GetString() : null));
            result[file.Name] = list;
        }
        return result;
    }

    private sealed class Tally
    {
        public int Gold, Found, Strict, RelaxedGold, RelaxedFound, Value;
    }

    /// <summary>The "all" row of a table: relaxed precision and recall, value accuracy and value F1 (TempEval-3).</summary>
    internal sealed record Summary(double RelaxedPrecision, double RelaxedRecall, double ValueAccuracy, double ValueF1);

    /// <summary>
    /// Prints the table and returns its "all" row; with <paramref name="verbose"/> also every miss ("-"), spurious
    /// find ("+"), wrong value ("~") and right value over other characters ("≈"). <paramref name="classes"/>, when
    /// given, counts each error by its automatic class (<see cref="TimexErrorClasses"/>: counts only, for a held half too).
    /// </summary>
    public static Summary Score(List<Article> articles, Dictionary<string, List<Found>> found, bool verbose, string label, double? seconds, TimexErrorClasses? classes = null)
    {
        var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal) { ["all"] = new() };
        // The date line's TIMEX3 (functionInDocument CREATION_TIME) states the date the scorer hands the extractor as
        // publication; TempEval-3 gives the creation time as input and leaves it out of the scores. "all" keeps it (it
        // is annotated text), this row leaves it and what overlaps it out, to show the score on the articles' own times.
        var body = new Tally();
        var sentences = 0;
        foreach (var a in articles)
        {
            sentences += a.Sentences.Count;
            var mine = new List<Found>();
            foreach (var f in found.GetValueOrDefault(a.File) ?? [])
                if (InAnnotated(a, f.Start)) mine.Add(f);
            if (verbose) Console.WriteLine("# " + a.File + " (created " + a.Created?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")");
            var pairs = Pair(a.Gold.ConvertAll(g => (g.Start, g.End)), mine.ConvertAll(f => (f.Start, f.End)));
            var paired = pairs.ToDictionary(p => p.Value, p => a.Gold[p.Key]);
            for (var gi = 0; gi < a.Gold.Count; gi++)
            {
                var g = a.Gold[gi];
                if (!tallies.TryGetValue(g.Type, out var typed)) tallies[g.Type] = typed = new Tally();
                // Each gold counts in "all", its type and, unless it is the creation time, in the row that leaves it out.
                Tally[] rows = g.Creation ? [tallies["all"], typed] : [tallies["all"], typed, body];
                foreach (var t in rows) t.Gold++;
                if (!pairs.TryGetValue(gi, out var fi))
                {
                    if (verbose) Console.WriteLine($"- {g.Type} \"{a.Text[g.Start..g.End]}\" {g.Value}");
                    if (!g.Creation) classes?.AddGold(a.Text, g, a.Created, missed: true, null);
                    continue;
                }
                var match = mine[fi];
                if (!g.Creation) classes?.AddGold(a.Text, g, a.Created, missed: false, match.Value);
                var same = SameValue(match.Value, g.Value);
                foreach (var t in rows)
                {
                    if (match.Start == g.Start && match.End == g.End) t.Strict++;
                    t.RelaxedGold++;
                    if (same) t.Value++;
                }
                if (!same && verbose) Console.WriteLine($"~ {g.Type} \"{a.Text[g.Start..g.End]}\" {g.Value} ≠ \"{a.Text[match.Start..match.End]}\" {match.Value}");
                // The right value over other characters: an extent error alone (strict F1 counts it, value F1 does not).
                else if (verbose && (match.Start != g.Start || match.End != g.End))
                    Console.WriteLine($"≈ {g.Type} \"{a.Text[g.Start..g.End]}\" ≠ \"{a.Text[match.Start..match.End]}\" {g.Value}");
            }
            for (var fi = 0; fi < mine.Count; fi++)
            {
                var f = mine[fi];
                // A found expression counts under the type of the gold it is paired with, else of a gold it overlaps,
                // else under the type its value implies.
                var hit = paired.GetValueOrDefault(fi);
                if (hit is null) foreach (var g in a.Gold) if (f.Start < g.End && g.Start < f.End) { hit = g; break; }
                var type = hit?.Type ?? TypeOf(f.Value);
                if (!tallies.TryGetValue(type, out var typed)) tallies[type] = typed = new Tally();
                Tally[] rows = hit is { Creation: true } ? [tallies["all"], typed] : [tallies["all"], typed, body];
                foreach (var t in rows)
                {
                    t.Found++;
                    if (paired.ContainsKey(fi)) t.RelaxedFound++;
                }
                if (!paired.ContainsKey(fi)) classes?.AddSpurious(a.Text[f.Start..f.End], type, f.Value, a.Created, besidePaired: hit is not null);
                if (!paired.ContainsKey(fi) && verbose) Console.WriteLine($"+ {type} \"{a.Text[f.Start..f.End]}\" {f.Value}{(hit is null ? "" : " (its gold is paired with another)")}");
            }
        }
        Console.WriteLine($"timex ({label})\tgold\tfound\tstrict P\tstrict R\tstrict F1\trelaxed P\trelaxed R\trelaxed F1\tvalue acc\tvalue F1");
        tallies["all, creation time left out"] = body;
        foreach (var (type, t) in tallies)
        {
            var sp = Ratio(t.Strict, t.Found);
            var sr = Ratio(t.Strict, t.Gold);
            var rp = Ratio(t.RelaxedFound, t.Found);
            var rr = Ratio(t.RelaxedGold, t.Gold);
            // Value F1 as TempEval-3: relaxed F1 times the share of matched expressions with the right value.
            var accuracy = Ratio(t.Value, t.RelaxedGold);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{type}\t{t.Gold}\t{t.Found}\t{sp:0.000}\t{sr:0.000}\t{F1(sp, sr):0.000}\t{rp:0.000}\t{rr:0.000}\t{F1(rp, rr):0.000}\t{accuracy:0.000}\t{F1(rp, rr) * accuracy:0.000}"));
        }
        if (seconds is { } s)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed ({label}): {sentences} sentences in {s * 1000:0.0} ms = {sentences / s:0} sentences/s"));
        var all = tallies["all"];
        double precision = Ratio(all.RelaxedFound, all.Found), recall = Ratio(all.RelaxedGold, all.Gold), share = Ratio(all.Value, all.RelaxedGold);
        return new Summary(precision, recall, share, F1(precision, recall) * share);
    }

    /// <summary>
    /// MEANTIME VALUE (MONEY, PERCENT, QUANTITY) against our quantity claims (read only: the quantity extractor after
    /// the time extractor, as the pipeline runs them), by span overlap on the annotated sentences; a claim's type is
    /// MONEY for money, PERCENT for percent, else QUANTITY.
    /// </summary>
    public static void ScoreValues(List<Article> articles, bool verbose, string label)
    {
        var builder = PipelineBuilder.CreateDefault();
        var extractor = new DocumentExtractor(builder.SentenceSplitter, [new TimeExtractor(), new Triangulate.Extract.Quantities.QuantityExtractor()]);
        var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal) { ["all"] = new() };
        foreach (var a in articles)
        {
            var published = a.Created is { } c ? DateEstimate.Exact(PartialDate.FromDate(c), DateBasis.Metadata) : null;
            var found = new List<(int Start, int End, string Type)>();
            foreach (var claim in extractor.Extract(MeantimeReader.ToDocument(a.Text, a.File, published)).Claims)
                if (claim.Kind == ClaimKind.Quantity && InAnnotated(a, claim.Mention.Span.Start))
                    found.Add((claim.Mention.Span.Start, claim.Mention.Span.End, claim.Measure switch { "money" => "MONEY", "percent" => "PERCENT", _ => "QUANTITY" }));
            if (verbose) Console.WriteLine("# values " + a.File);
            var pairs = Pair(a.Values.ConvertAll(g => (g.Start, g.End)), found.ConvertAll(f => (f.Start, f.End)));
            var paired = pairs.ToDictionary(p => p.Value, p => a.Values[p.Key]);
            for (var gi = 0; gi < a.Values.Count; gi++)
            {
                var g = a.Values[gi];
                if (!tallies.TryGetValue(g.Type, out var typed)) tallies[g.Type] = typed = new Tally();
                tallies["all"].Gold++;
                typed.Gold++;
                if (!pairs.TryGetValue(gi, out var fi))
                {
                    if (verbose) Console.WriteLine($"- {g.Type} \"{a.Text[g.Start..g.End]}\"");
                    continue;
                }
                if (found[fi].Start == g.Start && found[fi].End == g.End) { tallies["all"].Strict++; typed.Strict++; }
                tallies["all"].RelaxedGold++;
                typed.RelaxedGold++;
            }
            for (var fi = 0; fi < found.Count; fi++)
            {
                var f = found[fi];
                // Under the type of the gold it is paired with, else of a gold it overlaps, else its own.
                var hit = paired.GetValueOrDefault(fi);
                if (hit is null) foreach (var g in a.Values) if (f.Start < g.End && g.Start < f.End) { hit = g; break; }
                var type = hit?.Type ?? f.Type;
                if (!tallies.TryGetValue(type, out var typed)) tallies[type] = typed = new Tally();
                tallies["all"].Found++;
                typed.Found++;
                if (paired.ContainsKey(fi)) { tallies["all"].RelaxedFound++; typed.RelaxedFound++; }
                else if (verbose) Console.WriteLine($"+ {type} \"{a.Text[f.Start..f.End]}\"{(hit is null ? "" : " (its gold is paired with another)")}");
            }
        }
        Console.WriteLine($"value (ours, {label})\tgold\tfound\tstrict P\tstrict R\tstrict F1\trelaxed P\trelaxed R\trelaxed F1");
        foreach (var (type, t) in tallies)
        {
            double sp = Ratio(t.Strict, t.Found), sr = Ratio(t.Strict, t.Gold), rp = Ratio(t.RelaxedFound, t.Found), rr = Ratio(t.RelaxedGold, t.Gold);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type}\t{t.Gold}\t{t.Found}\t{sp:0.000}\t{sr:0.000}\t{F1(sp, sr):0.000}\t{rp:0.000}\t{rr:0.000}\t{F1(rp, rr):0.000}"));
        }
    }

    private static bool InAnnotated(Article a, int at)
    {
        foreach (var (start, end, annotated) in a.Sentences) if (at >= start && at <= end) return annotated;
        return false;
    }

    /// <summary>
    /// Whether a found value states the gold one: the same TIMEX3 value string. TimeML's value carries the granularity
    /// the text states, so no equivalence is granted: "24 hours" is PT24H, not P1D; "2008-01" is not "2008-01-09"; a
    /// week "2008-W02" is not a day in it; PRESENT_REF is not the creation day. Intervals were split into their ends
    /// before scoring (<see cref="AddAsTimex3"/>), so an end must state its own value.
    /// </summary>
    private static bool SameValue(string? found, string gold) => found is not null && string.Equals(found, gold, StringComparison.Ordinal);

    private static string TypeOf(string? value) => value switch
    {
        null => "DATE",
        ['P', not 'A' and not 'R', ..] => "DURATION",
        _ when value.Length > 10 && char.IsDigit(value[0]) && value[10] == 'T' => "TIME",
        _ => "DATE",
    };

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
