using Triangulate.Model;
using Triangulate.Reconcile;

namespace Triangulate.Link.Stories;

/// <summary>
/// Splits a story that holds two events of one kind (two fires in one town, two nominees for one post, two title
/// fights of one boxer). Online clustering joins them because they share the topic's vocabulary; within the story that
/// vocabulary is in every document and says nothing, while each event's own names, places and figures are in half of
/// them. So the story's documents are weighed by tf-idf over the story alone, grouped by average linkage down to two
/// groups, and split when the two are far less alike than each is within itself (recursively, a few levels). Derived
/// families stay whole. Reads only the story's own documents, so a split never depends on the rest of the store.
/// </summary>
internal sealed class StorySplitter
{
    /// <summary>Stories of fewer units (documents, a derived family counting once) are left whole: too little to tell two events apart.</summary>
    public int MinUnits { get; init; } = 6;

    /// <summary>Each side of a split needs at least this many units.</summary>
    public int MinPart { get; init; } = 3;

    /// <summary>A split is made when the similarity between the two groups is below this share of the lower within-group similarity.</summary>
    public double Separation { get; init; } = 0.35;

    /// <summary>The weaker separation that suffices when the split puts every dated unit on one side (see <see cref="TwoGroups"/>).</summary>
    public double UndatedSeparation { get; init; } = 0.7;

    /// <summary>The dated side of such a split must have at least this share of its units dated.</summary>
    public double MinDatedShare { get; init; } = 0.5;

    /// <summary>Average linkage is quadratic in the story: larger stories are not split (they are left as the clusterer made them).</summary>
    public int MaxUnits { get; init; } = 400;

    /// <summary>How many times a part may be split again.</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>
    /// Parts each part's units further where their headlines and leads say two events (another figure, street or
    /// building, and none of the same days); null leaves the parts as the tree made them. Stories of any size from two
    /// units: a second event of one or two reports is under <see cref="MinPart"/>.
    /// </summary>
    public EventSeparation? Events { get; init; } = new();

