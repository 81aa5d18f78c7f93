using System.CommandLine;
using System.Globalization;
using Triangulate.Ingest;
using Triangulate.Ingest.Evaluation;

namespace Triangulate.Cli;

/// <summary><c>triangulate eval extraction DIR [--predictions FILE] [--pages]</c>: scores article extraction on a benchmark folder.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "Benchmark folder: ground-truth.json and html/<id>.html.gz" };
        var predictions = new Option<string?>("--predictions")
        {
            Description = "Score another tool's output instead (JSON object: id → text), e.g. from bench/peers/",
        };
        var seconds = new Option<double?>("--seconds") { Description = "With --predictions: the peer's extraction time, for pages/s" };
        var perPage = new Option<bool>("--pages") { Description = "Print each page's precision and recall" };
        var show = new Option<string?>("--show") { Description = "Print one page's blocks (kind, element path, text) instead of scoring" };
        var rounds = new Option<int>("--rounds")
        {
            Description = "Extract the pages this many times in one process; prints each round's pages/s and the steady state (median after the first)",
            DefaultValueFactory = _ => 1,
        };
        var errors = new Option<bool>("--errors")
        {
            Description = "Print, for look pages only, the blocks wrongly kept (body not in the truth) or dropped (truth text in a non-body block)",
        };
        var write = new Option<string?>("--write") { Description = "Also write what was extracted (JSON object: id → text), the layout --predictions reads" };
        var extraction = new Command("extraction", "Score article extraction (shingle precision/recall/F1, as the article-extraction-benchmark)")
        {
            folder, predictions, seconds, perPage, show, rounds, write, errors,
        };
        extraction.SetAction(result =>
        {
            var dir = result.GetValue(folder)!;
            ExtractionEvaluation evaluation;
            try
            {
                evaluation = ExtractionEvaluation.Open(dir);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            if (result.GetValue(show) is { } id)
            {
                var read = HtmlDocumentReader.FromBytes(id, evaluation.Page(id));
                if (read.Document is null)
                {
                    Console.Error.WriteLine($"error: {read.Problem?.Error}");
                    return ExitCodes.Problems;
                }
                var blocks = new HtmlBlockClassifier().Classify(read.Document);
                for (var i = 0; i < blocks.Count; i++)
                {
                    var text = read.Document.Text[blocks[i].Start..blocks[i].End];
                    var segment = read.Document.Segments[i];
                    var features = segment.Features is null ? "" : string.Join(' ', segment.Features.Where(f => f.Key.Contains('.', StringComparison.Ordinal)).Select(f => f.Key));
                    Console.WriteLine($"{blocks[i].Kind,-10} {segment.Hint} {features} {segment.Path}\n           {(text.Length > 100 ? text[..100] : text)}");
                }
                return ExitCodes.Success;
            }
            if (result.GetValue(errors))
            {
                foreach (var error in evaluation.LookErrors(new HtmlBlockClassifier()))
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{error.Page[..8]}\t{(error.Kept ? "KEPT" : "DROPPED")}\t{error.Kind}\t{error.Tokens}\t{error.Path}\n\t{error.Text}"));
                return ExitCodes.Success;
            }
            Action<string, ExtractionScore>? onPage = result.GetValue(perPage)
                ? (id, s) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id}\t{s.Precision:F3}\t{s.Recall:F3}\t{(EvaluationSplit.PartOf(id) == EvaluationPart.Look ? "look" : "held-back")}"))
                : null;
            ExtractionRun run;
            var file = result.GetValue(predictions);
            if (file is not null)
            {
                if (!File.Exists(file))
                {
                    Console.Error.WriteLine($"error: {file}: no such file");
                    return ExitCodes.Usage;
                }
                var texts = ExtractionEvaluation.ReadTexts(File.ReadAllBytes(file), "articleBody");
                run = evaluation.Score(texts, TimeSpan.FromSeconds(result.GetValue(seconds) ?? 0), onPage);
            }
            else
            {
                run = evaluation.Run(new HtmlBlockClassifier(), onPage, Math.Max(1, result.GetValue(rounds)));
                for (var i = 0; run.Rounds.Count > 1 && i < run.Rounds.Count; i++)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {i + 1}  cpu {run.Rounds[i].TotalSeconds:F2} s  pages/s {run.Pages / run.Rounds[i].TotalSeconds:F1}"));
                if (result.GetValue(write) is { } output) WriteTexts(output, run.Texts);
            }
            var steady = run.Rounds.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"  steady pages/s {run.SteadyPagesPerSecond:F1}") : "";
            PrintExtraction("look", run.Look.Score, run.Look.Pages);
            PrintExtraction("held-back", run.HeldBack.Score, run.HeldBack.Pages);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"all        pages {run.Pages}  precision {run.Score.Precision:F3}  recall {run.Score.Recall:F3}  F1 {run.Score.F1:F3}  pages/s {run.PagesPerSecond:F1}") + steady);
            return ExitCodes.Success;
        });
        return new Command("eval", "Measure a stage against a labelled data set") { extraction, Dates(), DateLines(), EvalExtractCommand.Create(), EvalLinkCommand.Create(), EvalStoriesCommand.Create(), EvalTimexCommand.Create(), EvalTimexAgreeCommand.Create(), EvalTimexScanCommand.Create() };
    }

    private static void WriteTexts(string path, IReadOnlyDictionary<string, string> texts)
    {
        using var file = File.Create(path);
        using var json = new System.Text.Json.Utf8JsonWriter(file, new System.Text.Json.JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        foreach (var (id, text) in texts.OrderBy(t => t.Key, StringComparer.Ordinal)) json.WriteString(id, text);
        json.WriteEndObject();
    }

    /// <summary><c>triangulate eval datelines FILE.jsonl [--pages]</c>: date lines at the top of text records read as stated dates.</summary>
    private static Command DateLines()
    {
        var file = new Argument<string>("FILE") { Description = "JSON Lines file of {url, text} records, e.g. ecb-dev.jsonl" };
        var perPage = new Option<bool>("--pages") { Description = "Print each record: source, date line's day, published day, basis" };
        var command = new Command("datelines", "Count text records whose first lines show a date line and how many get it as a stated publication date")
        {
            file, perPage,
        };
        command.SetAction(result =>
        {
            if (Open(() => DatelineEvaluation.Open(result.GetValue(file)!)) is not { } evaluation) return ExitCodes.Usage;
            Action<string, Model.PartialDate?, Model.DateEstimate?>? onRecord = result.GetValue(perPage)
                ? (source, line, found) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{source}\t{line?.ToString() ?? "-"}\t{found?.Date?.ToString() ?? "-"}\t{found?.Basis.ToString() ?? "-"}"))
                : null;
            var run = evaluation.Run(onRecord);
            foreach (var (name, part) in (ReadOnlySpan<(string, EvaluationPart?)>)[("look", EvaluationPart.Look), ("held-back", EvaluationPart.HeldBack), ("all", null)])
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-10} records {run.Records(part)}  with a date line {run.WithDateLine(part)}  stated from it {run.StatedFromDateLine(part)}  date line as title {run.DateLineTitles(part)}  stated from elsewhere {run.StatedElsewhere(part)}"));
            return ExitCodes.Success;
        });
        return command;
    }

    // An evaluation set that cannot be opened is a usage error, said on stderr.
    private static T? Open<T>(Func<T> open) where T : class
    {
        try
        {
            return open();
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return null;
        }
    }

    // One line per part of the look/held-back split, so no run reports the whole figure alone.
    private static void PrintExtraction(string part, ExtractionScore score, int pages) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{part,-10} pages {pages}  precision {score.Precision:F3}  recall {score.Recall:F3}  F1 {score.F1:F3}"));

    private static void PrintDates(string part, DateRun run, bool basis)
    {
        var bases = basis ? "  (" + string.Join(", ", run.ByBasis.OrderBy(b => b.Key).Select(b => $"{b.Key.ToString().ToLowerInvariant()} {b.Value}")) + ")" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{part,-10} pages {run.Pages}  accuracy {run.Accuracy:F3}  within a day {run.AccuracyWithinDay:F3}  coverage {run.Coverage:F3}  precision {run.Precision:F3}  recall {run.Recall:F3}  F1 {run.F1:F3}") + bases);
    }

    /// <summary><c>triangulate eval dates DIR [--predictions FILE] [--pages]</c>: publication days read from HTML against htmldate-style gold.</summary>
    private static Command Dates()
    {
        var folder = new Argument<string>("DIR") { Description = "Folder: ground-truth.json ({key: {url, date}}) and html/<key>.html.gz" };
        var perPage = new Option<bool>("--pages") { Description = "Print each page: key, gold day, found day, basis, part (look/held-back)" };
        var predictions = new Option<string?>("--predictions")
        {
            Description = "Score another tool's days instead (JSON object: key → \"YYYY-MM-DD\", null, or {date: ...}), e.g. htmldate's output",
        };
        var dates = new Command("dates", "Score publication dates read from HTML (accuracy, within a day, coverage, F1 as htmldate's evaluation)")
        {
            folder, perPage, predictions,
        };
        dates.SetAction(result =>
        {
            if (Open(() => DateEvaluation.Open(result.GetValue(folder)!)) is not { } evaluation) return ExitCodes.Usage;
            Action<string, Model.PartialDate?, Model.DateEstimate?>? onPage = result.GetValue(perPage)
                ? (key, gold, found) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{key}\t{gold?.ToString() ?? "-"}\t{found?.Date?.ToString() ?? "-"}\t{found?.Basis.ToString() ?? "-"}\t{(gold == found?.Date ? "ok" : "WRONG")}\t{(EvaluationSplit.PartOf(key) == EvaluationPart.Look ? "look" : "held-back")}"))
                : null;
            SplitDateRun run;
            if (result.GetValue(predictions) is { } file)
            {
                if (!File.Exists(file))
                {
                    Console.Error.WriteLine($"error: {file}: no such file");
                    return ExitCodes.Usage;
                }
                run = evaluation.Score(DateEvaluation.ReadPredictions(File.ReadAllText(file)), onPage);
            }
            else
            {
                run = evaluation.Run(onPage);
            }
            PrintDates("look", run.Look, basis: false);
            PrintDates("held-back", run.HeldBack, basis: false);
            PrintDates("all", run.All, basis: true);
            return ExitCodes.Success;
        });
        return dates;
    }
}
