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
                new Command("eval", "Measure the stages against gold sets") { EvalExtractCommand.Create() },
            };
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
                Console.Error.WriteLine("Run 'triangulate --help' for usage.");
                return ExitCodes.Usage;
            }
            return parsed.Invoke();
        }
    }
}
