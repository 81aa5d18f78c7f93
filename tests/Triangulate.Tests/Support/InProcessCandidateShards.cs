using Triangulate.Link;
using Triangulate.Link.Provenance;

namespace Triangulate.Tests.Support;

/// <summary>
/// Candidate shards in this process, each a <see cref="CandidateShard"/> over a link state of its own (fresh, or read
/// from <paramref name="stored"/>): the sharded index's arithmetic without a cluster.
/// </summary>
internal sealed class InProcessCandidateShards : ICandidateShards
{
    private readonly LinkState[] _states;
    private readonly CandidateShard[] _shards;

    public InProcessCandidateShards(int count, ILinkStateSource? stored = null)
    {
        _states = [.. Enumerable.Range(0, count).Select(_ => stored is null ? LinkState.Fresh() : LinkState.Stored(stored))];
        _shards = [.. _states.Select(s => new CandidateShard(s))];
        Sent = new int[count];
    }

    public int Count => _shards.Length;

    /// <summary>Documents each shard was sent, summed over calls.</summary>
    public int[] Sent { get; }

    public IReadOnlyList<CandidateAnswer>[] Add(IReadOnlyList<CandidateKeys>?[] slices)
    {
        var answers = new IReadOnlyList<CandidateAnswer>[_shards.Length];
        for (var s = 0; s < _shards.Length; s++)
        {
            var slice = slices[s] ?? [];
            Sent[s] += slice.Count;
            answers[s] = _shards[s].Add(slice);
        }
        return answers;
    }

    public IReadOnlyList<LinkStateRow> Changes() => [.. _states.SelectMany(s => s.Changes()).OrderBy(r => r.Space).ThenBy(r => r.Key)];
}

/// <summary>A link state kept in a dictionary: what a store keeps of it between runs.</summary>
internal sealed class MemoryLinkStateSource : ILinkStateSource
{
    private readonly Dictionary<(int Space, long Key), byte[]> _rows = [];

    public IReadOnlyDictionary<(int Space, long Key), byte[]> Rows => _rows;

    public void Save(IEnumerable<LinkStateRow> rows)
    {
        foreach (var row in rows) _rows[(row.Space, row.Key)] = row.Value;
    }

    /// <summary>Reads asked of it so far (one a space and call).</summary>
    public int Reads { get; private set; }

    public IReadOnlyDictionary<long, byte[]> ReadLinkState(int space, IReadOnlyCollection<long> keys)
    {
        Reads++;
        var found = new Dictionary<long, byte[]>();
        foreach (var key in keys)
            if (_rows.TryGetValue((space, key), out var value)) found[key] = value;
        return found;
    }
}
