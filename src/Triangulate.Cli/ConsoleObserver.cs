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
    private string _phase = "";
    private DateTime _lastLine = DateTime.MinValue;
    // The latest progress not printed yet: printed as the phase ends, so its last line shows its last counts.
    private PipelineProgress? _unprinted;
    private int _problems;

    /// <summary>The latest progress, for a live display to render.</summary>
    public PipelineProgress? Latest { get; private set; }

    /// <summary>True while a live display owns the terminal (problems are then collected and printed after it).</summary>
    public bool Live { get; set; }

    /// <summary>Problems met while the live display was on.</summary>
    public List<Problem> Deferred { get; } = [];

    /// <summary>How often a plain log repeats the counts of a phase that goes on: every second in <c>--verbose</c>, else every 10 s.</summary>
    private TimeSpan Interval => verbose ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10);

    public void OnProblem(Problem problem)
    {
        lock (_lock)
        {
            Interlocked.Increment(ref _problems);
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
            var phase = Phase(progress.Stage);
            // Plain logs: a line when a phase starts (the one that ended first gets its last counts), and while it goes
            // on one every Interval, so the counts shown are the run's, not the phase's first.
            if (phase == _phase && now - _lastLine < Interval)
            {
                _unprinted = progress;
                return;
            }
            if (phase != _phase) Finish();
            _phase = phase;
            _lastLine = now;
            _unprinted = null;
            console.MarkupLineInterpolated($"[grey]{Describe(progress)}[/]");
        }
    }

    /// <summary>Says, unless quiet, that the run waits for another one writing the store (one line, not a problem).</summary>
    public void OnWaitingForStore(string store)
    {
        lock (_lock)
            if (!quiet) console.MarkupLineInterpolated($"waiting for another run on {store} to finish (it holds the store's writer lease)");
    }

    /// <summary>Prints the last counts of the phase that went on when the run ended, when no line showed them yet.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_unprinted is { } last && !quiet && !Live) console.MarkupLineInterpolated($"[grey]{Describe(last)}[/]");
            _unprinted = null;
        }
    }

    /// <summary>
    /// For <c>--verbose</c>: one line a phase with its wall time ("time: NAME: S s", which bench/scale.sh reads), then one
    /// with the process's CPU time over it ("cpu: NAME: S s") where the phase is a span of the run: on a shared
    /// machine the CPU time says what a phase costs, the wall time how busy the machine was. A phase run once a part
    /// (a run over more than <c>--link-part</c> documents) gets a line a part as well ("cpu: NAME: part K: S s").
    /// </summary>
    public static void WriteTimings(IAnsiConsole console, IEnumerable<StageTiming> timings)
    {
        ArgumentNullException.ThrowIfNull(console);
        var list = timings.ToList();
        foreach (var timing in list) console.MarkupLineInterpolated($"[grey]time: {timing.Stage}: {timing.Elapsed.TotalSeconds:F2} s[/]");
        foreach (var timing in list)
        {
            if (timing.Cpu is not { } cpu) continue;
            console.MarkupLineInterpolated($"[grey]cpu: {timing.Stage}: {cpu.TotalSeconds:F2} s[/]");
            for (var p = 0; p < timing.Parts.Count; p++)
                if (timing.Parts[p].Cpu is { } part) console.MarkupLineInterpolated($"[grey]cpu: {timing.Stage}: part {p + 1}: {part.TotalSeconds:F2} s[/]");
        }
        // Bytes and collections depend on neither the machine's load nor its speed: what a run costs the collector, by
        // phase, and by part where a phase ran once a part (does a phase's garbage grow with the store?).
        foreach (var timing in list)
        {
            if (timing.Memory is not { } memory) continue;
            console.MarkupLineInterpolated($"[grey]alloc: {timing.Stage}: {Describe(memory)}[/]");
            for (var p = 0; p < timing.Parts.Count; p++)
                if (timing.Parts[p].Memory is { } part) console.MarkupLineInterpolated($"[grey]alloc: {timing.Stage}: part {p + 1}: {Describe(part)}[/]");
        }
    }

    /// <summary>"N MB, gc N/N/N" (the collections of generations 0, 1 and 2 over the phase's span; none for a sum over stories).</summary>
    private static string Describe(StageMemory memory) =>
        FormattableString.Invariant($"{memory.Allocated / 1e6:F1} MB, gc {memory.Gen0}/{memory.Gen1}/{memory.Gen2}");

    /// <summary>
    /// One progress line: reading and analysing count documents read, stored and known; a corpus or story stage (the
    /// pipeline passes the store's document count as its "read", and zeros) names how many documents it works over.
    /// Problems are those heard so far in the run.
    /// </summary>
    public string Describe(PipelineProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var problems = Volatile.Read(ref _problems);
        return IsReading(progress.Stage)
            ? $"{progress.Stage}: {progress.DocumentsRead} read, {progress.DocumentsStored} stored, {progress.DocumentsKnown} known, {problems} problems"
            : $"{progress.Stage}: {progress.DocumentsRead} documents in the store, {problems} problems";
    }

    /// <summary>The pipeline's per-document stages, which alternate as files are read and batches analysed: one phase.</summary>
    private static bool IsReading(string stage) => stage is "read" or "analyse";

    private static string Phase(string stage) => IsReading(stage) ? "read" : stage;

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
