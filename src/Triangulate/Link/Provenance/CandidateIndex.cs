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

    /// <summary>
    /// An anchor in more than this many of the last <see cref="RecentDocuments"/> documents is not rare: it names the
    /// story or the genre, not a copy, and does not count while it stays that frequent. Each anchor keeps its latest
    /// documents only, one more than this.
    /// </summary>
    private const int MaxAnchorPostings = 48;

    /// <summary>
    /// The stretch of the arrival order over which an anchor's frequency is judged. Rarity is a property of the news of
    /// the moment, not of everything ever read: a town or a name is in the news for a week, then again months later,
    /// and a derived page comes hours or days after its source. Counted over the whole store, every name of a long
    /// stream eventually crossed the cap and stopped counting for good (generated 20k: names frozen after their 49th
    /// page, so a later rewrite or translation shared too few counted anchors with its source). 2,000 documents are
    /// the span the cap was set on (the 2,000-article corpora), where this changes nothing.
    /// </summary>
    private const int RecentDocuments = 2000;

    /// <summary>
    /// An LSH bucket keeps this many documents, the latest: a fuller one is boilerplate or a template's frame. It used
    /// to keep its first ones and turn later documents away, so in a stream where one frame fills a bucket every few
    /// days (the same quake report for every quake) a new wire report in only such buckets was never indexed and its
    /// verbatim syndications never met it (generated 20k: 368 syndications of the look part never compared with their
    /// source).
    /// </summary>
    private const int MaxBucket = 64;

    /// <summary>Rare keys (anchors, longer words) two documents must share to be compared.</summary>
    private const int MinSharedAnchors = 5;

    /// <summary>Anchor candidates verified per document and ranking (all rare keys; names and figures alone), best first: bounds the work per document.</summary>
    private const int MaxAnchorCandidates = 12;

    // Each space keeps, per key, the documents (by link-state key) that carry it, in arrival order; an anchor's
    // postings alternate document and arrival number.
    private readonly LinkSpace<long> _exact;
    private readonly LinkSpace<List<long>> _buckets;
    private readonly LinkSpace<List<long>> _anchors;
    private readonly LinkSpace<long> _arrivals;
    private readonly Dictionary<long, int> _counts = [];
    private readonly Dictionary<long, int> _namedCounts = [];
    private readonly HashSet<ulong> _named = [];

    /// <summary>An index kept in <paramref name="state"/> (spaces 1–3, and 5 for the count of documents indexed).</summary>
    public CandidateIndex(LinkState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _exact = state.Space(1, LinkCodec.EncodeLong, LinkCodec.DecodeLong);
        _buckets = state.Space(2, LinkCodec.EncodeLongs, LinkCodec.DecodeLongs);
        _anchors = state.Space(3, LinkCodec.EncodeLongs, LinkCodec.DecodeLongs);
        _arrivals = state.Space(5, LinkCodec.EncodeLong, LinkCodec.DecodeLong);
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
        var arrival = (_arrivals.TryGet(0, out var before) ? before : 0) + 1;
        _arrivals.Set(0, arrival);
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
                if (bucket.Count >= MaxBucket) bucket.RemoveAt(0);
                bucket.Add(document);
                _buckets.Set(key, bucket);
            }
        }
        _counts.Clear();
        _namedCounts.Clear();
        _named.Clear();
        foreach (var sentence in profile.Sentences) _named.UnionWith(sentence.Anchors);
        var anchors = new List<long>(profile.Keys.Count);
        foreach (var anchor in profile.Keys) anchors.Add((long)anchor);
        _anchors.Prefetch(anchors);
        foreach (var anchor in anchors)
        {
            if (!_anchors.TryGet(anchor, out var postings)) postings = [];
            var full = postings.Count / 2 > MaxAnchorPostings;
            // Full, and its oldest kept document among the recent ones: too frequent now to count.
            if (!full || postings[1] <= arrival - RecentDocuments)
            {
                var named = _named.Contains((ulong)anchor);
                for (var i = 0; i < postings.Count; i += 2)
                {
                    _counts[postings[i]] = _counts.GetValueOrDefault(postings[i]) + 1;
                    if (named) _namedCounts[postings[i]] = _namedCounts.GetValueOrDefault(postings[i]) + 1;
                }
            }
            if (full) postings.RemoveRange(0, 2);
            postings.Add(document);
            postings.Add(arrival);
            _anchors.Set(anchor, postings);
        }
        // Ranked by every rare key, the pages of the document's own language that tell another event in the same frame
        // share its longer words and crowd out a translation of it, which shares only names and figures: those are
        // ranked apart too (generated 20k: 517 translations of the look part never compared with their source, when a
        // week held dozens of same-language reports of one kind; 358 after). German capitalises its nouns, which then
        // read as names and still let German reports of one kind crowd each other here.
        foreach (var other in Top(_counts).Union(Top(_namedCounts)))
        {
            candidates.Add(other);
            FromAnchors++;
        }
        candidates.Remove(document);
        var sorted = candidates.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Documents sharing at least <see cref="MinSharedAnchors"/> of the counted rare keys, most shared first, ties by key.</summary>
    private static List<long> Top(Dictionary<long, int> counts)
    {
        var list = new List<(long Other, int Count)>();
        foreach (var (other, count) in counts)
            if (count >= MinSharedAnchors) list.Add((other, count));
        list.Sort((x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : x.Other.CompareTo(y.Other));
        var result = new List<long>(Math.Min(list.Count, MaxAnchorCandidates));
        for (var i = 0; i < list.Count && i < MaxAnchorCandidates; i++) result.Add(list[i].Other);
        return result;
    }
}
