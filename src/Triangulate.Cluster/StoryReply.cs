namespace Triangulate.Cluster;

/// <summary>
/// What a story grain sends back: the outcome, and where the worker spent its time on it, so the client can tell the
/// cluster's own cost (queueing, transport, serialization) from the story work (<see cref="ClusterExecutor.StoryTimings"/>).
/// </summary>
[GenerateSerializer]
[Alias("Triangulate.Cluster.StoryReply")]
public sealed record StoryReply(
    [property: Id(0)] StoryOutcome Outcome,
    [property: Id(1)] TimeSpan Read,
    [property: Id(2)] TimeSpan Compute,
    [property: Id(3)] bool Reused,
    [property: Id(4)] int FromMemory,
    [property: Id(5)] int FromStore);

/// <summary>
/// The story phase on the cluster, summed over its calls: the workers' store reads (thread time, summed over the
/// threads a story reads on) and their whole story work (reads included), the client's round trips (each call's
/// time from sent to answered: the work, plus the queueing, transport and serialization the cluster adds), and the
/// document and analysis lookups the workers' memory served and their store did (<see cref="StoredDocumentCache"/>).
/// </summary>
public sealed record StoryTimings(int Calls, int Reused, TimeSpan Read, TimeSpan Compute, TimeSpan RoundTrip, long FromMemory = 0, long FromStore = 0);
