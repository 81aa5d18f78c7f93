using Triangulate.Model;

namespace Triangulate.Link.Stories;

/// <summary>
/// The "stories" corpus stage: single-pass online clustering (the TDT first-story-detection scheme, Allan et al. 1998).
/// Each document, in corpus order, joins the most similar open story or starts one. A document is a sparse vector of
/// its names (analysis entities and capitalised words), numbers and tf-idf-weighted body words; stories are found
/// through an inverted index from feature to story, so the work per document is proportional to the document, not
/// to the corpus. Documents the provenance stage found derived from one another are then merged into one story.
/// </summary>
public sealed class StoryClusterer : ICorpusStage
{
    /// <summary>Features kept per document, heaviest first.</summary>
    private const int FeaturesPerDocument = 40;

    /// <summary>Features kept per story centroid: older detail fades as the story grows.</summary>
    private const int FeaturesPerStory = 160;

    /// <summary>Stories an index entry points to: a feature in more stories than this says nothing about which one.</summary>
    private const int MaxPostings = 64;

    /// <summary>Cosine to the centroid above which a document joins a story (see docs/link.md for how it was chosen).</summary>
    public double JoinThreshold { get; init; } = 0.15;

    /// <inheritdoc/>
    public string Name => "stories";

    /// <inheritdoc/>
    public void Run(CorpusContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var df = new Dictionary<ulong, int>();
        var index = new Dictionary<ulong, List<int>>();
        var stories = new List<StoryState>();
        var docIds = new List<string>();
        var storyOf = new List<int>();
        var scores = new Dictionary<int, double>();
        var seen = 0;
        foreach (var (document, analysis) in context.Corpus.ReadAnalyses())
        {
            seen++;
            var vector = StoryFeatures.Vector(document, analysis, df, seen, FeaturesPerDocument);
            scores.Clear();
            foreach (var (feature, weight) in vector)
            {
                if (!index.TryGetValue(feature, out var postings)) continue;
                foreach (var s in postings) scores[s] = scores.GetValueOrDefault(s) + weight * stories[s].Weight(feature);
            }
            var best = -1;
            var bestScore = 0.0;
            foreach (var (s, dot) in scores)
            {
                var cosine = dot / stories[s].Norm;
                if (cosine > bestScore || (cosine == bestScore && s < best)) { best = s; bestScore = cosine; }
            }
            if (best < 0 || bestScore < JoinThreshold)
            {
                best = stories.Count;
                stories.Add(new StoryState());
            }
            var story = stories[best];
            foreach (var feature in story.Add(WithInferredDate(document, context), vector, bestScore, FeaturesPerStory))
            {
                if (!index.TryGetValue(feature, out var postings)) index[feature] = postings = [];
                if (postings.Count < MaxPostings && (postings.Count == 0 || postings[^1] != best)) postings.Add(best);
            }
            docIds.Add(document.Id);
            storyOf.Add(best);
        }
        MergeDerived(context, stories, docIds, storyOf);
        var built = new List<Story>();
        for (var s = 0; s < stories.Count; s++)
        {
            if (stories[s].Merged >= 0 || stories[s].Documents.Count == 0) continue;
            built.Add(stories[s].ToStory(context, df, seen, FeaturesPerDocument));
        }
        built.Sort((x, y) => string.CompareOrdinal(x.Documents[0], y.Documents[0]));
        context.Stories.AddRange(built);
    }

    /// <summary>Derived documents belong to their source's story whatever their wording: merge the stories of every derivation.</summary>
    /// <summary>The document with its inferred publication date when it states none (the dating stage runs first), so a story's first and last days count every dated document.</summary>
    private static Document WithInferredDate(Document document, CorpusContext context) =>
        document.Published is null && context.InferredPublished.TryGetValue(document.Id, out var inferred) ? document with { Published = inferred } : document;

    private static void MergeDerived(CorpusContext context, List<StoryState> stories, List<string> docIds, List<int> storyOf)
    {
        var position = new Dictionary<string, int>(docIds.Count, StringComparer.Ordinal);
        for (var i = 0; i < docIds.Count; i++) position[docIds[i]] = i;
        foreach (var relation in context.Relations)
        {
            if (relation.Kind == RelationKind.Cites || relation.To is null) continue;
            if (!position.TryGetValue(relation.From, out var a) || !position.TryGetValue(relation.To, out var b)) continue;
            var sa = Root(stories, storyOf[a]);
            var sb = Root(stories, storyOf[b]);
            if (sa == sb) continue;
            var (keep, drop) = sa < sb ? (sa, sb) : (sb, sa);
            stories[keep].Absorb(stories[drop]);
            stories[drop].Merged = keep;
        }
    }

    private static int Root(List<StoryState> stories, int s)
    {
        while (stories[s].Merged >= 0) s = stories[s].Merged;
        return s;
    }
}
