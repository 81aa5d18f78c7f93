using Spectre.Console;
using Triangulate.Model;

namespace Triangulate.Cli;

/// <summary>
/// Reports a run on stderr: each problem as one line naming its input, and progress as plain log lines
/// (in <c>--verbose</c>) or as a live Spectre display when stderr is a terminal.
/// </summary>
internal sealed class ConsoleObserver(IAnsiConsole console, bool quiet, bool verbose) : IPipelineObserver
{
    private readonly Lock _lock = new();
    private string _stage = "";
    private DateTime _lastLine = DateTime.MinValue;

    /// <summary>The latest progress, for a live display to render.</summary>
    public PipelineProgress? Latest { get; private set; }

    /// <summary>True while a live display owns the terminal (problems are then collected and printed after it).</summary>
    public bool Live { get; set; }

    /// <summary>Problems met while the live display was on.</summary>
    public List<Problem> Deferred { get; } = [];

    public void OnProblem(Problem problem)
    {
        lock (_lock)
        {
            if (Live) Deferred.Add(problem);
            else WriteProblem(problem, verbose);
        }
    }

    public void OnProgress(PipelineProgress progress)
    {
        lock (_lock)
        {
            Latest = progress;
            if (quiet || Live) return;
            var now = DateTime.UtcNow;
            // Plain logs: one line per stage change, and at most one a second otherwise.
            if (progress.Stage == _stage && !(verbose && now - _lastLine > TimeSpan.FromSeconds(1))) return;
            _stage = progress.Stage;
            _lastLine = now;
            console.MarkupLineInterpolated($"[grey]{progress.Stage}: {progress.DocumentsRead} read, {progress.DocumentsStored} stored, {progress.DocumentsKnown} known, {progress.Problems} problems[/]");
        }
    }

    /// <summary>
    /// Writes "error: SOURCE: reason" as one line, straight to stderr: a console renderer wraps long lines at its width,
    /// and a problem must stay one line that a log search finds whole. Further lines of the error (a failed stage's
    /// stack trace) follow only when <paramref name="verbose"/>.
    /// </summary>
    public static void WriteProblem(Problem problem, bool verbose)
    {
        var error = problem.Error;
        var newline = error.IndexOf('\n', StringComparison.Ordinal);
        var first = newline < 0 ? error : error[..newline].TrimEnd('\r');
        Console.Error.WriteLine($"error: {problem.Source}: {first}");
        if (verbose && newline >= 0) Console.Error.WriteLine(error[(newline + 1)..]);
    }
}
