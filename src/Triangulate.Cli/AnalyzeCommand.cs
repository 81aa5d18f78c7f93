using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Triangulate.Store;

namespace Triangulate.Cli;

/// <summary><c>triangulate analyze PATH... [--out DIR] [--db FILE] [--format json,md,html] [--cluster POSTGRES] [--link-part N]</c>.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(Options options)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files and folders to read (folders recursively): .txt, .html/.htm, .jsonl/.ndjson, .warc, and each of them .gz",
            Arity = ArgumentArity.OneOrMore,
        };
        // A PATH that looks like an option and names no file is a mistyped option, not an input: refuse it as usage.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.StartsWith('-') && !Path.Exists(token.Value)) result.AddError($"unknown option '{token.Value}'");
        });
        var command = new Command("analyze", "Read articles, store them with what was found, and write the dossier of everything stored")
        {
            paths, options.Out, options.Db, options.Format, options.Story, options.Languages, options.Calendar, options.Cluster, options.LinkPart, options.Quiet, options.Verbose,
        };
        command.SetAction(result => Run(
            result.GetValue(paths)!, result.GetValue(options.Out)!, result.GetValue(options.Db)!,
            result.GetValue(options.Format)!, result.GetValue(options.Story), result.GetValue(options.Languages), result.GetValue(options.Calendar) ?? [],
            result.GetValue(options.Cluster), result.GetValue(options.LinkPart), result.GetValue(options.Quiet), result.GetValue(options.Verbose)));
        return command;
    }

    private static int Run(string[] paths, string outFolder, string db, string formats, string? story, string? languages, string[] calendars, string? cluster, int? linkPart, bool quiet, bool verbose)
    {
        var console = Consoles.Error();
        var builder = PipelineBuilder.CreateDefault();
        if (!Options.TryApplyLanguages(builder, languages, console) || !Options.TryApplyLinkPart(builder, linkPart, console)) return ExitCodes.Usage;
        foreach (var calendar in calendars)
        {
            if (File.Exists(calendar)) { builder.CalendarFiles.Add(calendar); continue; }
            console.MarkupLineInterpolated($"[red]error[/]: --calendar: no such file '{calendar}'");
            return ExitCodes.Usage;
        }
        var pipeline = builder.Build();
        if (!Options.TryParseFormats(pipeline, formats, console, out var formatList)) return ExitCodes.Usage;

        // Checked before the analysis, not after it: a run of an hour must not end on an unwritable folder.
        if (!Options.TryPrepareOut(outFolder, console)) return ExitCodes.Usage;

        var clock = Stopwatch.StartNew();
        var observer = new ConsoleObserver(console, quiet, verbose);
        using var store = Options.OpenStore(db, console);
        if (store is null) return ExitCodes.Usage;
        // On a cluster, the workers analyse and this process reads, links and writes; the same summary comes back.
        using var client = cluster is null ? null : ClusterConnection.Open(cluster, db, console);
        if (cluster is not null && client is null) return ExitCodes.Usage;
        Func<AnalysisSummary> analyze = client is null
            ? () => pipeline.Analyze(paths, store, observer)
            : () => pipeline.Analyze(paths, store, client.Executor, observer);
        AnalysisSummary summary;
        if (!quiet && Consoles.ErrorIsTerminal)
        {
            observer.Live = true;
            summary = console.Status().Start("Reading…", status =>
            {
                var task = Task.Run(analyze);
                while (!task.Wait(200))
                {
                    if (observer.Latest is { } p)
                        status.Status($"{observer.Describe(p)}, {p.DocumentsRead / Math.Max(clock.Elapsed.TotalSeconds, 0.001):F0} docs/s");
                }
                return task.GetAwaiter().GetResult();
            });
            observer.Live = false;
            foreach (var problem in observer.Deferred) ConsoleObserver.WriteProblem(problem, verbose);
        }
        else
        {
            summary = analyze();
            observer.Finish();
        }

        var reporting = StageTiming.Start();
        var written = Options.WriteDossier(pipeline, store, outFolder, formatList, story, console);
        if (written is null) return ExitCodes.Usage;
        if (verbose)
        {
            // One line a phase, for benchmarks and for finding what a slow run spent its time on.
            ConsoleObserver.WriteTimings(console, [.. summary.Timings, reporting.Stop("reports")]);
            client?.WriteTimings(console);
            console.MarkupLineInterpolated($"[grey]time: this process: {ProcessCost.Describe()}[/]");
        }
        if (!quiet)
        {
            console.MarkupLineInterpolated($"{summary.DocumentsRead} documents read ({summary.DocumentsStored} new, {summary.DocumentsKnown} already stored), {summary.Stories} {(summary.Stories == 1 ? "story" : "stories")} ({summary.StoriesAnalysed} analysed anew), {summary.Problems.Count} problems, {clock.Elapsed.TotalSeconds:F1} s");
            foreach (var path in written) console.MarkupLineInterpolated($"wrote [bold]{path}[/]");
        }
        return ExitCodes.Of(summary.FailedStages.Count, summary.Problems.Count);
    }
}