    /// <summary>
    /// The parts of a story's documents: one list (the story whole) or several. <paramref name="leads"/>, when given,
    /// knows some documents' headline figures and lead places already (as <see cref="HeadlineFigures"/> and
    /// <see cref="LeadPlaces"/> read them), so those are not read from <paramref name="corpus"/> to be compared.
    /// </summary>
    public List<List<string>> Split(IReadOnlyList<string> documents, ICorpusReader corpus, IReadOnlyList<Relation> relations,
        Func<string, LeadFacts?>? leads = null)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++) index[documents[i]] = i;
        // Units: derived families stay together.
        var families = new UnionFind(documents.Count);
        foreach (var r in relations)
            if (r.Kind != RelationKind.Cites && r.To is not null && index.TryGetValue(r.From, out var a) && index.TryGetValue(r.To, out var b)) families.Union(a, b);
        var units = families.Sets();
        if (units.Count > MaxUnits || units.Count < (Events is null ? MinUnits : 2)) return [[.. documents]];
        // A story too small for the tree is parted only where two units' headlines or leads disagree; most agree, and
        // reading their analyses and terms to find that out was most of this stage's cost.
        if (units.Count < MinUnits && !EventSeparation.MayConflict(units, documents, corpus, leads)) return [[.. documents]];
        var terms = new Dictionary<ulong, (int Count, double Boost)>[units.Count];
        var profiles = new EventSeparation.Profile[units.Count];
        var named = new Dictionary<ulong, int>();
        // Whether a unit has any dated document: a division into dated and undated units is read apart (TwoGroups).
        var dated = new bool[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            var tf = new Dictionary<ulong, (int Count, double Boost)>();
            profiles[u] = new EventSeparation.Profile();
            foreach (var d in units[u])
            {
                var id = documents[d];
                if (corpus.FindDocument(id) is not { } document || corpus.FindAnalysis(id) is not { } analysis) continue;
                dated[u] |= document.Published is not null;
                named.Clear();
                foreach (var (term, (count, boost)) in StoryFeatures.Terms(document, analysis, null, named))
                    tf[term] = tf.TryGetValue(term, out var known) ? (known.Count + count, Math.Max(known.Boost, boost)) : (count, boost);
                if (Events is not null) profiles[u].Add(document, named.Values, Events.Reach);
            }
            terms[u] = tf;
        }
        var parts = new List<List<int>>();
        if (units.Count >= MinUnits) SplitUnits([.. Enumerable.Range(0, units.Count)], terms, dated, 0, parts);
        else parts.Add([.. Enumerable.Range(0, units.Count)]);
        if (Events is not null) parts = [.. parts.SelectMany(part => Separated(part, terms, profiles))];
        var result = new List<List<string>>(parts.Count);
        foreach (var part in parts)
        {
            var ids = new List<string>();
            foreach (var u in part)
                foreach (var d in units[u]) ids.Add(documents[d]);
            ids.Sort(StringComparer.Ordinal);
            result.Add(ids);
        }
        return result;
    }

    /// <summary>A part's groups by <see cref="Events"/>: a unit's likeness to a group is its mean cosine with the group's first units, by tf-idf over the part.</summary>
    private List<List<int>> Separated(List<int> part, Dictionary<ulong, (int Count, double Boost)>[] terms, EventSeparation.Profile[] profiles)
    {
        if (part.Count < 2) return [part];
        var vectors = LocalTfidf(part, terms);
        var at = new Dictionary<int, int>();
        for (var i = 0; i < part.Count; i++) at[part[i]] = i;
        var leads = Events!.Leads;
        return Events.Separate(part, profiles, (u, group) => group.Take(leads).Average(g => Dot(vectors[at[u]], vectors[at[g]])));
    }

    private void SplitUnits(List<int> members, Dictionary<ulong, (int Count, double Boost)>[] terms, bool[] dated, int depth, List<List<int>> parts)
    {
        if (members.Count < MinUnits || depth >= MaxDepth || TwoGroups(members, terms, dated) is not { } groups)
        {
            parts.Add(members);
            return;
        }
        SplitUnits(groups.A, terms, dated, depth + 1, parts);
        SplitUnits(groups.B, terms, dated, depth + 1, parts);
    }

    /// <summary>
    /// The two groups a story falls into, when they are separated enough; else null. Average linkage builds the whole
    /// tree; a top split that only cuts off a few outliers (fewer than <see cref="MinPart"/> units) is not the story's
    /// real division, so those outliers are set aside and the larger side's own top split is looked at, down the tree;
    /// the outliers then go to the group they are on average more alike.
    /// </summary>
    private (List<int> A, List<int> B)? TwoGroups(List<int> members, Dictionary<ulong, (int Count, double Boost)>[] terms, bool[] dated)
    {
        var n = members.Count;
        var vectors = LocalTfidf(members, terms);
        var original = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++) original[i, j] = original[j, i] = Dot(vectors[i], vectors[j]);
        var tree = Dendrogram(original, n);
        var node = tree.Count - 1;
        var outliers = new List<int>();
        List<int>? left = null, right = null;
        while (node >= n)
        {
            var (l, r, _) = tree[node];
            var (ls, rs) = (tree[l].Members, tree[r].Members);
            if (ls.Count >= MinPart && rs.Count >= MinPart) { (left, right) = (ls, rs); break; }
            var (small, large) = ls.Count < rs.Count ? (l, r) : (r, l);
            outliers.AddRange(tree[small].Members);
            node = large;
            if (tree[node].Members.Count < MinUnits) return null;
        }
        if (left is null || right is null) return null;
        var within = Math.Min(Within(left, original), Within(right, original));
        var between = Between(left, right, original);
        if (within <= 0) return null;
        var ratio = between / within;
        // Undated reports join a story on their words alone (no time window holds them back), so two events of one kind
        // months apart can meet through them. When the words divide the story into its dated reports and a group
        // with no date at all, that division is the likelier reading, and a weaker separation suffices.
        var (a, b) = (DatedShare(left, dated, members), DatedShare(right, dated, members));
        var timeApart = Math.Min(a, b) == 0 && Math.Max(a, b) >= MinDatedShare;
        // Below the top of the tree the story's own tf-idf makes any two groups look apart: only the dated/undated
        // division is trusted there (splitting on words alone below the top cut one event's reports in two on ecb-dev).
        if (outliers.Count > 0 && !timeApart) return null;
        if (ratio >= (timeApart ? UndatedSeparation : Separation)) return null;
        foreach (var o in outliers)
            (Between([o], left, original) >= Between([o], right, original) ? left : right).Add(o);
        return ([.. left.Select(i => members[i])], [.. right.Select(i => members[i])]);
    }

    private static double DatedShare(List<int> group, bool[] dated, List<int> members) => group.Count(i => dated[members[i]]) / (double)group.Count;

    /// <summary>
    /// The average-linkage tree over <paramref name="n"/> items (Lance-Williams update): nodes 0..n-1 are the items, each
    /// later node the merge of two earlier ones; the last node is the root.
    /// </summary>
    private static List<(int Left, int Right, List<int> Members)> Dendrogram(double[,] original, int n)
    {
        var sim = (double[,])original.Clone();
        var tree = new List<(int Left, int Right, List<int> Members)>(2 * n);
        for (var i = 0; i < n; i++) tree.Add((-1, -1, [i]));
        var nodeAt = new int[n];
        for (var i = 0; i < n; i++) nodeAt[i] = i;
        var live = new bool[n];
        Array.Fill(live, true);
        for (var alive = n; alive > 1; alive--)
        {
            int a = -1, b = -1;
            var best = double.MinValue;
            for (var i = 0; i < n; i++)
            {
                if (!live[i]) continue;
                for (var j = i + 1; j < n; j++)
                    if (live[j] && sim[i, j] > best) { best = sim[i, j]; a = i; b = j; }
            }
            var (sa, sb) = (tree[nodeAt[a]].Members.Count, tree[nodeAt[b]].Members.Count);
            for (var k = 0; k < n; k++)
            {
                if (!live[k] || k == a || k == b) continue;
                sim[a, k] = sim[k, a] = (sa * sim[a, k] + sb * sim[b, k]) / (sa + sb);
            }
            tree.Add((nodeAt[a], nodeAt[b], [.. tree[nodeAt[a]].Members, .. tree[nodeAt[b]].Members]));
            nodeAt[a] = tree.Count - 1;
            live[b] = false;
        }
        return tree;
    }

    private static double Between(List<int> x, List<int> y, double[,] sim)
    {
        double sum = 0;
        foreach (var i in x)
            foreach (var j in y) sum += sim[i, j];
        return sum / (x.Count * y.Count);
    }

    private static double Within(List<int> group, double[,] sim)
    {
        double sum = 0;
        var pairs = 0;
        for (var i = 0; i < group.Count; i++)
            for (var j = i + 1; j < group.Count; j++) { sum += sim[group[i], group[j]]; pairs++; }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /// <summary>Tf-idf over these units alone: a term in every unit weighs nothing; names weigh double, as in the clusterer.</summary>
    private static Dictionary<ulong, double>[] LocalTfidf(List<int> members, Dictionary<ulong, (int Count, double Boost)>[] terms)
    {
        var df = new Dictionary<ulong, int>();
        foreach (var u in members)
            foreach (var term in terms[u].Keys) df[term] = df.GetValueOrDefault(term) + 1;
        var vectors = new Dictionary<ulong, double>[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var v = new Dictionary<ulong, double>();
            double norm = 0;
            foreach (var (term, (count, boost)) in terms[members[i]])
            {
                var idf = Math.Log((members.Count + 1.0) / (df[term] + 1.0));
                if (idf <= 0) continue;
                var w = (1 + Math.Log(count)) * idf * boost;
                v[term] = w;
                norm += w * w;
            }
            norm = Math.Sqrt(Math.Max(norm, 1e-12));
            foreach (var term in v.Keys.ToList()) v[term] /= norm;
            vectors[i] = v;
        }
        return vectors;
    }

    private static double Dot(Dictionary<ulong, double> x, Dictionary<ulong, double> y)
    {
        var (small, large) = x.Count <= y.Count ? (x, y) : (y, x);
        double dot = 0;
        foreach (var (term, w) in small)
            if (large.TryGetValue(term, out var v)) dot += w * v;
        return dot;
    }
}
