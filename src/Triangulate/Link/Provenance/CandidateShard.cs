namespace Triangulate.Link.Provenance;

/// <summary>
/// The postings of some blocking keys (all of them in one process, a shard's on a cluster), kept in a
/// <see cref="LinkState"/> (spaces 1–3): per key, the documents that carry it, in arrival order, capped. It answers
/// a document from the documents added before it, then adds it, key by key; every cap and rule is per key, so shards
/// holding disjoint keys answer together what one holding all of them answers (<see cref="CandidateAnswer"/>).
/// </summary>
public sealed class CandidateShard
{
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

    // Each space keeps, per key, the documents (by link-state key) that carry it, in arrival order; an anchor's
    // postings alternate document and arrival number.
    private readonly LinkSpace<long> _exact;
    private readonly LinkSpace<List<long>> _buckets;
    private readonly LinkSpace<List<long>> _anchors;
    private readonly Dictionary<long, (int All, int Named)> _counts = [];

    /// <summary>Postings kept in <paramref name="state"/>: read from where it is stored as asked for, changes tracked.</summary>
    public CandidateShard(LinkState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _exact = state.Space(CandidateKeys.ExactSpace, LinkCodec.EncodeLong, LinkCodec.DecodeLong);
        _buckets = state.Space(CandidateKeys.BucketSpace, LinkCodec.EncodeLongs, LinkCodec.DecodeLongs);
        _anchors = state.Space(CandidateKeys.AnchorSpace, LinkCodec.EncodeLongs, LinkCodec.DecodeLongs);
    }

    /// <summary>
    /// <see cref="Add(CandidateKeys)"/> for each document of a batch, in order, the postings of all their keys read
    /// from where they are stored first, one read a space for the batch: a stored state read one document at a time
    /// made a query a space for every document, most of them for keys no earlier document has (generated 60k in parts
    /// of 5,000: 4,887 reads of body hashes to find 10 a part, about 17 KB allocated a document by the reads).
    /// Reading a key before its batch's earlier documents set it reads what was stored, which they then replace in
    /// memory as they would have: the answers are those of one document at a time.
    /// </summary>
    public CandidateAnswer[] Add(IReadOnlyList<CandidateKeys> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var bodies = new List<long>(batch.Count);
        var bands = new List<long>();
        var anchors = new List<long>();
        foreach (var keys in batch)
        {
            if (keys.Body is { } body) bodies.Add(body);
            bands.AddRange(keys.Bands);
            anchors.AddRange(keys.NamedAnchors);
            anchors.AddRange(keys.OtherAnchors);
        }
        _exact.Prefetch(bodies);
        _buckets.Prefetch(bands);
        _anchors.Prefetch(anchors);
        var answers = new CandidateAnswer[batch.Count];
        for (var i = 0; i < batch.Count; i++) answers[i] = Add(batch[i]);
        return answers;
    }

    /// <summary>What the postings of <paramref name="keys"/> hold before its document, which is then added to them.</summary>
    public CandidateAnswer Add(CandidateKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var document = keys.Document;
        long? exact = null;
        if (keys.Body is { } body)
        {
            if (_exact.TryGet(body, out var same)) exact = same;
            else _exact.Set(body, document);
        }
        var buckets = new List<long>();
        _buckets.Prefetch(keys.Bands);
        foreach (var key in keys.Bands)
        {
            if (!_buckets.TryGet(key, out var bucket))
            {
                _buckets.Set(key, [document]);
                continue;
            }
            buckets.AddRange(bucket);
            if (bucket.Count >= MaxBucket) bucket.RemoveAt(0);
            bucket.Add(document);
            _buckets.Set(key, bucket);
        }
        _counts.Clear();
        _anchors.Prefetch(keys.NamedAnchors.Concat(keys.OtherAnchors));
        foreach (var anchor in keys.NamedAnchors) Count(anchor, document, keys.Arrival, named: true);
        foreach (var anchor in keys.OtherAnchors) Count(anchor, document, keys.Arrival, named: false);
        var sharers = new long[_counts.Count];
        var shared = new int[_counts.Count];
        var sharedNamed = new int[_counts.Count];
        var i = 0;
        foreach (var (other, (all, named)) in _counts)
        {
            sharers[i] = other;
            shared[i] = all;
            sharedNamed[i++] = named;
        }
        return new CandidateAnswer(exact, [.. buckets], sharers, shared, sharedNamed);
    }

    private void Count(long anchor, long document, long arrival, bool named)
    {
        if (!_anchors.TryGet(anchor, out var postings)) postings = [];
        var full = postings.Count / 2 > MaxAnchorPostings;
        // Full, and its oldest kept document among the recent ones: too frequent now to count.
        if (!full || postings[1] <= arrival - RecentDocuments)
        {
            for (var i = 0; i < postings.Count; i += 2)
            {
                var (all, names) = _counts.GetValueOrDefault(postings[i]);
                _counts[postings[i]] = (all + 1, named ? names + 1 : names);
            }
        }
        if (full) postings.RemoveRange(0, 2);
        postings.Add(document);
        postings.Add(arrival);
        _anchors.Set(anchor, postings);
    }
}
