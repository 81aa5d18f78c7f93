namespace Triangulate;

/// <summary>
/// How long one phase of a run took, for logs and benchmarks: wall clock, and the process's CPU time over the same
/// span (none where a phase is a sum over threads rather than a span of the run). CPU time says what a phase costs
/// on a machine shared with other work, where its wall time says mostly how busy the machine was; the bytes it
/// allocated and the collections they caused (<see cref="Memory"/>) say what it costs the collector, and depend on
/// neither the machine's load nor its speed.
/// </summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed)
{
    /// <summary>The process's CPU time (all threads) spent while the phase ran; null for a sum over threads.</summary>
    public TimeSpan? Cpu { get; init; }

    /// <summary>
    /// The bytes allocated while the phase ran (all threads of the process, over its span; for a sum over stories,
    /// those of the threads running the stage), and the collections over its span; null where not measured.
    /// </summary>
    public StageMemory? Memory { get; init; }

    /// <summary>A summed phase's timings, one a part, in order (see <see cref="Summed"/>); empty for a phase timed once.</summary>
    public IReadOnlyList<StageTiming> Parts { get; init; } = [];

    /// <summary>Starts timing a phase: wall clock, the process's CPU time, bytes allocated and collections from now.</summary>
    public static Started Start() => new(System.Diagnostics.Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime, StageMemory.Now());

    /// <summary>
    /// Sums the timings of each phase (a run in parts times each phase once a part), in first-seen order; a phase
    /// timed more than once keeps its timings in <see cref="Parts"/>.
    /// </summary>
    public static IReadOnlyList<StageTiming> Summed(IEnumerable<StageTiming> timings) =>
        [.. timings.GroupBy(t => t.Stage).Select(g => new StageTiming(g.Key, TimeSpan.FromTicks(g.Sum(t => t.Elapsed.Ticks)))
        {
            Cpu = g.Any(t => t.Cpu is not null) ? TimeSpan.FromTicks(g.Sum(t => t.Cpu?.Ticks ?? 0)) : null,
            Memory = g.Any(t => t.Memory is not null) ? g.Aggregate(default(StageMemory), (sum, t) => sum + (t.Memory ?? default)) : null,
            Parts = g.Count() > 1 ? [.. g] : [],
        })];

    /// <summary>A phase being timed (see <see cref="Start"/>).</summary>
    public readonly record struct Started(long Timestamp, TimeSpan Cpu, StageMemory Memory)
    {
        /// <summary>The phase's timing from its start until now.</summary>
        public StageTiming Stop(string stage) =>
            new(stage, System.Diagnostics.Stopwatch.GetElapsedTime(Timestamp)) { Cpu = Environment.CpuUsage.TotalTime - Cpu, Memory = StageMemory.Now() - Memory };
    }
}

/// <summary>Bytes allocated and collections of generations 0, 1 and 2 (each count includes the older generations' collections, as the runtime counts them).</summary>
public readonly record struct StageMemory(long Allocated, int Gen0, int Gen1, int Gen2)
{
    /// <summary>The process's totals so far (the allocated bytes as the runtime last counted them: exact to its last allocation context, which is cheap to read).</summary>
    public static StageMemory Now() => new(GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>The two counts summed.</summary>
    public static StageMemory operator +(StageMemory a, StageMemory b) => new(a.Allocated + b.Allocated, a.Gen0 + b.Gen0, a.Gen1 + b.Gen1, a.Gen2 + b.Gen2);

    /// <summary>The counts of <paramref name="a"/> since <paramref name="b"/>.</summary>
    public static StageMemory operator -(StageMemory a, StageMemory b) => new(a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2);

    /// <summary>Same as <c>+</c>, for languages without operators.</summary>
    public static StageMemory Add(StageMemory a, StageMemory b) => a + b;

    /// <summary>Same as <c>-</c>, for languages without operators.</summary>
    public static StageMemory Subtract(StageMemory a, StageMemory b) => a - b;
}
