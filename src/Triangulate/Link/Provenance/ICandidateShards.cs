namespace Triangulate.Link.Provenance;

/// <summary>
/// The provenance stage's candidate index kept elsewhere, in shards that own disjoint sets of keys
/// (<see cref="CandidateKeys.ShardOf"/>): one link part's session with them, opened by
/// <see cref="IPipelineExecutor.OpenCandidateShards"/>. Each shard starts from the postings committed to the store
/// (none when the link state is rebuilt) and keeps this part's additions until <see cref="Changes"/> hands them to
/// the part's save: what the shards hold is committed with the rest of the part, or not at all.
/// </summary>
public interface ICandidateShards
{
    /// <summary>How many shards the keys are split among.</summary>
    int Count { get; }

    /// <summary>
    /// Sends each shard its slice of a batch (<paramref name="slices"/>[shard]: documents in arrival order, each with
    /// only the keys that shard owns; null or empty for a shard not concerned). Each shard answers every document of
    /// its slice in order from the documents added before it, then adds it. Returns the answers, per shard, in the
    /// order of its slice (empty where it had none). Calls come one batch at a time, in arrival order.
    /// </summary>
    IReadOnlyList<CandidateAnswer>[] Add(IReadOnlyList<CandidateKeys>?[] slices);

    /// <summary>The values the shards changed in this session, for the part's save (space, then key order).</summary>
    IReadOnlyList<LinkStateRow> Changes();
}
