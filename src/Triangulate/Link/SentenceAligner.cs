namespace Triangulate.Link;

/// <summary>
/// Aligns the sentences of two documents monotonically (a sentence pairs with at most one, order kept), maximising the
/// summed similarity: a weighted longest common subsequence over sentences (Smith and Waterman's idea at sentence
/// granularity). Similar sentences are found through an inverted index of one side, so only sentences that share a
/// word are ever compared. Rewrites keep the order of what they take even when they drop and reword sentences; two
/// independent reports rarely match in order more than once or twice.
/// </summary>
internal static class SentenceAligner
{
    /// <summary>Sentences beyond this are not aligned: the grid stays under 160,000 cells.</summary>
    public const int MaxSentences = 400;

    /// <summary>Cosine of the word sets below which two sentences are not taken as the same passage (paraphrase keeps roughly half its content words).</summary>
    public const double MinSimilarity = 0.34;

    /// <summary>Pairs must share this many words or anchors: two common words in short sentences are chance.</summary>
    public const int MinShared = 3;

    /// <summary>
    /// Aligns <paramref name="a"/> with <paramref name="b"/>. In <paramref name="anchorsOnly"/> mode (translations)
    /// only numbers and names count, since words differ by language. Sentences marked in <paramref name="skipA"/> or
    /// <paramref name="skipB"/> (a site's furniture: <see cref="Provenance.SiteFurniture"/>) are not aligned.
    /// </summary>
    public static Alignment Align(TextProfile a, TextProfile b, bool anchorsOnly, bool[]? skipA = null, bool[]? skipB = null)
    {
        var n = Math.Min(a.Sentences.Count, MaxSentences);
        var m = Math.Min(b.Sentences.Count, MaxSentences);
        if (n == 0 || m == 0) return Alignment.Empty;
        // One index a thread, cleared for each pair: a pair's index is thousands of small lists, and verification aligns
        // hundreds of thousands of pairs.
        var index = t_index ??= new Postings();
        index.Clear();
        for (var j = 0; j < m; j++)
        {
            if (skipB?[j] == true) continue;
            var sentence = b.Sentences[j];
            if (!anchorsOnly) AddAll(index, sentence.Content, j);
            AddAll(index, sentence.Anchors, j);
        }
        var similarity = new float[n * m];
        var shared = new int[m];
        var touched = new List<int>();
        var any = false;
        for (var i = 0; i < n; i++)
        {
            if (skipA?[i] == true) continue;
            var sentence = a.Sentences[i];
            if (!anchorsOnly) Count(index, sentence.Content, shared, touched);
            Count(index, sentence.Anchors, shared, touched);
            var sizeA = Size(sentence, anchorsOnly);
            foreach (var j in touched)
            {
                var count = shared[j];
                shared[j] = 0;
                if (count < (anchorsOnly ? 2 : MinShared)) continue;
                var cosine = count / Math.Sqrt((double)sizeA * Size(b.Sentences[j], anchorsOnly));
                if (cosine < MinSimilarity) continue;
                similarity[i * m + j] = (float)Math.Min(1.0, cosine);
                any = true;
            }
            touched.Clear();
        }
        if (!any) return Alignment.Empty;
        // Weighted LCS: best[i, j] over prefixes, then trace back.
        var best = new float[(n + 1) * (m + 1)];
        var w = m + 1;
        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= m; j++)
            {
                var value = Math.Max(best[(i - 1) * w + j], best[i * w + j - 1]);
                var s = similarity[(i - 1) * m + j - 1];
                if (s > 0) value = Math.Max(value, best[(i - 1) * w + j - 1] + s);
                best[i * w + j] = value;
            }
        }
        var pairs = new List<AlignedPair>();
        int x = n, y = m;
        while (x > 0 && y > 0)
        {
            var s = similarity[(x - 1) * m + y - 1];
            if (s > 0 && Math.Abs(best[x * w + y] - (best[(x - 1) * w + y - 1] + s)) < 1e-5f)
            {
                pairs.Add(new AlignedPair(x - 1, y - 1, s));
                x--; y--;
            }
            else if (best[(x - 1) * w + y] >= best[x * w + y - 1]) x--;
            else y--;
        }
        pairs.Reverse();
        return Measure(a, b, pairs);
    }

    private static Alignment Measure(TextProfile a, TextProfile b, List<AlignedPair> pairs)
    {
        // Specifics present in one side of an aligned pair and absent from the other: the derived text lost them.
        int onlyA = 0, onlyB = 0;
        double sum = 0;
        foreach (var pair in pairs)
        {
            sum += pair.Similarity;
            var sa = a.Sentences[pair.A].Anchors;
            var sb = b.Sentences[pair.B].Anchors;
            onlyA += Missing(sa, sb);
            onlyB += Missing(sb, sa);
        }
        return new Alignment(pairs, pairs.Count == 0 ? 0 : sum / pairs.Count, onlyA, onlyB);
    }

    private static int Missing(ulong[] from, ulong[] other)
    {
        var count = 0;
        foreach (var anchor in from)
            if (Array.IndexOf(other, anchor) < 0) count++;
        return count;
    }

    private static int Size(ProfileSentence sentence, bool anchorsOnly) =>
        Math.Max(1, (anchorsOnly ? 0 : sentence.Content.Length) + sentence.Anchors.Length);

    private static void AddAll(Postings index, ulong[] keys, int j)
    {
        foreach (var key in keys) index.Add(key, j);
    }

    private static void Count(Postings index, ulong[] keys, int[] shared, List<int> touched)
    {
        foreach (var key in keys)
        {
            for (var e = index.Last(key); e >= 0; e = index.Previous[e])
            {
                var j = index.Sentence[e];
                if (shared[j] == 0) touched.Add(j);
                shared[j]++;
            }
        }
    }

    [ThreadStatic]
    private static Postings? t_index;

    /// <summary>
    /// The sentences of one side that hold each key, as chains through two arrays (latest first), each sentence once a
    /// key: a list a key without a list's object and array each.
    /// </summary>
    private sealed class Postings
    {
        private readonly Dictionary<ulong, int> _last = [];
        private int _count;

        /// <summary>The sentence of each entry.</summary>
        public int[] Sentence { get; private set; } = new int[256];

        /// <summary>The entry before each one of its key; -1 at the first.</summary>
        public int[] Previous { get; private set; } = new int[256];

        public void Clear()
        {
            _last.Clear();
            _count = 0;
        }

        /// <summary>The latest entry of <paramref name="key"/>; -1 when none.</summary>
        public int Last(ulong key) => _last.TryGetValue(key, out var last) ? last : -1;

        /// <summary>Adds sentence <paramref name="j"/> under <paramref name="key"/>, unless it is the key's latest already (sentences come in order).</summary>
        public void Add(ulong key, int j)
        {
            ref var last = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_last, key, out var exists);
            if (exists && Sentence[last] == j) return;
            if (_count == Sentence.Length)
            {
                Sentence = [.. Sentence, .. new int[_count]];
                Previous = [.. Previous, .. new int[_count]];
            }
            Sentence[_count] = j;
            Previous[_count] = exists ? last : -1;
            last = _count++;
        }
    }
}
