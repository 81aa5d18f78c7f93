using Triangulate.Link;

namespace Triangulate.Bench;

/// <summary>
/// A measuring copy of the provenance stage's candidate search (exact body hash, MinHash LSH bands, rare-key index;
/// same constants as <see cref="Link.Provenance.ProvenanceLinker"/>), kept only to time it and count where candidates
/// come from: the stage does it inside one method, and src/ is not changed for a benchmark. Keep it in step with the
/// stage when that changes (<see cref="CorpusStageProfile"/> prints the stage's own figures beside it).
/// </summary>
internal sealed class CandidateSearch
{
    private const int Bands = 8;
    private const int Rows = TextProfile.SignatureLength / Bands;
    private const int MaxAnchorPostings = 48;
    private const int MaxBucket = 64;
    private const int MinSharedAnchors = 5;
    private const int MaxAnchorCandidates = 12;

    private readonly Dictionary<ulong, int> _exact = [];
    private readonly Dictionary<ulong, List<int>> _buckets = [];
    private readonly Dictionary<ulong, List<int>> _keys = [];
    private readonly Dictionary<int, int> _counts = [];

    public long FromExact { get; private set; }

    public long FromBuckets { get; private set; }

    public long FromKeys { get; private set; }

    /// <summary>Indexes document <paramref name="index"/> and returns its candidates among those indexed before, in index order.</summary>
    public int[] Add(TextProfile profile, int index)
    {
        var candidates = new HashSet<int>();
        if (profile.WordCount > 0)
        {
            if (_exact.TryGetValue(profile.BodyHash, out var same)) { candidates.Add(same); FromExact++; }
            else _exact[profile.BodyHash] = index;
        }
        for (var band = 0; band < Bands && profile.WordCount >= TextProfile.ShingleSize; band++)
        {
            var key = (ulong)band;
            for (var r = 0; r < Rows; r++) key = LinkText.Mix(key * 31 + profile.Signature[band * Rows + r]);
            if (!_buckets.TryGetValue(key, out var bucket)) _buckets[key] = bucket = [];
            foreach (var other in bucket) candidates.Add(other);
            FromBuckets += bucket.Count;
            if (bucket.Count < MaxBucket) bucket.Add(index);
        }
        _counts.Clear();
        foreach (var anchor in profile.Keys)
        {
            if (!_keys.TryGetValue(anchor, out var postings)) _keys[anchor] = postings = [];
            if (postings.Count > MaxAnchorPostings) continue;
            foreach (var other in postings) _counts[other] = _counts.GetValueOrDefault(other) + 1;
            postings.Add(index);
        }
        var top = _counts.Where(c => c.Value >= MinSharedAnchors)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(MaxAnchorCandidates).Select(c => c.Key);
        foreach (var other in top) { candidates.Add(other); FromKeys++; }
        var sorted = candidates.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
