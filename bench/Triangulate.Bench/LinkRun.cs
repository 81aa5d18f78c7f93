using System.Diagnostics;
using System.Globalization;
using Triangulate.Bench.Inputs;
using Triangulate.Link;
using Triangulate.Link.Provenance;
using Triangulate.Link.Stories;
using Triangulate.Model;

namespace Triangulate.Bench;

/// <summary>
/// The whole-run linking benchmark: generates a corpus with known truth, runs provenance and stories over an
/// in-memory corpus reader (no file ingest), and prints derivation precision/recall/F1 (pairwise, over edges),
/// direction accuracy, story B-cubed F1, documents per second and peak memory.
/// </summary>
internal static class LinkRun
{
    public static int Run(string[] args)
    {
        var docs = 10_000;
        var seed = 7;
        var join = new StoryClusterer().JoinThreshold;
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--docs") docs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--join") join = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--seed") seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }
        var generate = Stopwatch.StartNew();
        var corpus = new CorpusGenerator(seed).Generate(docs);
        generate.Stop();
        var reader = new InMemoryCorpusReader(corpus.Items);
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var context = new CorpusContext(reader);
        var watch = Stopwatch.StartNew();
        new ProvenanceLinker().Run(context);
        var provenance = watch.Elapsed;
        new StoryClusterer { JoinThreshold = join }.Run(context);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var gcInfo = GC.GetGCMemoryInfo();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var (p, r, f, direction, predicted) = Derivations(corpus, context);
        var (bp, br, bf) = BCubed(corpus, context);
        var n = corpus.Items.Count;
        Console.WriteLine($"documents            {n:N0} ({corpus.Story.Values.Distinct().Count():N0} stories, {corpus.Edges.Count:N0} derivations; generated in {generate.Elapsed.TotalSeconds:F1} s)");
        Console.WriteLine($"derivations          predicted {predicted:N0}  P {p:F3}  R {r:F3}  F1 {f:F3}  direction {direction:F3}  (false within one story: {_sameStoryFalse:N0})");
        Console.WriteLine($"stories              predicted {context.Stories.Count:N0}  B3 P {bp:F3}  R {br:F3}  F1 {bf:F3}");
        Console.WriteLine($"time                 provenance {provenance.TotalSeconds:F2} s, total {watch.Elapsed.TotalSeconds:F2} s, {n / watch.Elapsed.TotalSeconds:N0} docs/s");
        Console.WriteLine($"memory               corpus heap {heapBefore / 1e6:N0} MB, peak working set {peak / 1e6:N0} MB, GC heap high {gcInfo.HeapSizeBytes / 1e6:N0} MB, allocated by linking {allocated / 1e6:N0} MB");
        return 0;
    }

    /// <summary>
    /// Precision: predicted derivation edges whose ends are in the same truth family. Recall: truth edges whose ends
    /// the predicted edges connect (transitively). Direction: of predicted edges that are truth edges, the share with the right direction.
    /// </summary>
    private static (double P, double R, double F, double Direction, int Predicted) Derivations(GeneratedCorpus corpus, CorpusContext context)
    {
        var predicted = 0;
        var correct = 0;
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent.TryGetValue(x, out var up) && up != x) x = up;
            return x;
        }
        var truthEdges = new Dictionary<(string, string), bool>();
        foreach (var (derived, source) in corpus.Edges) truthEdges[(derived, source)] = true;
        int directed = 0, directedRight = 0;
        foreach (var relation in context.Relations)
        {
            if (relation.Kind == RelationKind.Cites || relation.To is null) continue;
            predicted++;
            if (corpus.Family[relation.From] == corpus.Family[relation.To]) correct++;
            else if (corpus.Story[relation.From] == corpus.Story[relation.To]) _sameStoryFalse++;
            var (a, b) = (Find(relation.From), Find(relation.To));
            if (a != b) parent[a] = b;
            if (truthEdges.ContainsKey((relation.From, relation.To))) { directed++; directedRight++; }
            else if (truthEdges.ContainsKey((relation.To, relation.From))) directed++;
        }
        var found = 0;
        foreach (var (derived, source) in corpus.Edges)
            if (Find(derived) == Find(source)) found++;
        var p = predicted == 0 ? 1 : correct / (double)predicted;
        var r = corpus.Edges.Count == 0 ? 1 : found / (double)corpus.Edges.Count;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), directed == 0 ? 0 : directedRight / (double)directed, predicted);
    }

    /// <summary>False derivations between two documents of the same story (independent reports of one event).</summary>
    private static int _sameStoryFalse;

    /// <summary>B-cubed precision and recall (Bagga and Baldwin 1998) of the stories against the generated ones.</summary>
    private static (double P, double R, double F) BCubed(GeneratedCorpus corpus, CorpusContext context)
    {
        var predictedOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < context.Stories.Count; s++)
            foreach (var d in context.Stories[s].Documents) predictedOf[d] = s;
        var pair = new Dictionary<(int, int), int>();
        var predictedSize = new Dictionary<int, int>();
        var truthSize = new Dictionary<int, int>();
        foreach (var (id, truth) in corpus.Story)
        {
            var predicted = predictedOf.GetValueOrDefault(id, -1 - truth);
            pair[(predicted, truth)] = pair.GetValueOrDefault((predicted, truth)) + 1;
            predictedSize[predicted] = predictedSize.GetValueOrDefault(predicted) + 1;
            truthSize[truth] = truthSize.GetValueOrDefault(truth) + 1;
        }
        double p = 0, r = 0;
        foreach (var ((predicted, truth), count) in pair)
        {
            p += count * (count / (double)predictedSize[predicted]);
            r += count * (count / (double)truthSize[truth]);
        }
        var n = corpus.Story.Count;
        p /= n;
        r /= n;
        return (p, r, 2 * p * r / (p + r));
    }
}
