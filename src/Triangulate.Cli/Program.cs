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
            return parsed.CommandResult.Command.Name == "worker"
                ? parsed.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = WorkerCommand.StopGrace })
                : parsed.Invoke();
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
