using System.Globalization;
using System.Text;

namespace Triangulate.Link.Evaluation;

/// <summary>
/// The reference baseline for story clustering: TF-IDF vectors of the documents' words (sublinear tf, smoothed idf,
/// L2-normalised, as scikit-learn's TfidfVectorizer defaults) clustered by average linkage, stopped at a fixed cosine
/// distance (0.7 in the ECB+ literature's baseline). Quadratic memory and roughly quadratic time: for evaluation sets
/// of a few thousand documents, never for the pipeline.
/// </summary>
public static class TfidfAverageLinkage
{
    /// <summary>Most documents clustered; beyond, the matrix would not fit comfortably in memory.</summary>
    public const int MaxDocuments = 6000;

    /// <summary>A cluster label per text (0-based, in order of first appearance).</summary>
    public static int[] Cluster(IReadOnlyList<string> texts, double distance = 0.7)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var n = texts.Count;
        if (n > MaxDocuments) throw new ArgumentOutOfRangeException(nameof(texts), $"at most {MaxDocuments} documents");
        var vectors = Vectors(texts);
        // Similarity matrix (upper and lower filled), updated by Lance-Williams for average linkage.
        var sim = new float[n * n];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++) sim[i * n + j] = sim[j * n + i] = Dot(vectors[i], vectors[j]);
        var size = new int[n];
        var alive = new bool[n];
        var parent = new int[n];
        for (var i = 0; i < n; i++) { size[i] = 1; alive[i] = true; parent[i] = i; }
        var threshold = 1 - distance;
        // Each live row's best partner, recomputed only for rows whose partner changed.
        var best = new int[n];
        for (var i = 0; i < n; i++) best[i] = BestOf(i);
        while (true)
        {
            int a = -1;
            var top = float.MinValue;
            for (var i = 0; i < n; i++)
                if (alive[i] && best[i] >= 0 && sim[i * n + best[i]] > top) { top = sim[i * n + best[i]]; a = i; }
            if (a < 0 || top < threshold) break;
            var b = best[a];
            // Merge b into a.
            for (var k = 0; k < n; k++)
            {
                if (!alive[k] || k == a || k == b) continue;
                var merged = (size[a] * sim[a * n + k] + size[b] * sim[b * n + k]) / (size[a] + size[b]);
                sim[a * n + k] = sim[k * n + a] = merged;
            }
            size[a] += size[b];
            alive[b] = false;
            parent[b] = a;
            for (var i = 0; i < n; i++)
                if (alive[i] && (i == a || best[i] == a || best[i] == b || (best[i] >= 0 && sim[i * n + a] > sim[i * n + best[i]]))) best[i] = BestOf(i);
        }
        var labels = new int[n];
        var label = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            var r = i;
            while (parent[r] != r) r = parent[r];
            if (!label.TryGetValue(r, out var l)) label[r] = l = label.Count;
            labels[i] = l;
        }
        return labels;

        int BestOf(int i)
        {
            var arg = -1;
            var value = float.MinValue;
            for (var j = 0; j < n; j++)
                if (j != i && alive[j] && sim[i * n + j] > value) { value = sim[i * n + j]; arg = j; }
            return arg;
        }
    }

    private static float Dot(KeyValuePair<int, float>[] x, KeyValuePair<int, float>[] y)
    {
        float dot = 0;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i].Key == y[j].Key) dot += x[i++].Value * y[j++].Value;
            else if (x[i].Key < y[j].Key) i++;
            else j++;
        }
        return dot;
    }

    private static KeyValuePair<int, float>[][] Vectors(IReadOnlyList<string> texts)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<Dictionary<int, int>>(texts.Count);
        var df = new List<int>();
        foreach (var text in texts)
        {
            var tf = new Dictionary<int, int>();
            foreach (var word in Words(text))
            {
                if (!vocabulary.TryGetValue(word, out var id)) { vocabulary[word] = id = vocabulary.Count; df.Add(0); }
                if (tf.TryGetValue(id, out var c)) tf[id] = c + 1;
                else { tf[id] = 1; df[id]++; }
            }
            counts.Add(tf);
        }
        var n = texts.Count;
        var result = new KeyValuePair<int, float>[n][];
        for (var d = 0; d < n; d++)
        {
            var weights = counts[d].Select(p => new KeyValuePair<int, float>(p.Key,
                (float)((1 + Math.Log(p.Value)) * (Math.Log((1.0 + n) / (1 + df[p.Key])) + 1)))).OrderBy(p => p.Key).ToArray();
            var norm = (float)Math.Sqrt(weights.Sum(p => p.Value * p.Value));
            for (var k = 0; k < weights.Length; k++) weights[k] = new(weights[k].Key, weights[k].Value / Math.Max(norm, 1e-12f));
            result[d] = weights;
        }
        return result;
    }

    /// <summary>scikit-learn's default token pattern: runs of two or more word characters, lower-cased.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c) || c == '_') { word.Append(char.ToLower(c, CultureInfo.InvariantCulture)); continue; }
            if (word.Length >= 2) yield return word.ToString();
            word.Clear();
        }
    }
}
