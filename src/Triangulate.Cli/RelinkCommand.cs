using System.CommandLine;
using Spectre.Console;
using Triangulate.Store;

namespace Triangulate.Cli;

/// <summary><c>triangulate relink [--db FILE] [--out DIR] [--link-part N]</c>: runs the corpus-wide stages again over the whole store and rewrites the dossier.</summary>
internal static class RelinkCommand
{
    public static Command Create(Options options)
    {
        var command = new Command("relink", "Link, cluster and reconcile everything in the store again, then write the dossier")
        {
            options.Out, options.Db, options.Format, options.Story, options.LinkPart, options.Quiet, options.Verbose,
        };
        command.SetAction(result =>
        {
            var console = Consoles.Error();
            var builder = PipelineBuilder.CreateDefault();
            if (!Options.TryApplyLinkPart(builder, result.GetValue(options.LinkPart), console)) return ExitCodes.Usage;
            var pipeline = builder.Build();
            if (!Options.TryParseFormats(pipeline, result.GetValue(options.Format)!, console, out var formats)) return ExitCodes.Usage;
            var db = result.GetValue(options.Db)!;
            if (!StoreFactory.IsServer(db) && !File.Exists(db))
            {
                console.MarkupLineInterpolated($"[red]error[/]: {db}: no such store (run analyze first)");
                return ExitCodes.Usage;
            }
            // Checked before the relinking, as analyze does: a long relink must not end on an unwritable folder.
            if (!Options.TryPrepareOut(result.GetValue(options.Out)!, console)) return ExitCodes.Usage;
            using var store = Options.OpenStore(db, console);
            if (store is null) return ExitCodes.Usage;
            var observer = new ConsoleObserver(console, result.GetValue(options.Quiet), result.GetValue(options.Verbose));
            var relinked = pipeline.Relink(store, observer);
            observer.Finish();
            var reporting = StageTiming.Start();
            if (Options.WriteDossier(pipeline, store, result.GetValue(options.Out)!, formats, result.GetValue(options.Story), console) is not { } written) return ExitCodes.Usage;
            if (result.GetValue(options.Verbose))
            {
                ConsoleObserver.WriteTimings(console, [.. relinked.Timings, reporting.Stop("reports")]);
                console.MarkupLineInterpolated($"[grey]time: this process: {ProcessCost.Describe()}[/]");
            }
            foreach (var path in written)
                if (!result.GetValue(options.Quiet)) console.MarkupLineInterpolated($"wrote [bold]{path}[/]");
            return ExitCodes.Of(relinked.FailedStages.Count, 0);
        });
        return command;
    }
}
