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

    private readonly Dictionary<ulong, int> _exact = [];

    // A bucket is one document inline (value ≥ 0) until a second arrives, then an overflow list (value −1 − list):
    // most buckets hold one document, and a list per bucket would cost more than the rest of the index.
    private readonly Dictionary<ulong, int> _buckets = [];
    private readonly List<List<int>> _overflow = [];
    private readonly Dictionary<ulong, List<int>> _anchors = [];
    private readonly Dictionary<int, int> _counts = [];

    /// <summary>Candidates found by the exact body hash.</summary>
    public long FromExact { get; private set; }

    /// <summary>Candidates found in shared LSH buckets (before merging with the others).</summary>
    public long FromBuckets { get; private set; }

    /// <summary>Candidates found by shared rare anchors.</summary>
    public long FromAnchors { get; private set; }

    /// <summary>Indexes document <paramref name="index"/> and returns its candidates among those added before, in index order.</summary>
    public int[] Add(TextProfile profile, int index)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var candidates = new HashSet<int>();
        if (profile.WordCount > 0)
        {
            if (_exact.TryGetValue(profile.BodyHash, out var same))
            {
                candidates.Add(same);
                FromExact++;
            }
            else _exact[profile.BodyHash] = index;
        }
        for (var band = 0; band < Bands && profile.WordCount >= TextProfile.ShingleSize; band++)
        {
            var key = (ulong)band;
            for (var r = 0; r < Rows; r++) key = LinkText.Mix(key * 31 + profile.Signature[band * Rows + r]);
            if (!_buckets.TryGetValue(key, out var slot)) _buckets[key] = index;
            else if (slot >= 0)
            {
                candidates.Add(slot);
                FromBuckets++;
                _buckets[key] = -1 - _overflow.Count;
                _overflow.Add([slot, index]);
            }
            else
            {
                var bucket = _overflow[-1 - slot];
                foreach (var other in bucket) candidates.Add(other);
                FromBuckets += bucket.Count;
                if (bucket.Count < MaxBucket) bucket.Add(index);
            }
        }
        _counts.Clear();
        foreach (var anchor in profile.Keys)
        {
            if (!_anchors.TryGetValue(anchor, out var postings)) _anchors[anchor] = postings = [];
            if (postings.Count > MaxAnchorPostings) continue;
            foreach (var other in postings) _counts[other] = _counts.GetValueOrDefault(other) + 1;
            postings.Add(index);
        }
        foreach (var other in TopByAnchors())
        {
            candidates.Add(other);
            FromAnchors++;
        }
        var sorted = candidates.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Documents sharing at least <see cref="MinSharedAnchors"/> rare anchors, most shared first, ties by index.</summary>
    private List<int> TopByAnchors()
    {
        var list = new List<(int Other, int Count)>();
        foreach (var (other, count) in _counts)
            if (count >= MinSharedAnchors) list.Add((other, count));
        list.Sort((x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : x.Other.CompareTo(y.Other));
        var result = new List<int>(Math.Min(list.Count, MaxAnchorCandidates));
        for (var i = 0; i < list.Count && i < MaxAnchorCandidates; i++) result.Add(list[i].Other);
        return result;
    }
}
