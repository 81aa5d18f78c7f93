using Spectre.Console;

namespace Triangulate.Cli;

/// <summary>The consoles the CLI writes to: results on stdout, progress and problems on stderr.</summary>
internal static class Consoles
{
    /// <summary>True when stderr is a terminal (a live display is then shown).</summary>
    public static bool ErrorIsTerminal => !Console.IsErrorRedirected;

    /// <summary>A Spectre console over stderr; plain (no colour codes) when stderr is redirected.</summary>
    public static IAnsiConsole Error()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = ErrorIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ErrorIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = ErrorIsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Redirected output has no width: Spectre would wrap at 80 columns and split one message over lines that a log
        // search no longer finds whole.
        if (!ErrorIsTerminal) console.Profile.Width = 10_000;
        return console;
    }
}
