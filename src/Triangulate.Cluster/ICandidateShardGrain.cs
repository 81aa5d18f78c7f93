using Triangulate.Link.Provenance;

namespace Triangulate.Cluster;

/// <summary>
/// One shard of the provenance candidate index, keyed by its number: the postings of the blocking keys
/// <see cref="CandidateKeys.ShardOf"/> gives it, read from the shared store's link state as asked for, with the
/// additions of the client's current link part kept in memory until the client saves them with the part. Calls are
/// numbered within a session (one link part); a call already applied is answered from memory, and a shard that lost
/// its session (its silo died) says how far it got, so the client sends the missing calls again, in order.
/// </summary>
[Alias("Triangulate.Cluster.ICandidateShardGrain")]
public interface ICandidateShardGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Applies call <paramref name="sequence"/> of <paramref name="session"/> (answers each document of
    /// <paramref name="slice"/> in order, then adds it), or answers it again when it was the last applied; when calls
    /// before it are missing, answers none and says how many it holds.
    /// </summary>
    [Alias("Add")]
    Task<ShardReply> Add(Guid session, bool fresh, int sequence, CandidateKeys[] slice);

    /// <summary>The values this session changed, once its <paramref name="sequence"/> calls are all applied (else none, and how many it holds).</summary>
    [Alias("Changes")]
    Task<ShardChanges> Changes(Guid session, bool fresh, int sequence);
}

/// <summary>A shard's answer to a numbered call: the answers, or null when it holds only <paramref name="Applied"/> calls of the session.</summary>
[GenerateSerializer]
[Alias("Triangulate.Cluster.ShardReply")]
public sealed record ShardReply(
    [property: Id(0)] int Applied,
    [property: Id(1)] CandidateAnswer[]? Answers);

/// <summary>
/// A shard's changed link-state values (spaces, keys and values side by side), or null when it holds only
/// <paramref name="Applied"/> calls of the session.
/// </summary>
[GenerateSerializer]
[Alias("Triangulate.Cluster.ShardChanges")]
public sealed record ShardChanges(
    [property: Id(0)] int Applied,
    [property: Id(1)] int[]? Spaces,
    [property: Id(2)] long[]? Keys,
    [property: Id(3)] byte[][]? Values);
