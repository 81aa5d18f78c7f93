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

    /// <summary>Average linkage is quadratic in the story: larger stories are not split (they are left as the clusterer made them).</summary>
    public int MaxUnits { get; init; } = 400;

    /// <summary>How many times a part may be split again.</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>The parts of a story's documents: one list (the story whole) or several.</summary>
    public List<List<string>> Split(IReadOnlyList<string> documents, ICorpusReader corpus, IReadOnlyList<Relation> relations)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++) index[documents[i]] = i;
        // Units: derived families stay together.
        var families = new UnionFind(documents.Count);
        foreach (var r in relations)
            if (r.Kind != RelationKind.Cites && r.To is not null && index.TryGetValue(r.From, out var a) && index.TryGetValue(r.To, out var b)) families.Union(a, b);
        var units = families.Sets();
        if (units.Count < MinUnits || units.Count > MaxUnits) return [[.. documents]];
        var terms = new Dictionary<ulong, (int Count, bool Name)>[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            var tf = new Dictionary<ulong, (int Count, bool Name)>();
            foreach (var d in units[u])
            {
                var id = documents[d];
                if (corpus.FindDocument(id) is not { } document || corpus.FindAnalysis(id) is not { } analysis) continue;
                foreach (var (term, (count, name)) in StoryFeatures.Terms(document, analysis))
                    tf[term] = tf.TryGetValue(term, out var known) ? (known.Count + count, known.Name || name) : (count, name);
            }
            terms[u] = tf;
        }
        var parts = new List<List<int>>();
        SplitUnits([.. Enumerable.Range(0, units.Count)], terms, 0, parts);
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

    private void SplitUnits(List<int> members, Dictionary<ulong, (int Count, bool Name)>[] terms, int depth, List<List<int>> parts)
    {
        if (members.Count < MinUnits || depth >= MaxDepth || TwoGroups(members, terms) is not { } groups)
        {
            parts.Add(members);
            return;
        }
        SplitUnits(groups.A, terms, depth + 1, parts);
        SplitUnits(groups.B, terms, depth + 1, parts);
    }

    /// <summary>The two groups average linkage ends with, when they are separated enough; else null.</summary>
    private (List<int> A, List<int> B)? TwoGroups(List<int> members, Dictionary<ulong, (int Count, bool Name)>[] terms)
    {
        var n = members.Count;
        var vectors = LocalTfidf(members, terms);
        var sim = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++) sim[i, j] = sim[j, i] = Dot(vectors[i], vectors[j]);
        var cluster = new List<int>[n];
        for (var i = 0; i < n; i++) cluster[i] = [i];
        var alive = n;
        var live = new bool[n];
        Array.Fill(live, true);
        while (alive > 2)
        {
            int a = -1, b = -1;
            var best = double.MinValue;
            for (var i = 0; i < n; i++)
            {
                if (!live[i]) continue;
                for (var j = i + 1; j < n; j++)
                    if (live[j] && sim[i, j] > best) { best = sim[i, j]; a = i; b = j; }
            }
            // Average linkage (Lance-Williams): the merged group's similarity to each other group.
            for (var k = 0; k < n; k++)
            {
                if (!live[k] || k == a || k == b) continue;
                sim[a, k] = sim[k, a] = (cluster[a].Count * sim[a, k] + cluster[b].Count * sim[b, k]) / (cluster[a].Count + cluster[b].Count);
            }
            cluster[a].AddRange(cluster[b]);
            live[b] = false;
            alive--;
        }
        var left = -1;
        var right = -1;
        for (var i = 0; i < n; i++)
        {
            if (!live[i]) continue;
            if (left < 0) left = i;
            else right = i;
        }
        if (right < 0 || cluster[left].Count < MinPart || cluster[right].Count < MinPart) return null;
        var within = Math.Min(Within(cluster[left], vectors), Within(cluster[right], vectors));
        var between = 0.0;
        foreach (var x in cluster[left])
            foreach (var y in cluster[right]) between += Dot(vectors[x], vectors[y]);
        between /= cluster[left].Count * cluster[right].Count;
        if (within <= 0 || between >= Separation * within) return null;
        return ([.. cluster[left].Select(i => members[i])], [.. cluster[right].Select(i => members[i])]);
    }

    private static double Within(List<int> group, Dictionary<ulong, double>[] vectors)
    {
        double sum = 0;
        var pairs = 0;
        for (var i = 0; i < group.Count; i++)
            for (var j = i + 1; j < group.Count; j++) { sum += Dot(vectors[group[i]], vectors[group[j]]); pairs++; }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /// <summary>Tf-idf over these units alone: a term in every unit weighs nothing; names weigh double, as in the clusterer.</summary>
    private static Dictionary<ulong, double>[] LocalTfidf(List<int> members, Dictionary<ulong, (int Count, bool Name)>[] terms)
    {
        var df = new Dictionary<ulong, int>();
        foreach (var u in members)
            foreach (var term in terms[u].Keys) df[term] = df.GetValueOrDefault(term) + 1;
        var vectors = new Dictionary<ulong, double>[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var v = new Dictionary<ulong, double>();
            double norm = 0;
            foreach (var (term, (count, name)) in terms[members[i]])
            {
                var idf = Math.Log((members.Count + 1.0) / (df[term] + 1.0));
                if (idf <= 0) continue;
                var w = (1 + Math.Log(count)) * idf * (name ? StoryFeatures.NameBoost : 1.0);
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
