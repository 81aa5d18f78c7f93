namespace Triangulate.Store;

/// <summary>
/// How often and how long a store's writes waited for another writer of the same file, counted per thread (so a batch
/// save can tell its own waits, <see cref="Thread"/>) and per process (<see cref="Process"/>). Two kinds:
/// <see cref="WaitCounts.Busy"/>, a transaction's <c>BEGIN IMMEDIATE</c> that found the file's write lock held and
/// waited in SQLite's busy handler (which sleeps 1-100 ms at a time and polls, so it wakes late); and
/// <see cref="WaitCounts.Turn"/>, a wait for the store's writer turn (<see cref="SqliteStore"/>), which blocks and wakes
/// as soon as the writer before it is done. Cluster workers and a client over one SQLite file are where they happen.
/// </summary>
public static class StoreWaits
{
    [ThreadStatic] private static WaitCounts t_counts;
    private static long s_busy, s_busyTicks, s_turn, s_turnTicks;

    /// <summary>This thread's waits so far.</summary>
    public static WaitCounts Thread => t_counts;

    /// <summary>This process's waits so far.</summary>
    public static WaitCounts Process => new(
        (int)Interlocked.Read(ref s_busy), TimeSpan.FromTicks(Interlocked.Read(ref s_busyTicks)),
        (int)Interlocked.Read(ref s_turn), TimeSpan.FromTicks(Interlocked.Read(ref s_turnTicks)));

    /// <summary>Counts a begin that waited <paramref name="waited"/> in SQLite's busy handler.</summary>
    internal static void AddBusy(TimeSpan waited)
    {
        t_counts = t_counts with { Busy = t_counts.Busy + 1, BusyTime = t_counts.BusyTime + waited };
        Interlocked.Increment(ref s_busy);
        Interlocked.Add(ref s_busyTicks, waited.Ticks);
    }

    /// <summary>Counts a wait of <paramref name="waited"/> for the writer turn.</summary>
    internal static void AddTurn(TimeSpan waited)
    {
        t_counts = t_counts with { Turn = t_counts.Turn + 1, TurnTime = t_counts.TurnTime + waited };
        Interlocked.Increment(ref s_turn);
        Interlocked.Add(ref s_turnTicks, waited.Ticks);
    }
}

/// <summary>Waits counted by <see cref="StoreWaits"/>: busy-handler waits and writer-turn waits, how many and how long.</summary>
public readonly record struct WaitCounts(int Busy, TimeSpan BusyTime, int Turn, TimeSpan TurnTime)
{
    /// <summary>The waits between two readings of the same counter.</summary>
    public static WaitCounts operator -(WaitCounts after, WaitCounts before) =>
        new(after.Busy - before.Busy, after.BusyTime - before.BusyTime, after.Turn - before.Turn, after.TurnTime - before.TurnTime);

    /// <summary>The two counts summed (a cluster's calls).</summary>
    public static WaitCounts operator +(WaitCounts a, WaitCounts b) =>
        new(a.Busy + b.Busy, a.BusyTime + b.BusyTime, a.Turn + b.Turn, a.TurnTime + b.TurnTime);

    /// <summary>"busy N (T s), turn N (T s)".</summary>
    public override string ToString() => FormattableString.Invariant(
        $"busy {Busy} ({BusyTime.TotalSeconds:F2} s), writer turn {Turn} ({TurnTime.TotalSeconds:F2} s)");

    /// <summary>Operators named for the analysers (CA2225).</summary>
    public static WaitCounts Subtract(WaitCounts after, WaitCounts before) => after - before;

    /// <summary>Operators named for the analysers (CA2225).</summary>
    public static WaitCounts Add(WaitCounts a, WaitCounts b) => a + b;
}
