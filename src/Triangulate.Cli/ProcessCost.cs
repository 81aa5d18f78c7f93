namespace Triangulate.Cli;

/// <summary>
/// This process's CPU time and JIT work so far, for <c>--verbose</c> and the worker's log: on a small machine a
/// cluster's cost is mostly each runtime compiling the same hot code again, and these say how much (docs/benchmarks.md,
/// "The cluster's cost is warm-up").
/// </summary>
internal static class ProcessCost
{
    /// <summary>
    /// "cpu S s, gc N/N/N (pauses T s), jit N methods in T s, store waits: busy N (T s)" (the collections of
    /// generations 0, 1 and 2 and the time the runtime was paused for them: a run whose every thread stops for
    /// collections says so here; the JIT time is wall time of the compiling threads, not CPU; the store waits are
    /// <see cref="Store.StoreWaits.Process"/>).
    /// </summary>
    public static string Describe() =>
        FormattableString.Invariant($"cpu {Environment.CpuUsage.TotalTime.TotalSeconds:F2} s, gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (pauses {GC.GetTotalPauseDuration().TotalSeconds:F2} s), jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F2} s, store waits: {Store.StoreWaits.Process}");
}
