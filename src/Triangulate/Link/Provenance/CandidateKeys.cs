namespace Triangulate.Link.Provenance;

/// <summary>
/// One document's blocking keys, as the candidate index reads them: the exact body hash (link-state space 1), one key
/// per MinHash LSH band (space 2) and the rare-key anchors (space 3), those stated in a body sentence's names and
/// figures apart from the rest. The document's place in the arrival order comes with them: an anchor's rarity is
/// judged over the latest documents. A shard gets the keys it owns (<see cref="Slice"/>) and nothing else.
/// </summary>
/// <param name="Document">The document's link-state key.</param>
/// <param name="Arrival">Its place among the documents indexed (1 for the first ever).</param>
/// <param name="Body">The hash of its normalised body; null when it has no words.</param>
/// <param name="Bands">Its LSH band keys; empty when it is shorter than a shingle.</param>
/// <param name="NamedAnchors">Its rare keys that are a sentence's names or figures.</param>
/// <param name="OtherAnchors">Its other rare keys (longer content words).</param>
public sealed record CandidateKeys(long Document, long Arrival, long? Body, long[] Bands, long[] NamedAnchors, long[] OtherAnchors)
{
    /// <summary>The link-state space of the exact body hashes.</summary>
    public const int ExactSpace = 1;

    /// <summary>The link-state space of the LSH buckets.</summary>
    public const int BucketSpace = 2;

    /// <summary>The link-state space of the anchors' postings.</summary>
    public const int AnchorSpace = 3;

    /// <summary>
    /// The shard of <paramref name="count"/> that owns <paramref name="key"/> of <paramref name="space"/>: a hash of
    /// both, so a key's shard depends on the key alone (never on the documents that carry it).
    /// </summary>
    public static int ShardOf(int space, long key, int count) =>
        (int)(LinkText.Mix(((ulong)space << 56) ^ LinkText.Mix((ulong)key)) % (ulong)count);

    /// <summary>
    /// These keys split among <paramref name="count"/> shards: per shard, the keys it owns (null for a shard that owns
    /// none of them). The same document and arrival on every piece; the pieces' keys are disjoint and together all of them.
    /// </summary>
    public CandidateKeys?[] Slice(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var bands = new List<long>?[count];
        var named = new List<long>?[count];
        var others = new List<long>?[count];
        var touched = new bool[count];
        var bodyShard = Body is { } body ? ShardOf(ExactSpace, body, count) : -1;
        if (bodyShard >= 0) touched[bodyShard] = true;
        Spread(Bands, BucketSpace, bands);
        Spread(NamedAnchors, AnchorSpace, named);
        Spread(OtherAnchors, AnchorSpace, others);
        var pieces = new CandidateKeys?[count];
        for (var s = 0; s < count; s++)
        {
            if (!touched[s]) continue;
            pieces[s] = new CandidateKeys(Document, Arrival, s == bodyShard ? Body : null, [.. bands[s] ?? []], [.. named[s] ?? []], [.. others[s] ?? []]);
        }
        return pieces;

        void Spread(long[] keys, int space, List<long>?[] into)
        {
            foreach (var key in keys)
            {
                var shard = ShardOf(space, key, count);
                (into[shard] ??= []).Add(key);
                touched[shard] = true;
            }
        }
    }
}
