namespace Triangulate.Cluster;

/// <summary>
/// What a story grain sends back: the findings encoded as the store writes them, the stages that threw, and where the
/// worker spent its time on it, so the client can tell the cluster's own cost (queueing, transport, serialization)
/// from the story work (<see cref="ClusterExecutor.StoryTimings"/>). All in Orleans' own codec: no JSON crosses.
/// </summary>
[GenerateSerializer]
[Alias("Triangulate.Cluster.StoryReply")]
public sealed record StoryReply(
    [property: Id(0)] EncodedStoryRow Findings,
    [property: Id(1)] TimeSpan Read,
    [property: Id(2)] TimeSpan Compute,
    [property: Id(3)] bool Reused,
    [property: Id(4)] StageErrorRow[] Errors)
{
    /// <summary>The reply carrying <paramref name="outcome"/>.</summary>
    public static StoryReply Of(StoryOutcome outcome, TimeSpan read, TimeSpan compute, bool reused)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(EncodedStoryRow.Of(outcome.Findings), read, compute, reused, [.. outcome.Errors.Select(StageErrorRow.Of)]);
    }

    /// <summary>The outcome as the pipeline takes it.</summary>
    public StoryOutcome ToOutcome() => new(Findings.ToEncoded(), [.. Errors.Select(e => e.ToError())]);
}

/// <summary>
/// The story phase on the cluster, summed over its calls: the workers' store reads (thread time, summed over the
/// threads a story reads on) and their whole story work (reads included), and the client's round trips (each call's
/// time from sent to answered: the work, plus the queueing, transport and serialization the cluster adds).
/// </summary>
public sealed record StoryTimings(int Calls, int Reused, TimeSpan Read, TimeSpan Compute, TimeSpan RoundTrip);
