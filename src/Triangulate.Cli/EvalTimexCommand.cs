using System.CommandLine;
using System.Globalization;

namespace Triangulate.Cli;

/// <summary>
/// <c>triangulate eval timex GOLD --corpus JSONL|GROUND-TRUTH.json [--verbose]</c>: our time expressions against a TIMEX3
/// gold file over real articles (<see cref="TimexGoldFile"/>), scored by the MEANTIME table's scorer
/// (<see cref="MeantimeTimexEval"/>: one-to-one pairing, relaxed span, value F1) per half and all.
/// </summary>
internal static class EvalTimexCommand
{
    public static Command Create()
    {
        var gold = new Argument<string>("GOLD") { Description = "TIMEX3 gold JSON: {documents: [{url, part, dct, timex: [{start, end, type, value}]}]}" };
        var corpus = new Option<string?>("--corpus") { Description = "JSON Lines file of {url, text} records the offsets point into, or a ground-truth .json of {id: {articleBody, url}} (default: the gold's \"source\")" };
        var verbose = new Option<bool>("--verbose") { Description = "List the look half's misses (-), spurious finds (+), wrong values (~) and extent-only differences (≈)" };
        var command = new Command("timex", "Score time expressions (TIMEX3 span and value) against a gold file over a JSON Lines corpus or an article-extraction ground truth") { gold, corpus, verbose };
        command.SetAction(result =>
        {
            var goldPath = result.GetValue(gold)!;
            if (!File.Exists(goldPath))
            {
                Console.Error.WriteLine($"error: {goldPath}: no such file");
                return ExitCodes.Usage;
            }
            var corpusPath = result.GetValue(corpus) ?? Source(goldPath);
            if (corpusPath is null || !File.Exists(corpusPath))
            {
                Console.Error.WriteLine($"error: {corpusPath ?? "--corpus"}: no such file (name the corpus with --corpus)");
                return ExitCodes.Usage;
            }
            List<TimexGoldFile.Part> parts;
            try
            {
                parts = TimexGoldFile.Read(goldPath, corpusPath);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            var articles = parts.ConvertAll(p => p.Article);
            var found = MeantimeTimexEval.Ours(articles, out var seconds);
            var summaries = new List<(string Half, int Documents, MeantimeTimexEval.Summary Score)>();
            // Both halves on every run, the held half's errors never listed (with --verbose only counted by class), then
            // the whole set.
            var classes = new Dictionary<string, TimexErrorClasses>(StringComparer.Ordinal);
            foreach (var half in (string[])[EvalHalf.Look, EvalHalf.Held])
            {
                var part = parts.Where(p => p.Half == half).Select(p => p.Article).ToList();
                summaries.Add((half, part.Count, MeantimeTimexEval.Score(part, found, result.GetValue(verbose) && half == EvalHalf.Look, "ours, " + half, null, classes[half] = new TimexErrorClasses())));
            }
            if (result.GetValue(verbose)) TimexErrorClasses.Print("ours", classes[EvalHalf.Look], classes[EvalHalf.Held]);
            summaries.Add(("all", articles.Count, MeantimeTimexEval.Score(articles, found, false, "ours, all", seconds)));
            foreach (var (half, documents, s) in summaries)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{half,-5} documents {documents}  relaxed P {s.RelaxedPrecision:0.000}  R {s.RelaxedRecall:0.000}  value acc {s.ValueAccuracy:0.000}  value F1 {s.ValueF1:0.000}"));
            return ExitCodes.Success;
        });
        return command;
    }

    // The gold's "source" names the corpus it was written over, relative to the gold file or absolute.
    private static string? Source(string goldPath)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(goldPath));
        if (!json.RootElement.TryGetProperty("source", out var s) || s.GetString() is not { Length: > 0 } source) return null;
        var near = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(goldPath))!, source);
        return File.Exists(near) ? near : source;
    }
}
