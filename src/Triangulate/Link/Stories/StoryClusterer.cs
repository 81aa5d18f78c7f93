using Triangulate.Model;
using Triangulate.Reconcile;

namespace Triangulate.Link.Stories;

/// <summary>
/// The "stories" corpus stage: single-pass online clustering (the TDT first-story-detection scheme, Allan et al. 1998).
/// Each document, in corpus order, joins the most similar open story or starts one. A document is a sparse vector of
/// its names (analysis entities and capitalised words), numbers and tf-idf-weighted body words; stories are found
/// through an inverted index from feature to story (postings capped), so the work per document is proportional to the
/// document, not to the corpus. Feature weights are idf over the documents seen so far, so a name that recurs across
/// many stories stops gluing them; similarity decays with the days between a document and a story (a time window,
/// lenient for undated documents). Documents the provenance stage found derived from one another are placed afterwards,
/// each family whole, so a family never splits and a derivation never merges two stories.
/// </summary>
public sealed class StoryClusterer : ICorpusStage
{
    /// <summary>Features kept per document, heaviest first.</summary>
    private const int FeaturesPerDocument = 40;

    /// <summary>Features kept per story centroid: older detail fades as the story grows.</summary>
    private const int FeaturesPerStory = 160;

    /// <summary>
    /// Stories an index entry points to. A feature in more stories than this says little about which one; once full, a
    /// posting replaces the oldest (ring order), so the entry keeps pointing at stories still being added to.
    /// </summary>
    private const int MaxPostings = 64;

    /// <summary>
    /// Candidate stories scored exactly per document. The first pass sums only the document's weights over shared
    /// features (cheap, no story memory read); the exact cosine is computed for this many, so the work per document
    /// stays bounded however many stories share a common feature.
    /// </summary>
    private const int Shortlisted = 8;

    /// <summary>Features whose idf is below this (in nearly every document) are not looked up: they find every story.</summary>
    private const double MinLookupIdf = 0.5;

    /// <summary>
    /// Cosine to the centroid above which a document joins a story (see docs/link.md for how it was chosen: 0.15 on the
    /// old generated corpus let two same-kind events of one week merge in real news; 0.22 is best on ecb-dev's look part).
    /// </summary>
    public double JoinThreshold { get; init; } = 0.22;

    /// <summary>Days between a document and a story's known dates within which time does not count against joining.</summary>
    public int WindowDays { get; init; } = 3;

    /// <summary>
    /// Beyond the window the similarity a document needs to join grows by e^(extra days / this), up to
    /// <see cref="StrongThreshold"/>: a week past the window it needs nearly three times the usual similarity.
    /// </summary>
    public double DecayDays { get; init; } = 7;

    /// <summary>
    /// The similarity at which a document joins a story however far apart in time: a long-running story (a campaign
    /// over months) keeps its documents when they are strongly alike, while chance overlaps across months do not join.
    /// </summary>
    public double StrongThreshold { get; init; } = 0.35;

    /// <summary>
    /// Features a document must share with a story past the time window (besides the similarity): on the generated
    /// corpus every wrong join across weeks shared one or two heavy names, the right ones three or more.
    /// </summary>
    public int MinSharedBeyondWindow { get; init; } = 3;

    /// <summary>Splits stories that hold two events of one kind; null leaves the clusterer's stories as they are.</summary>
    internal StorySplitter? Splitter { get; init; } = new();

    /// <summary>Diagnostics: when set, receives each document, its best story's first document, the similarity, the similarity needed, the features shared and the gap in days (-1 when unknown).</summary>
    internal Action<string, string?, double, double, int, int>? Trace { get; init; }

    /// <inheritdoc/>
    public string Name => "stories";

    /// <inheritdoc/>
    public void Run(CorpusContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var df = new Dictionary<ulong, int>();
        var index = new Dictionary<ulong, Postings>();
        var stories = new List<StoryState>();
        var docIds = new List<string>();
        var storyOf = new List<int>();
        var scores = new Dictionary<int, double>();
        var shortlist = new List<int>(Shortlisted);
        var seen = 0;
        // A document derived from (or source of) another waits and is placed with its whole family, as one document of
        // the family's summed words and days: placed one by one, each member joined wherever its words fit and the
        // derivation merge then dragged two whole stories together (one false derivation merged two events).
        var derived = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relation in context.Relations)
        {
            if (relation.Kind == RelationKind.Cites || relation.To is null) continue;
            derived.Add(relation.From);
            derived.Add(relation.To);
        }
        var deferred = new List<(int Position, Document Document, List<(ulong Feature, double Weight)> Vector)>();
        foreach (var (document, analysis) in context.Corpus.ReadAnalyses())
        {
            seen++;
            var days = StoryState.DaysOf(document.Published);
            var vector = StoryFeatures.Vector(document, analysis, df, seen, FeaturesPerDocument, out var lookup, MinLookupIdf);
            if (derived.Contains(document.Id))
            {
                deferred.Add((docIds.Count, StoryState.Lite(document), vector));
                docIds.Add(document.Id);
                storyOf.Add(-1);
                continue;
            }
            var (best, bestScore) = Choose(document.Id, vector, lookup, days);
            if (best < 0 || bestScore < 1.0)
            {
                best = stories.Count;
                stories.Add(new StoryState());
            }
            Join(best, document, vector);
            docIds.Add(document.Id);
            storyOf.Add(best);
        }
        PlaceFamilies(context, stories, docIds, storyOf, deferred, (vector, lookup, days) => Choose(null, vector, lookup, days), Join);
        var built = new List<Story>();
        for (var s = 0; s < stories.Count; s++)
        {
            if (stories[s].Documents.Count == 0) continue;
            built.Add(stories[s].ToStory(context));
        }
        built = SplitEvents(context, built);
        built.Sort((x, y) => string.CompareOrdinal(x.Documents[0], y.Documents[0]));
        context.Stories.AddRange(built);

