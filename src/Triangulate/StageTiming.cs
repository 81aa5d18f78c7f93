namespace Triangulate;

/// <summary>
/// How long one phase of a run took, for logs and benchmarks: wall clock, and the process's CPU time over the same
/// span (none where a phase is a sum over threads rather than a span of the run). CPU time says what a phase costs
/// on a machine shared with other work, where its wall time says mostly how busy the machine was.
/// </summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed)
{
    /// <summary>The process's CPU time (all threads) spent while the phase ran; null for a sum over threads.</summary>
    public TimeSpan? Cpu { get; init; }

    /// <summary>Starts timing a phase: wall clock and the process's CPU time from now.</summary>
    public static Started Start() => new(System.Diagnostics.Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime);

    /// <summary>Sums the timings of each phase (a run in parts times each phase once a part), in first-seen order.</summary>
    public static IReadOnlyList<StageTiming> Summed(IEnumerable<StageTiming> timings) =>
        [.. timings.GroupBy(t => t.Stage).Select(g => new StageTiming(g.Key, TimeSpan.FromTicks(g.Sum(t => t.Elapsed.Ticks))) { Cpu = g.Any(t => t.Cpu is not null) ? TimeSpan.FromTicks(g.Sum(t => t.Cpu?.Ticks ?? 0)) : null })];

    /// <summary>A phase being timed (see <see cref="Start"/>).</summary>
    public readonly record struct Started(long Timestamp, TimeSpan Cpu)
    {
        /// <summary>The phase's timing from its start until now.</summary>
        public StageTiming Stop(string stage) =>
            new(stage, System.Diagnostics.Stopwatch.GetElapsedTime(Timestamp)) { Cpu = Environment.CpuUsage.TotalTime - Cpu };
    }
}
