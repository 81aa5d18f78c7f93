using Triangulate.Link;
using Triangulate.Link.Provenance;

namespace Triangulate.Cluster;

/// <summary>
/// The client's side of one link part's session with the <see cref="ICandidateShardGrain"/>s: numbers each shard's
/// calls, keeps the slices sent (so a shard re-activated on another silo after its own died, which lost the session's
/// additions, gets them again in order before the call it missed), and gathers the shards' changes for the part's save.
/// </summary>
internal sealed class ClusterCandidateShards(ClusterExecutor executor, IGrainFactory grains, int count, bool fresh) : ICandidateShards
{
    private readonly Guid _session = Guid.NewGuid();
    private readonly List<CandidateKeys[]>[] _sent = [.. Enumerable.Range(0, count).Select(_ => new List<CandidateKeys[]>())];

    public int Count => count;

    public IReadOnlyList<CandidateAnswer>[] Add(IReadOnlyList<CandidateKeys>?[] slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var calls = new Task<CandidateAnswer[]>[count];
        var sent = 0;
        for (var s = 0; s < count; s++)
        {
            if (slices[s] is not { Count: > 0 } slice)
            {
                calls[s] = Task.FromResult<CandidateAnswer[]>([]);
                continue;
            }
            _sent[s].Add([.. slice]);
            calls[s] = Send(s, _sent[s].Count);
            sent++;
        }
        var answers = Task.WhenAll(calls).GetAwaiter().GetResult();
        executor.CountShardBatch(sent, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return answers;
    }

    public IReadOnlyList<LinkStateRow> Changes()
    {
        var calls = Enumerable.Range(0, count).Where(s => _sent[s].Count > 0).Select(Collect).ToArray();
        var rows = Task.WhenAll(calls).GetAwaiter().GetResult().SelectMany(r => r).ToList();
        // In the store index's order, as a link state writes its own.
        rows.Sort((x, y) => x.Space != y.Space ? x.Space.CompareTo(y.Space) : x.Key.CompareTo(y.Key));
        return rows;
    }

    private ICandidateShardGrain Shard(int shard) => grains.GetGrain<ICandidateShardGrain>(shard);

    /// <summary>Sends call <paramref name="sequence"/> to <paramref name="shard"/>, replaying the calls it lost first.</summary>
    private async Task<CandidateAnswer[]> Send(int shard, int sequence)
    {
        var grain = Shard(shard);
        for (var round = 0; ; round++)
        {
            var reply = await executor.Retry(() => grain.Add(_session, fresh, sequence, _sent[shard][sequence - 1]), default).ConfigureAwait(false);
            if (reply.Answers is { } answers) return answers;
            await Replay(grain, shard, reply.Applied, sequence, round).ConfigureAwait(false);
        }
    }

    private async Task<LinkStateRow[]> Collect(int shard)
    {
        var grain = Shard(shard);
        var sequence = _sent[shard].Count;
        for (var round = 0; ; round++)
        {
            var reply = await executor.Retry(() => grain.Changes(_session, fresh, sequence), default).ConfigureAwait(false);
            if (reply is { Spaces: { } spaces, Keys: { } keys, Values: { } values })
                return [.. spaces.Select((space, i) => new LinkStateRow(space, keys[i], values[i]))];
            await Replay(grain, shard, reply.Applied, sequence + 1, round).ConfigureAwait(false);
        }
    }

    /// <summary>Sends <paramref name="shard"/> again its calls after the <paramref name="applied"/> it holds and before <paramref name="sequence"/>.</summary>
    private async Task Replay(ICandidateShardGrain grain, int shard, int applied, int sequence, int round)
    {
        // A shard holding calls this session never reached, or losing them again and again, is not one to go on with.
        if (applied >= sequence || round >= 12)
            throw new InvalidOperationException($"candidate shard {shard} holds {applied} calls of this session where {sequence - 1} were sent");
        executor.CountReplay();
        for (var next = applied + 1; next < sequence; next++)
        {
            var reply = await executor.Retry(() => grain.Add(_session, fresh, next, _sent[shard][next - 1]), default).ConfigureAwait(false);
            // Lost again meanwhile: the caller's next round starts over from what the shard holds then.
            if (reply.Answers is null) return;
        }
    }
}
