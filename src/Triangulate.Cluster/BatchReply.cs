namespace Triangulate.Cluster;

/// <summary>
/// What a batch grain sends back: the result, and the worker's time on the batch's analysis and on its save, so the
/// client can tell the document phase's work from what the cluster adds (<see cref="ClusterExecutor.BatchTimings"/>);
/// and how often and how long the save waited for another writer of the store (<see cref="Triangulate.Store.StoreWaits"/>).
/// </summary>
[GenerateSerializer]
[Alias("Triangulate.Cluster.BatchReply")]
public sealed record BatchReply(
    [property: Id(0)] DocumentBatchResult Result,
    [property: Id(1)] TimeSpan Analysis,
    [property: Id(2)] TimeSpan Save,
    [property: Id(3)] int BusyWaits = 0,
    [property: Id(4)] TimeSpan BusyWaited = default)
{
    /// <summary>The save's store waits.</summary>
    public Triangulate.Store.WaitCounts Waits => new(BusyWaits, BusyWaited);
}

/// <summary>
/// The document phase on the cluster, summed over its calls: the workers' analysis and save (wall time on the worker)
/// and the client's round trips (each call's time from sent to answered), and the saves' store waits.
/// </summary>
public sealed record BatchTimings(int Calls, TimeSpan Analysis, TimeSpan Save, TimeSpan RoundTrip, Triangulate.Store.WaitCounts Waits = default);
