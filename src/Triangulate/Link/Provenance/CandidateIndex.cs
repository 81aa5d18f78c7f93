namespace Triangulate.Link.Provenance;

/// <summary>
/// The provenance stage's candidate search, in time linear in the corpus: documents are added in order, and each gets
/// back the earlier documents worth verifying against it: the same normalised body (exact hash), the same MinHash LSH
/// band (near-copies), or enough shared rare anchors (rewrites and translations, which share few shingles). The
/// postings live in one <see cref="CandidateShard"/> here, or in the shards of an <see cref="ICandidateShards"/> (a
/// cluster's): each answers for its keys, and the counts of shared anchors are summed over shards before the
/// threshold and the ranking, so the candidates are the same either way. Counts where candidates came from, for
/// benchmarks.
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

    /// <summary>Rare keys (anchors, longer words) two documents must share to be compared.</summary>
    private const int MinSharedAnchors = 5;

    /// <summary>Anchor candidates verified per document and ranking (all rare keys; names and figures alone), best first: bounds the work per document.</summary>
    private const int MaxAnchorCandidates = 12;

    /// <summary>The count of documents indexed (key 0), which gives each its arrival number; kept by the client, not the shards.</summary>
    private readonly LinkSpace<long> _arrivals;
    private readonly CandidateShard? _local;
    private readonly ICandidateShards? _shards;
    private readonly Dictionary<long, int> _counts = [];
    private readonly Dictionary<long, int> _namedCounts = [];

    /// <summary>
    /// An index kept in <paramref name="state"/> (spaces 1–3, and 5 for the count of documents indexed), or, with
    /// <paramref name="shards"/>, whose postings (spaces 1–3) the shards keep and <paramref name="state"/> only the count.
    /// </summary>
    public CandidateIndex(LinkState state, ICandidateShards? shards = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        _arrivals = state.Space(5, LinkCodec.EncodeLong, LinkCodec.DecodeLong);
        _shards = shards;
        if (shards is null) _local = new CandidateShard(state);
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
    public long[] Add(TextProfile profile, long document) => Add([Keys(profile, document)])[0];

    /// <summary>
    /// The blocking keys of <paramref name="profile"/>, with the document's place in the arrival order: the next one.
    /// Documents must then be added (<see cref="Add(IReadOnlyList{CandidateKeys})"/>) in the order their keys were made.
    /// </summary>
    public CandidateKeys Keys(TextProfile profile, long document)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var arrival = (_arrivals.TryGet(0, out var before) ? before : 0) + 1;
        _arrivals.Set(0, arrival);
        long? body = profile.WordCount > 0 ? (long)profile.BodyHash : null;
        var bands = new long[profile.WordCount >= TextProfile.ShingleSize ? Bands : 0];
        for (var band = 0; band < bands.Length; band++)
        {
            var key = (ulong)band;
            for (var r = 0; r < Rows; r++) key = LinkText.Mix(key * 31 + profile.Signature[band * Rows + r]);
            bands[band] = (long)key;
        }
        var named = new HashSet<ulong>();
        foreach (var sentence in profile.Sentences) named.UnionWith(sentence.Anchors);
        var names = new List<long>();
        var others = new List<long>(profile.Keys.Count);
        foreach (var anchor in profile.Keys) (named.Contains(anchor) ? names : others).Add((long)anchor);
        return new CandidateKeys(document, arrival, body, bands, [.. names], [.. others]);
    }

    /// <summary>
    /// Indexes a batch of documents in order (keys made by <see cref="Keys"/>) and returns each one's candidates among
    /// those added before it, this batch's earlier ones included, ordered by key.
    /// </summary>
    public long[][] Add(IReadOnlyList<CandidateKeys> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var found = new long[batch.Count][];
        if (_local is not null)
        {
            var local = _local.Add(batch);
            for (var i = 0; i < batch.Count; i++) found[i] = Merge(batch[i].Document, [local[i]]);
            return found;
        }
        var count = _shards!.Count;
        var slices = new List<CandidateKeys>?[count];
        var owners = new List<int>?[count];
        for (var i = 0; i < batch.Count; i++)
        {
            var pieces = batch[i].Slice(count);
            for (var s = 0; s < count; s++)
            {
                if (pieces[s] is not { } piece) continue;
                (slices[s] ??= []).Add(piece);
                (owners[s] ??= []).Add(i);
            }
        }
        var replies = _shards.Add(slices);
        var answers = new List<CandidateAnswer>[batch.Count];
        for (var s = 0; s < count; s++)
        {
            if (owners[s] is not { } owned) continue;
            if (replies[s].Count != owned.Count) throw new InvalidOperationException($"shard {s} answered {replies[s].Count} documents of {owned.Count}");
            for (var j = 0; j < owned.Count; j++) (answers[owned[j]] ??= []).Add(replies[s][j]);
        }
        for (var i = 0; i < batch.Count; i++) found[i] = Merge(batch[i].Document, answers[i] ?? []);
        return found;
    }

    /// <summary>
    /// One document's candidates from what the postings of all its keys said (one answer, or one per shard): the
    /// shared-anchor counts are summed over the answers (their keys are disjoint, so the sums are one index's counts)
    /// before the threshold and the ranking.
    /// </summary>
    private long[] Merge(long document, List<CandidateAnswer> answers)
    {
        var candidates = new HashSet<long>();
        _counts.Clear();
        _namedCounts.Clear();
        foreach (var answer in answers)
        {
            if (answer.Exact is { } same)
            {
                candidates.Add(same);
                FromExact++;
            }
            candidates.UnionWith(answer.Buckets);
            FromBuckets += answer.Buckets.Length;
            for (var i = 0; i < answer.Sharers.Length; i++)
            {
                var other = answer.Sharers[i];
                _counts[other] = _counts.GetValueOrDefault(other) + answer.Shared[i];
                if (answer.SharedNamed[i] > 0) _namedCounts[other] = _namedCounts.GetValueOrDefault(other) + answer.SharedNamed[i];
            }
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
