using System.CommandLine;
using Triangulate.Cli;

return TriangulateCli.Run(args);

namespace Triangulate.Cli
{
    /// <summary>The command tree. Commands parse, call the library, print and return an exit code; nothing else lives here.</summary>
    internal static class TriangulateCli
    {
        public static int Run(string[] args)
        {
            var options = new Options();
            var root = new RootCommand("Triangulate: turn news articles about a developing story into a dossier whose every statement points to its evidence")
            {
                AnalyzeCommand.Create(options),
                RelinkCommand.Create(options),
                EvalCommand.Create(),
                ServeCommand.Create(options),
                UsersCommand.Create(options),
                WorkerCommand.Create(options),
            };
            // "triangulate help [COMMAND...]" is what many tools take for help: answer it as "COMMAND... --help".
            if (args is ["help", .. var rest]) args = [.. rest, "--help"];
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
                // The usage of the command that was meant, so the fix is on screen.
                var command = parsed.CommandResult.Command;
                Console.Error.WriteLine($"Usage: {Usage(command)}");
                Console.Error.WriteLine($"Run '{string.Join(' ', Path(command))} --help' for the options.");
                return ExitCodes.Usage;
            }
            // A worker stopped by SIGTERM or Ctrl+C leaves the cluster in order (its membership row set Dead), which
            // takes longer than the 2 s System.CommandLine otherwise waits before ending the process.
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            if (parsed.CommandResult.Command.Name == "worker") invocation.ProcessTerminationTimeout = WorkerCommand.StopGrace;
            try
            {
                return parsed.Invoke(invocation);
            }
            catch (Triangulate.Store.StoreBusyException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.StoreBusy;
            }
            catch (Exception e) when (StoreFailure(e) is { } reason)
            {
                // A store that fails mid-run (disk full, its file made read-only or removed) is one line, not a stack
                // trace: each batch is saved in its own transaction, so what was saved before stays whole.
                Console.Error.WriteLine($"error: the store could not be written ({reason}); the run stopped, and what it saved before stays in the store");
                return ExitCodes.StoreFailed;
            }
#pragma warning disable CA1031 // Anything else is reported as System.CommandLine's default handler did, with its exit code.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Console.Error.WriteLine($"Unhandled exception: {e}");
                return 1;
            }
        }

        /// <summary>The database error in <paramref name="e"/> (maybe wrapped by a parallel stage), on one line; null when it is no database error.</summary>
        internal static string? StoreFailure(Exception e)
        {
            for (var inner = e; inner is not null; inner = inner is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : inner.InnerException)
                if (inner is System.Data.Common.DbException db) return db.Message.ReplaceLineEndings(" ").Trim();
            return null;
        }

        private static string Usage(Command command)
        {
            var parts = Path(command);
            foreach (var argument in command.Arguments) parts.Add(argument.Arity.MaximumNumberOfValues > 1 ? $"{argument.Name}..." : argument.Name);
            if (command.Options.Count > 0) parts.Add("[options]");
            if (command.Subcommands.Count > 0) parts.Add("COMMAND");
            return string.Join(' ', parts);
        }

        /// <summary>The words that name <paramref name="command"/> from the root: "triangulate users add".</summary>
        private static List<string> Path(Command command)
        {
            var parts = new List<string>();
            for (var c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
                parts.Insert(0, c is RootCommand ? "triangulate" : c.Name);
            return parts;
        }
    }
}
