namespace Triangulate.Link.Provenance;

/// <summary>
/// The provenance stage's candidate search, in time linear in the corpus: documents are added in order, and each gets
/// back the earlier documents worth verifying against it: the same normalised body (exact hash), the same MinHash LSH
/// band (near-copies), or enough shared rare anchors (rewrites and translations, which share few shingles). Counts
/// where candidates came from, for benchmarks.
/// </summary>
internal sealed class CandidateIndex
{
    /// <summary>
    /// LSH bands × rows = signature length; 8 × 8 catches pairs above a Jaccard of about (1/8)^(1/8) ≈ 0.77: near-copies.
    /// Looser pairs (rewrites, partial copies) share rare keys and are found by that index, so the bands need only
    /// catch what is nearly the same text, at half the memory of 16 bands (each band keeps a bucket entry per document).
    /// </summary>
    private const int Bands = 8;
    private const int Rows = TextProfile.SignatureLength / Bands;

    /// <summary>An anchor in more documents than this is not rare: it stops being indexed (it names the story, not a copy).</summary>
    private const int MaxAnchorPostings = 48;

    /// <summary>An LSH bucket holding more documents than this is boilerplate; later documents are not added.</summary>
    private const int MaxBucket = 64;

    /// <summary>Rare keys (anchors, longer words) two documents must share to be compared.</summary>
    private const int MinSharedAnchors = 5;

    /// <summary>Anchor candidates verified per document, best first: bounds the work per document.</summary>
    private const int MaxAnchorCandidates = 12;

    // Each space keeps, per key, the documents (by link-state key) that carry it, in arrival order.
    private readonly LinkSpace<long> _exact;
    private readonly LinkSpace<List<long>> _buckets;
    private readonly LinkSpace<List<long>> _anchors;
    private readonly Dictionary<long, int> _counts = [];

    /// <summary>An index kept in <paramref name="state"/> (spaces 1–3).</summary>
    public CandidateIndex(LinkState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _exact = state.Space(1, LinkCodec.EncodeLong, LinkCodec.DecodeLong);
        _buckets = state.Space(2, LinkCodec.EncodeLongs, LinkCodec.DecodeLongs);
        _anchors = state.Space(3, LinkCodec.EncodeLongs, LinkCodec.DecodeLongs);
    }

    /// <summary>An index in memory alone.</summary>
    public CandidateIndex()
        : this(LinkState.Fresh())
    {
    }

    /// <summary>Candidates found by the exact body hash.</summary>
    public long FromExact { get; private set; }

    /// <summary>Candidates found in shared LSH buckets (before merging with the others).</summary>
    public long FromBuckets { get; private set; }

    /// <summary>Candidates found by shared rare anchors.</summary>
    public long FromAnchors { get; private set; }

    /// <summary>
    /// Indexes the document known by <paramref name="document"/> and returns its candidates among those added before
    /// (in any earlier run whose state this index continues), ordered by key.
    /// </summary>
    public long[] Add(TextProfile profile, long document)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var candidates = new HashSet<long>();
        if (profile.WordCount > 0)
        {
            var body = (long)profile.BodyHash;
            if (_exact.TryGet(body, out var same))
            {
                candidates.Add(same);
                FromExact++;
            }
            else _exact.Set(body, document);
        }
        if (profile.WordCount >= TextProfile.ShingleSize)
        {
            var keys = new long[Bands];
            for (var band = 0; band < Bands; band++)
            {
                var key = (ulong)band;
                for (var r = 0; r < Rows; r++) key = LinkText.Mix(key * 31 + profile.Signature[band * Rows + r]);
                keys[band] = (long)key;
            }
            _buckets.Prefetch(keys);
            foreach (var key in keys)
            {
                if (!_buckets.TryGet(key, out var bucket))
                {
                    _buckets.Set(key, [document]);
                    continue;
                }
                foreach (var other in bucket) candidates.Add(other);
                FromBuckets += bucket.Count;
                if (bucket.Count < MaxBucket)
                {
                    bucket.Add(document);
                    _buckets.Set(key, bucket);
                }
            }
        }
        _counts.Clear();
        var anchors = new List<long>(profile.Keys.Count);
        foreach (var anchor in profile.Keys) anchors.Add((long)anchor);
        _anchors.Prefetch(anchors);
        foreach (var anchor in anchors)
        {
            if (!_anchors.TryGet(anchor, out var postings)) postings = [];
            if (postings.Count > MaxAnchorPostings) continue;
            foreach (var other in postings) _counts[other] = _counts.GetValueOrDefault(other) + 1;
            postings.Add(document);
            _anchors.Set(anchor, postings);
        }
        foreach (var other in TopByAnchors())
        {
            candidates.Add(other);
            FromAnchors++;
        }
        candidates.Remove(document);
        var sorted = candidates.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Documents sharing at least <see cref="MinSharedAnchors"/> rare anchors, most shared first, ties by key.</summary>
    private List<long> TopByAnchors()
    {
        var list = new List<(long Other, int Count)>();
        foreach (var (other, count) in _counts)
            if (count >= MinSharedAnchors) list.Add((other, count));
        list.Sort((x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : x.Other.CompareTo(y.Other));
        var result = new List<long>(Math.Min(list.Count, MaxAnchorCandidates));
        for (var i = 0; i < list.Count && i < MaxAnchorCandidates; i++) result.Add(list[i].Other);
        return result;
    }
}
