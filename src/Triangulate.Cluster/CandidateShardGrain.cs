using Orleans.Placement;
using Triangulate.Link;
using Triangulate.Link.Provenance;

namespace Triangulate.Cluster;

/// <summary>
/// <see cref="ICandidateShardGrain"/>: placed on the silo with the fewest activations. It holds no state of Orleans'
/// storage: the committed postings are the store's link-state rows, read as asked for; what the current session added
/// lives in memory, is handed to the client (<see cref="Changes"/>) and committed by it with the rest of the part.
/// Re-activated elsewhere, it starts from the store again and the client replays the session's calls.
/// </summary>
[ActivationCountBasedPlacement]
internal sealed class CandidateShardGrain(Worker worker) : Grain, ICandidateShardGrain
{
    private Guid _session;
    private int _applied;
    private CandidateAnswer[]? _last;
    private LinkState? _state;
    private CandidateShard? _shard;

    public async Task<ShardReply> Add(Guid session, bool fresh, int sequence, CandidateKeys[] slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        Join(session, fresh);
        // A call sent again after its reply was lost: answered as before, not added twice.
        if (sequence == _applied && _last is not null) return new ShardReply(_applied, _last);
        if (sequence != _applied + 1) return new ShardReply(_applied, null);
        var shard = _shard!;
        // Store reads and CPU: off the grain's turn (the grain takes no other call meanwhile: it is not reentrant).
        var answers = await Task.Run(() => shard.Add(slice)).ConfigureAwait(true);
        _applied = sequence;
        _last = answers;
        return new ShardReply(_applied, answers);
    }

    public Task<ShardChanges> Changes(Guid session, bool fresh, int sequence)
    {
        Join(session, fresh);
        if (sequence != _applied) return Task.FromResult(new ShardChanges(_applied, null, null, null));
        var rows = _state!.Changes().ToList();
        return Task.FromResult(new ShardChanges(_applied, [.. rows.Select(r => r.Space)], [.. rows.Select(r => r.Key)], [.. rows.Select(r => r.Value)]));
    }

    /// <summary>Starts <paramref name="session"/> from the stored postings (none when <paramref name="fresh"/>) unless it is the one held.</summary>
    private void Join(Guid session, bool fresh)
    {
        if (session == _session && _state is not null) return;
        _session = session;
        _applied = 0;
        _last = null;
        _state = fresh ? LinkState.Fresh() : LinkState.Stored(worker.Store);
        _shard = new CandidateShard(_state);
    }
}
