using Triangulate.Model;

namespace Triangulate.Link.Evaluation;

/// <summary>Stories and everything that joins documents, scored against gold stories, for all documents and for the look and held parts apart.</summary>
public sealed record StoryEvaluationResult
{
    /// <summary>Documents scored (those the gold knows).</summary>
    public required int Documents { get; init; }

    /// <summary>Stories formed over them, and gold stories.</summary>
    public required (int Found, int Gold) Stories { get; init; }

    /// <summary>B-cubed of the pipeline's stories: all, look part, held part.</summary>
    public required (ClusterScore All, ClusterScore Look, ClusterScore Held) Pipeline { get; init; }

    /// <summary>B-cubed of TF-IDF + average linkage at a fixed cosine distance; null when the corpus is too large for it.</summary>
    public (ClusterScore All, ClusterScore Look, ClusterScore Held)? Baseline { get; init; }

    /// <summary>Derivations found, and how many join documents of different gold stories.</summary>
    public required (int Found, int AcrossStories) Derivations { get; init; }

    /// <summary>Same-language derivations whose texts share under 5 % of their word 5-grams (the shorter text's).</summary>
    public required int LowOverlapDerivations { get; init; }

    /// <summary>Derivation precision and recall against gold derivations (unordered pairs); null when the gold has none.</summary>
    public (double Precision, double Recall, int Gold)? DerivationScore { get; init; }

    /// <summary>The same on the look and held parts apart (a pair belongs to the part of its derived document's story).</summary>
    public ((double Precision, double Recall, int Gold) Look, (double Precision, double Recall, int Gold) Held)? DerivationParts { get; init; }

    /// <summary>
    /// Derivations scored as "derived from" (<see cref="DerivationAncestry"/>: both sides' edges closed transitively,
    /// pairs of a page and any page it descends from): all, look part, held part (a pair belongs to the part of its
    /// derived page's story); null when the gold has no derivations.
    /// </summary>
    public ((double Precision, double Recall, int Gold) All, (double Precision, double Recall, int Gold) Look, (double Precision, double Recall, int Gold) Held)? DerivationAncestry { get; init; }

    /// <summary>Claims carried by two or more documents, and how many of those span different gold stories.</summary>
    public required (int Shared, int AcrossStories) Corroborations { get; init; }

    /// <summary>Contradictions, and how many join claims from different gold stories.</summary>
    public required (int Found, int AcrossStories) Contradictions { get; init; }

    /// <summary>
    /// Derivations and contradictions across gold stories in the look and held parts apart: one with a document of the
    /// held part counts as held (it is not looked at), as shared claims are counted.
    /// </summary>
    public required ((int Look, int Held) Derivations, (int Look, int Held) Contradictions) AcrossParts { get; init; }
}

/// <summary>Scores a store's corpus results against <see cref="StoryGold"/> (see <c>triangulate eval stories</c>).</summary>
public static class StoryEvaluation
{
    /// <summary>Share of the shorter text's word 5-grams under which a same-language derivation is counted as low-overlap.</summary>
    public const double LowOverlap = 0.05;

