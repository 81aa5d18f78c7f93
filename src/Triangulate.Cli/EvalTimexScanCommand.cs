using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Triangulate.Extract;
using Triangulate.Extract.Time;
using Triangulate.Link.Evaluation;
using Triangulate.Model;

namespace Triangulate.Cli;

/// <summary>
/// <c>triangulate eval timex-scan CORPUS [--skip TIMEX_GOLD]... [--sample N]</c>: coverage of time expressions measured
/// on text nobody annotated. The words that head a time expression in any grammar (month and weekday names, time units,
/// clocks, a numeral before a unit, "ago", "the past/last/next" or "this" before a unit, "early/late/mid-", seasons,
/// fiscal years, halves and the full year of a business year, decades, holidays) are found by plain patterns; each one outside every span the extractor keeps is a
/// candidate miss. They are counted by class (the pattern, and for units the unit word), found and missed, and a sample of
/// each class's misses is listed with its context to be read. Not every candidate is a time expression ("a day care",
/// "May" the name): the counts bound the misses, the sample says which classes are real. Documents of a TIMEX3 gold's
/// held half (<c>--skip</c>) are left out, so that no held text is read.
/// </summary>
internal static partial class EvalTimexScanCommand
{
    public static Command Create()
    {
        var corpus = new Argument<string>("CORPUS") { Description = "JSON Lines file of {url, text, published?} records, or a folder of .txt files" };
        var skip = new Option<string[]>("--skip") { Description = "TIMEX3 gold files whose held documents are left out", AllowMultipleArgumentsPerToken = true };
        var sample = new Option<int>("--sample") { Description = "Missed candidates listed per class, with their contexts", DefaultValueFactory = _ => 0 };
        var command = new Command("timex-scan", "Count words that head time expressions outside every extracted span, by class") { corpus, skip, sample };
        command.SetAction(result =>
        {
            var path = result.GetValue(corpus)!;
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                Console.Error.WriteLine($"error: {path}: no such file or folder");
                return ExitCodes.Usage;
            }
            var held = new HashSet<string>(StringComparer.Ordinal);
            foreach (var gold in result.GetValue(skip) ?? []) held.UnionWith(EvalTimexAgreeCommand.HeldUrls(gold));
            var tally = Scan(Records(path, held));
            Print(tally, result.GetValue(sample));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A candidate left outside every extracted span: its class, its words and the text around it.</summary>
    internal sealed record Miss(string Class, string Words, string Context);

    /// <summary>Candidates by class: how many, how many inside an extracted span, and the misses.</summary>
    internal sealed class Tally
    {
        public SortedDictionary<string, (int All, int Found)> ByClass { get; } = new(StringComparer.Ordinal);

        public List<Miss> Misses { get; } = [];

        public int Documents { get; set; }

        public int Missed => Misses.Count;
    }

    private const string Units = "second|minute|hour|day|night|week|weekend|fortnight|month|year|decade|century|quarter|semester";

    private const string Counts = @"\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a|an|several|few|many|a\s+few|a\s+couple\s+of";

    private const string Months = "January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";

    // The classes in the order they claim characters: a longer pattern before the words it holds.
    [GeneratedRegex(
        @"(?<clock>\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?)" +
        @"|(?<fiscal>\b(?:FY|fiscal(?:\s+year)?)\s*'?\d{2,4}\b|\bfiscal\s+(?:year|quarter)\b|\bFY\b)" +
        @"|(?<decade>\b(?:the\s+)?(?:1[5-9]|20)?\d0'?s\b|'\d0s\b)" +
        @"|(?<quarter>\b(?:first|second|third|fourth|final|last|next|this|1st|2nd|3rd|4th)[\s-]+quarter\b|\bQ[1-4]\b)" +
        @"|(?<half>\b(?:the\s+)?(?:first|second)\s+half\b|\bthe\s+full\s+year\b)" +
        @"|(?<edge>\b(?:early|late|mid|middle\s+of|end\s+of|start\s+of|beginning\s+of)[\s-]+(?:the\s+)?(?:\d{4}|" + Months + @"|this|last|next|" + Units + @"s?)\b)" +
        @"|(?<deictic>\b(?:the\s+)?(?:past|last|next|coming|previous|following|recent|this|that|same)\s+(?:(?:" + Counts + @")\s+)?(?<dunit>" + Units + @"|spring|summer|autumn|fall|winter|season)s?\b)" +
        @"|(?<measure>\b(?:" + Counts + @")[\s-]+(?<munit>" + Units + @")s?\b)" +
        @"|(?<ago>\bago\b)" +
        @"|(?<month>\b(?:" + Months + @")\b\.?|\bMay\b)" +
        @"|(?<weekday>\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)" +
        @"|(?<season>\b(?:spring|summer|autumn|winter)\b)" +
        @"|(?<holiday>\b(?:Christmas|Easter|Thanksgiving|New\s+Year(?:'s)?|Ramadan|Hanukkah|Halloween|(?:Independence|Memorial|Labor|Labour|Veterans|Election)\s+Day)\b)" +
        @"|(?<unit>\b(?<uword>" + Units + @")s?\b)",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Candidate();

    private static readonly string[] ClassNames = ["clock", "fiscal", "decade", "quarter", "half", "edge", "deictic", "measure", "ago", "month", "weekday", "season", "holiday", "unit"];

    /// <summary>The class of one candidate: the pattern, and for units the unit word ("measure: year").</summary>
    internal static string ClassOf(Match m)
    {
        foreach (var name in ClassNames)
        {
            if (!m.Groups[name].Success) continue;
            var unit = name switch { "deictic" => m.Groups["dunit"], "measure" => m.Groups["munit"], "unit" => m.Groups["uword"], _ => null };
            return unit is { Success: true } ? $"{name}: {unit.Value.ToLowerInvariant()}" : name;
        }
        return "other";
    }

    /// <summary>The records of a JSON Lines corpus (less the held ones), or the .txt files of a folder, with their publication days.</summary>
    internal static IEnumerable<(string Url, string Text, DateOnly? Published)> Records(string path, HashSet<string> held)
    {
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*.txt").Order(StringComparer.Ordinal))
                yield return (file, File.ReadAllText(file), null);
            yield break;
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            using var record = JsonDocument.Parse(line);
            var url = record.RootElement.GetProperty("url").GetString()!;
            if (held.Contains(url)) continue;
            yield return (url, record.RootElement.GetProperty("text").GetString()!, EvalTimexAgreeCommand.PublishedOf(record.RootElement, url));
        }
    }

    /// <summary>Extracts each record's times and counts the candidates inside and outside their spans.</summary>
    internal static Tally Scan(IEnumerable<(string Url, string Text, DateOnly? Published)> records)
    {
        var builder = PipelineBuilder.CreateDefault();
        var extractor = new TimeExtractor();
        var tally = new Tally();
        foreach (var (url, text, published) in records)
        {
            tally.Documents++;
            var estimate = published is { } day ? DateEstimate.Exact(PartialDate.FromDate(day), DateBasis.Metadata) : null;
            var context = new ExtractionContext(MeantimeReader.ToDocument(text, url, estimate), builder.SentenceSplitter);
            extractor.Extract(context);
            var spans = context.Times.Select(t => (t.Span.Start, t.Span.End)).ToList();
            foreach (Match m in Candidate().Matches(text))
            {
                var kind = ClassOf(m);
                // TimeML marks "three weeks" of "three weeks ago" and leaves "ago" its signal, as the extractor does.
                var found = spans.Exists(s => s.Start < m.Index + m.Length && m.Index < s.End)
                    || (kind == "ago" && spans.Exists(s => s.End <= m.Index && text.AsSpan(s.End, m.Index - s.End).IsWhiteSpace()));
                var counts = tally.ByClass.GetValueOrDefault(kind);
                tally.ByClass[kind] = (counts.All + 1, counts.Found + (found ? 1 : 0));
                if (!found) tally.Misses.Add(new Miss(kind, m.Value, Around(text, m.Index, m.Length)));
            }
        }
        return tally;
    }

    private const int ContextChars = 70;

    private static string Around(string text, int start, int length)
    {
        var from = Math.Max(0, start - ContextChars);
        var to = Math.Min(text.Length, start + length + ContextChars);
        return (text[from..start] + "[" + text.Substring(start, length) + "]" + text[(start + length)..to]).ReplaceLineEndings(" ");
    }

    private static void Print(Tally tally, int sample)
    {
        Console.WriteLine($"documents {tally.Documents}  candidates {tally.ByClass.Values.Sum(c => c.All)}  missed {tally.Missed}");
        Console.WriteLine($"{"class",-22} {"all",6} {"found",6} {"missed",7}");
        foreach (var (kind, c) in tally.ByClass.OrderByDescending(p => p.Value.All - p.Value.Found).ThenBy(p => p.Key, StringComparer.Ordinal))
            Console.WriteLine($"{kind,-22} {c.All,6} {c.Found,6} {c.All - c.Found,7}");
        if (sample <= 0) return;
        foreach (var group in tally.Misses.GroupBy(m => m.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var misses = group.ToList();
            Console.WriteLine($"\n## {group.Key} ({misses.Count} missed)");
            // Spread over the corpus, not its first documents.
            var stride = Math.Max(1, misses.Count / sample);
            for (var k = 0; k < misses.Count && k / stride < sample; k += stride)
                Console.WriteLine($"  {misses[k].Context}");
        }
    }
}
