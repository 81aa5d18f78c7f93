namespace Triangulate.Store;

/// <summary>
/// How often and how long a store's writes waited for another writer of the same file, counted per thread (so a batch
/// save can tell its own waits, <see cref="Thread"/>) and per process (<see cref="Process"/>): a transaction's
/// <c>BEGIN IMMEDIATE</c> that found the file's write lock held and waited in SQLite's busy handler (which sleeps
/// 1-100 ms at a time and polls). Cluster workers and a client over one SQLite file are where they happen. And the waits
/// of a batch save for the store's own writer connection, held by another save of the same process (a worker runs
/// several batches at once, and one connection writes them in turn).
/// </summary>
public static class StoreWaits
{
    [ThreadStatic] private static WaitCounts t_counts;
    private static long s_busy, s_busyTicks, s_writer, s_writerTicks;

    /// <summary>This thread's waits so far.</summary>
    public static WaitCounts Thread => t_counts;

    /// <summary>This process's waits so far.</summary>
    public static WaitCounts Process => new(
        (int)Interlocked.Read(ref s_busy), TimeSpan.FromTicks(Interlocked.Read(ref s_busyTicks)),
        (int)Interlocked.Read(ref s_writer), TimeSpan.FromTicks(Interlocked.Read(ref s_writerTicks)));

    /// <summary>Counts a begin that waited <paramref name="waited"/> in SQLite's busy handler.</summary>
    internal static void AddBusy(TimeSpan waited)
    {
        t_counts = t_counts with { Busy = t_counts.Busy + 1, BusyTime = t_counts.BusyTime + waited };
        Interlocked.Increment(ref s_busy);
        Interlocked.Add(ref s_busyTicks, waited.Ticks);
    }

    /// <summary>
    /// Takes <paramref name="writer"/>, a store's lock of its one writer connection, counting a wait when another
    /// thread of this process held it (the time until it was free).
    /// </summary>
    internal static void EnterWriter(Lock writer)
    {
        if (writer.TryEnter()) return;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        writer.Enter();
        var waited = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        t_counts = t_counts with { Writer = t_counts.Writer + 1, WriterTime = t_counts.WriterTime + waited };
        Interlocked.Increment(ref s_writer);
        Interlocked.Add(ref s_writerTicks, waited.Ticks);
    }
}

/// <summary>
/// Waits counted by <see cref="StoreWaits"/>: busy-handler waits (another process's write transaction), how many and
/// how long; and waits for the store's own writer connection (another save of this process).
/// </summary>
public readonly record struct WaitCounts(int Busy, TimeSpan BusyTime, int Writer = 0, TimeSpan WriterTime = default)
{
    /// <summary>The waits between two readings of the same counter.</summary>
    public static WaitCounts operator -(WaitCounts after, WaitCounts before) =>
        new(after.Busy - before.Busy, after.BusyTime - before.BusyTime, after.Writer - before.Writer, after.WriterTime - before.WriterTime);

    /// <summary>The two counts summed (a cluster's calls).</summary>
    public static WaitCounts operator +(WaitCounts a, WaitCounts b) =>
        new(a.Busy + b.Busy, a.BusyTime + b.BusyTime, a.Writer + b.Writer, a.WriterTime + b.WriterTime);

    /// <summary>"busy N (T s), writer N (T s)".</summary>
    public override string ToString() => FormattableString.Invariant($"busy {Busy} ({BusyTime.TotalSeconds:F2} s), writer {Writer} ({WriterTime.TotalSeconds:F2} s)");

    /// <summary>Operators named for the analysers (CA2225).</summary>
    public static WaitCounts Subtract(WaitCounts after, WaitCounts before) => after - before;

    /// <summary>Operators named for the analysers (CA2225).</summary>
    public static WaitCounts Add(WaitCounts a, WaitCounts b) => a + b;
}