    /// <summary>Scores <paramref name="corpus"/>'s documents and <paramref name="result"/> against <paramref name="gold"/>.</summary>
    public static StoryEvaluationResult Run(ICorpusReader corpus, CorpusResult result, StoryGold gold, double baselineDistance = 0.7)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(gold);
        var urlOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var texts = new List<string>();
        var order = new List<string>();
        foreach (var (document, _) in corpus.ReadAnalyses())
        {
            if (!gold.Stories.ContainsKey(document.Source)) continue;
            urlOf[document.Id] = document.Source;
            order.Add(document.Id);
            texts.Add(document.Text);
        }
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in result.Stories)
            foreach (var id in story.Documents) storyOf[id] = story.Id;
        var found = order.Select(id => storyOf.GetValueOrDefault(id, "alone:" + id)).ToList();
        var pipeline = Score(order, found, urlOf, gold);

        (ClusterScore, ClusterScore, ClusterScore)? baseline = null;
        if (order.Count <= TfidfAverageLinkage.MaxDocuments)
        {
            var labels = TfidfAverageLinkage.Cluster(texts, baselineDistance);
            baseline = Score(order, [.. labels.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))], urlOf, gold);
        }

        var derivations = 0;
        var across = 0;
        var derivationsAcross = (Look: 0, Held: 0);
        var low = 0;
        var pairs = new HashSet<(string, string)>();
        var edges = new List<(string Derived, string Source)>();
        foreach (var relation in result.Relations)
        {
            if (relation.Kind == RelationKind.Cites || relation.To is null) continue;
            if (!urlOf.TryGetValue(relation.From, out var a) || !urlOf.TryGetValue(relation.To, out var b)) continue;
            derivations++;
            pairs.Add(StoryGold.Pair(a, b));
            edges.Add((a, b));
            if (gold.Stories[a] != gold.Stories[b])
            {
                across++;
                if (gold.IsHeld(a) || gold.IsHeld(b)) derivationsAcross.Held++;
                else derivationsAcross.Look++;
            }
            if (relation.Kind == RelationKind.Translation) continue;
            var x = corpus.FindDocument(relation.From);
            var y = corpus.FindDocument(relation.To);
            if (x is not null && y is not null && SharedFiveGrams(x.Body, y.Body) < LowOverlap) low++;
        }
        (double, double, int)? derivationScore = null;
        ((double, double, int), (double, double, int))? derivationParts = null;
        ((double, double, int), (double, double, int), (double, double, int))? ancestry = null;
        if (gold.DerivationEdges is { } goldEdges)
        {
            var scoredEdges = goldEdges.Where(e => gold.Stories.ContainsKey(e.Derived) && gold.Stories.ContainsKey(e.Source)).ToList();
            var scoredTruth = scoredEdges.Select(e => StoryGold.Pair(e.Derived, e.Source)).ToHashSet();
            derivationScore = PrecisionRecall(pairs, scoredTruth);
            derivationParts = (PrecisionRecall([.. pairs.Where(p => !gold.IsHeld(p.Item1))], [.. scoredTruth.Where(p => !gold.IsHeld(p.Item1))]),
                PrecisionRecall([.. pairs.Where(p => gold.IsHeld(p.Item1))], [.. scoredTruth.Where(p => gold.IsHeld(p.Item1))]));
            ancestry = (DerivationAncestry.Score(edges, scoredEdges, _ => true),
                DerivationAncestry.Score(edges, scoredEdges, url => !gold.IsHeld(url)),
                DerivationAncestry.Score(edges, scoredEdges, gold.IsHeld));
        }

        var goldOfDocument = urlOf.ToDictionary(p => p.Key, p => gold.Stories[p.Value], StringComparer.Ordinal);
        bool Spans(IEnumerable<string> documents) => documents.Select(d => goldOfDocument.GetValueOrDefault(d)).Where(s => s is not null).Distinct().Count() > 1;
        var shared = result.Claims.Where(c => c.Sources.Count > 1).ToList();
        var claimSources = result.Claims.ToDictionary(c => c.Id, c => c.Sources, StringComparer.Ordinal);
        var contradictionsAcross = (Look: 0, Held: 0);
        foreach (var contradiction in result.Contradictions)
        {
            var documents = contradiction.Claims.SelectMany(id => claimSources.GetValueOrDefault(id) ?? []).ToList();
            if (!Spans(documents)) continue;
            if (documents.Any(d => urlOf.TryGetValue(d, out var url) && gold.IsHeld(url))) contradictionsAcross.Held++;
            else contradictionsAcross.Look++;
        }
        return new StoryEvaluationResult
        {
            Documents = order.Count,
            Stories = (found.Distinct().Count(), order.Select(id => gold.Stories[urlOf[id]]).Distinct().Count()),
            Pipeline = pipeline,
            Baseline = baseline,
            Derivations = (derivations, across),
            LowOverlapDerivations = low,
            DerivationScore = derivationScore,
            DerivationParts = derivationParts,
            DerivationAncestry = ancestry,
            Corroborations = (shared.Count, shared.Count(c => Spans(c.Sources))),
            Contradictions = (result.Contradictions.Count, contradictionsAcross.Look + contradictionsAcross.Held),
            AcrossParts = (derivationsAcross, contradictionsAcross),
        };
    }

    private static (double Precision, double Recall, int Gold) PrecisionRecall(HashSet<(string, string)> found, HashSet<(string, string)> truth)
    {
        var hits = found.Count(truth.Contains);
        return (found.Count == 0 ? 1 : (double)hits / found.Count, truth.Count == 0 ? 1 : (double)hits / truth.Count, truth.Count);
    }

    private static (ClusterScore All, ClusterScore Look, ClusterScore Held) Score(List<string> order, List<string> found, Dictionary<string, string> urlOf, StoryGold gold)
    {
        var all = new List<(string, string)>();
        var look = new List<(string, string)>();
        var held = new List<(string, string)>();
        for (var i = 0; i < order.Count; i++)
        {
            var url = urlOf[order[i]];
            var item = (gold.Stories[url], found[i]);
            all.Add(item);
            (gold.IsHeld(url) ? held : look).Add(item);
        }
        return (BCubed.Score(all), BCubed.Score(look), BCubed.Score(held));
    }

    /// <summary>
    /// Shared word 5-grams over the shorter text's 5-grams (0 when either has none). Deliberately not the linker's
    /// <c>TextProfile.SharedFiveGrams</c>: the scorer splits the raw body its own plain way, so a change to the linker's
    /// tokenizer cannot move the yardstick it is measured by.
    /// </summary>
    public static double SharedFiveGrams(string a, string b)
    {
        var x = FiveGrams(a);
        var y = FiveGrams(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        var (small, large) = x.Count <= y.Count ? (x, y) : (y, x);
        return (double)small.Count(large.Contains) / small.Count;
    }

    private static HashSet<string> FiveGrams(string text)
    {
        var words = text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '"', '“', '”', '(', ')', '\'').ToLowerInvariant()).Where(w => w.Length > 0).ToList();
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 5 <= words.Count; i++) grams.Add(string.Join(' ', words.GetRange(i, 5)));
        return grams;
    }
}
