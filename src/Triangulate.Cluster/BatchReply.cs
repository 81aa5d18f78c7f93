namespace Triangulate.Cluster;

/// <summary>
/// What a batch grain sends back: the result, and the worker's time on the batch's analysis and on its save, so the
/// client can tell the document phase's work from what the cluster adds (<see cref="ClusterExecutor.BatchTimings"/>).
/// </summary>
[GenerateSerializer]
[Alias("Triangulate.Cluster.BatchReply")]
public sealed record BatchReply(
    [property: Id(0)] DocumentBatchResult Result,
    [property: Id(1)] TimeSpan Analysis,
    [property: Id(2)] TimeSpan Save);

/// <summary>
/// The document phase on the cluster, summed over its calls: the workers' analysis and save (wall time on the worker)
/// and the client's round trips (each call's time from sent to answered).
/// </summary>
public sealed record BatchTimings(int Calls, TimeSpan Analysis, TimeSpan Save, TimeSpan RoundTrip);