        // Adds a document to a story and indexes the story under the features it gained, so later documents (and
        // later families) can find it.
        void Join(int story, Document document, List<(ulong Feature, double Weight)> vector)
        {
            foreach (var feature in stories[story].Add(document, vector, FeaturesPerStory))
            {
                if (!index.TryGetValue(feature, out var postings)) index[feature] = postings = new Postings();
                postings.Add(story, MaxPostings);
            }
        }

        // The story a vector should join: the one it exceeds its required similarity by most (score ≥ 1 to join).
        (int Best, double Score) Choose(string? id, List<(ulong Feature, double Weight)> vector, bool[] lookup, (int First, int Last)? days)
        {
            scores.Clear();
            for (var f = 0; f < vector.Count; f++)
            {
                var (feature, weight) = vector[f];
                if (!lookup[f] || !index.TryGetValue(feature, out var postings)) continue;
                // First pass: the document's own weights over shared features (no story memory touched).
                foreach (var s in postings.Stories) scores[s] = scores.GetValueOrDefault(s) + weight;
            }
            Shortlist(scores, shortlist);
            var best = -1;
            var bestScore = 0.0;
            double bestCosine = 0, bestRequired = 0;
            var bestShared = 0;
            foreach (var s in shortlist)
            {
                // Second pass, for the few best candidates only: the exact cosine with the story's centroid.
                double dot = 0;
                var shared = 0;
                foreach (var (feature, weight) in vector)
                {
                    var w = stories[s].Weight(feature);
                    if (w == 0) continue;
                    dot += weight * w;
                    shared++;
                }
                // Past the window one heavy shared name (a town, a surname) is chance, not a story: breadth is needed too.
                if (shared < MinSharedBeyondWindow && Gap(days, stories[s]) > WindowDays) continue;
                var cosine = dot / stories[s].Norm;
                var required = Required(days, stories[s]);
                var score = cosine / required;
                if (score > bestScore || (score == bestScore && s < best)) { best = s; bestScore = score; bestCosine = cosine; bestRequired = required; bestShared = shared; }
            }
            if (id is not null) Trace?.Invoke(id, best >= 0 ? stories[best].Documents[0] : null, bestCosine, bestRequired, bestShared, best >= 0 ? Gap(days, stories[best]) : -1);
            return (best, bestScore);
        }
    }

    /// <summary>Splits each story that holds two events of one kind (<see cref="StorySplitter"/>); stories in parallel.</summary>
    private List<Story> SplitEvents(CorpusContext context, List<Story> stories)
    {
        if (Splitter is null) return stories;
        var relationsOf = context.RelationsByDocument();
        var parts = new List<Story>[stories.Count];
        Parallel.For(0, stories.Count, i =>
        {
            var story = stories[i];
            var relations = new List<Relation>();
            foreach (var id in story.Documents)
                if (relationsOf.TryGetValue(id, out var from)) relations.AddRange(from);
            var split = Splitter.Split(story.Documents, context.Corpus, relations);
            parts[i] = split.Count == 1 ? [story] : [.. split.Select(ids => Part(context, ids))];
        });
        return [.. parts.SelectMany(p => p)];
    }

    /// <summary>A story made of one part of a split: titled by its first document that has a headline, dated by its members.</summary>
    private static Story Part(CorpusContext context, List<string> documents)
    {
        string? title = null;
        PartialDate? first = null, last = null;
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in documents)
        {
            groups.Add(context.GroupOf(id));
            if (context.Corpus.FindDocument(id) is not { } document) continue;
            if (title is null && document.Title is { Length: > 0 } t) title = t;
            if (document.Published is not { } published) continue;
            if (first is null || published.Earliest < first.Value) first = published.Earliest;
            if (last is null || published.Latest > last.Value) last = published.Latest;
        }
        return new Story
        {
            Id = StableId.Of("s", documents[0]),
            Title = title ?? "(untitled)",
            Documents = documents,
            First = first,
            Last = last,
            IndependentSources = groups.Count,
        };
    }

    /// <summary>Days between a document's dates and a story's, or -1 when either is unknown.</summary>
    private static int Gap((int First, int Last)? days, StoryState story) =>
        days is { } d && story.Days is { } s ? Math.Max(0, Math.Max(d.First - s.Last, s.First - d.Last)) : -1;

    /// <summary>The <see cref="Shortlisted"/> stories with the highest first-pass scores, ties by lower index.</summary>
    private static void Shortlist(Dictionary<int, double> scores, List<int> shortlist)
    {
        shortlist.Clear();
        Span<double> best = stackalloc double[Shortlisted];
        foreach (var (s, score) in scores)
        {
            // Insertion into a small sorted list: scores has at most a few thousand entries, the list eight.
            var at = shortlist.Count;
            while (at > 0 && (score > best[at - 1] || (score == best[at - 1] && s < shortlist[at - 1]))) at--;
            if (at >= Shortlisted) continue;
            if (shortlist.Count == Shortlisted) shortlist.RemoveAt(Shortlisted - 1);
            shortlist.Insert(at, s);
            for (var k = shortlist.Count - 1; k > at; k--) best[k] = best[k - 1];
            best[at] = score;
        }
    }

    /// <summary>
    /// The similarity a document needs to join <paramref name="story"/>: <see cref="JoinThreshold"/> when the document's
    /// days or the story's are unknown (lenient: an undated page may belong anywhere) or fall within
    /// <see cref="WindowDays"/> of each other; beyond, growing exponentially with the extra days up to <see cref="StrongThreshold"/>.
    /// </summary>
    internal double Required((int First, int Last)? days, StoryState story)
    {
        var gap = Gap(days, story);
        return gap <= WindowDays ? JoinThreshold : Math.Min(Math.Max(StrongThreshold, JoinThreshold), JoinThreshold * Math.Exp((gap - WindowDays) / DecayDays));
    }

    /// <summary>
    /// Places the documents that wait (every document in a derivation), one derivation family at a time, as one
    /// document made of all its members: their summed vector and their days. Placed one by one, members joined
    /// wherever their words fit, and the derivation merge then dragged whole stories together; an undated family
    /// became a story of its own, never compared by content with its event.
    /// </summary>
    private static void PlaceFamilies(CorpusContext context, List<StoryState> stories, List<string> docIds, List<int> storyOf,
        List<(int Position, Document Document, List<(ulong Feature, double Weight)> Vector)> deferred,
        Func<List<(ulong Feature, double Weight)>, bool[], (int First, int Last)?, (int Best, double Score)> choose,
        Action<int, Document, List<(ulong Feature, double Weight)>> join)
    {
        if (deferred.Count == 0) return;
        var position = new Dictionary<string, int>(docIds.Count, StringComparer.Ordinal);
        for (var i = 0; i < docIds.Count; i++) position[docIds[i]] = i;
        var waiting = new Dictionary<int, int>(deferred.Count);
        for (var k = 0; k < deferred.Count; k++) waiting[deferred[k].Position] = k;
        var families = new UnionFind(deferred.Count);
        foreach (var relation in context.Relations)
        {
            if (relation.Kind == RelationKind.Cites || relation.To is null) continue;
            if (!position.TryGetValue(relation.From, out var a) || !position.TryGetValue(relation.To, out var b)) continue;
            if (waiting.TryGetValue(a, out var ka) && waiting.TryGetValue(b, out var kb)) families.Union(ka, kb);
        }
        var members = new SortedDictionary<int, List<(int Waiter, int K)>>();
        foreach (var (waiter, k) in waiting)
        {
            var root = families.Find(k);
            if (!members.TryGetValue(root, out var list)) members[root] = list = [];
            list.Add((waiter, k));
        }
        foreach (var family in members.Values)
        {
            family.Sort();
            var summed = new Dictionary<ulong, double>();
            foreach (var (_, k) in family)
                foreach (var (feature, weight) in deferred[k].Vector) summed[feature] = summed.GetValueOrDefault(feature) + weight;
            var norm = Math.Sqrt(summed.Values.Sum(w => w * w));
            var vector = summed.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(FeaturesPerDocument)
                .Select(p => (p.Key, p.Value / Math.Max(norm, 1e-12))).ToList();
            var lookup = new bool[vector.Count];
            Array.Fill(lookup, true);
            // The family's days: every dated member's, so a dated family meets the time window like a dated document.
            (int First, int Last)? days = null;
            foreach (var (_, k) in family)
                if (StoryState.DaysOf(deferred[k].Document.Published) is { } d)
                    days = days is { } known ? (Math.Min(known.First, d.First), Math.Max(known.Last, d.Last)) : d;
            var (best, score) = choose(vector, lookup, days);
            int target;
            if (best >= 0 && score >= 1.0) target = best;
            else
            {
                target = stories.Count;
                stories.Add(new StoryState());
            }
            foreach (var (waiter, k) in family)
            {
                storyOf[waiter] = target;
                join(target, deferred[k].Document, deferred[k].Vector);
            }
        }
    }
}
