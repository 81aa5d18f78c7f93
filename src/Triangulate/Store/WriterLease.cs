namespace Triangulate.Store;

/// <summary>
/// A run's exclusive right to write a store's documents, links and stories (<see cref="IStore.AcquireWriterLease"/>):
/// a run that adds documents and links them holds it from its first save to its last, so another run never links
/// documents this one stored but has not linked yet, and two relinks never build on the same stored state. A run that
/// finds it held waits (saying so once), up to a bound, then gives up with <see cref="StoreBusyException"/>.
/// </summary>
public static class WriterLease
{
    /// <summary>How long a run waits for another run's lease by default before it gives up.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromHours(24);

    /// <summary>How often a waiting run tries the lease again.</summary>
    internal static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>A lease that holds nothing (a store only this process can open, such as an in-memory one).</summary>
    public static IDisposable None { get; } = new Nothing();

    /// <summary>
    /// Takes the lease that <paramref name="lockFile"/> stands for: the file opened, for reading only (a lock file another
    /// user made is shared), by this handle alone (an advisory whole-file lock, <c>flock</c> on Unix, released by the system when the process ends, however it ends), tried every
    /// <see cref="Poll"/> until <paramref name="wait"/> is over. <paramref name="waiting"/> is called once, when the
    /// first try finds it held.
    /// </summary>
    public static IDisposable OfFile(string lockFile, string store, TimeSpan wait, Action<string>? waiting)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        return Take(() =>
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.Read, FileShare.None);
            }
            catch (IOException) when (File.Exists(lockFile))
            {
                return null;
            }
        }, store, wait, waiting);
    }

    /// <summary>Tries <paramref name="tryTake"/> (null: held by another) until it succeeds or <paramref name="wait"/> is over.</summary>
    internal static IDisposable Take(Func<IDisposable?> tryTake, string store, TimeSpan wait, Action<string>? waiting)
    {
        ArgumentNullException.ThrowIfNull(tryTake);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var first = true; ; first = false)
        {
            if (tryTake() is { } lease) return lease;
            if (first) waiting?.Invoke(store);
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) >= wait) throw new StoreBusyException(store, wait);
            Thread.Sleep(Poll);
        }
    }

    private sealed class Nothing : IDisposable
    {
        public void Dispose() { }
    }
}

/// <summary>Another run held a store's writer lease longer than this run would wait (<see cref="WriterLease"/>).</summary>
public sealed class StoreBusyException : Exception
{
    /// <summary>The store named, and how long the run waited.</summary>
    public StoreBusyException(string store, TimeSpan waited)
        : base(FormattableString.Invariant($"another run is writing {store}: waited {Describe(waited)} for it to finish; nothing was stored by this run"))
    {
        Store = store;
    }

    /// <summary>For serialisers.</summary>
    public StoreBusyException() { Store = ""; }

    /// <summary>For serialisers.</summary>
    public StoreBusyException(string message) : base(message) { Store = ""; }

    /// <summary>For serialisers.</summary>
    public StoreBusyException(string message, Exception inner) : base(message, inner) { Store = ""; }

    /// <summary>The store that was busy, as the run named it.</summary>
    public string Store { get; }

    private static string Describe(TimeSpan t) =>
        t.TotalHours >= 1 ? FormattableString.Invariant($"{t.TotalHours:0.#} h") :
        t.TotalMinutes >= 1 ? FormattableString.Invariant($"{t.TotalMinutes:0.#} min") :
        FormattableString.Invariant($"{t.TotalSeconds:0.#} s");
}
