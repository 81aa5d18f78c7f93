using System.Diagnostics;
using System.Globalization;
using Triangulate.Bench.Inputs;
using Triangulate.Link.Provenance;
using Triangulate.Link.Stories;
using Triangulate.Model;

namespace Triangulate.Bench;

/// <summary>
/// The whole-run linking benchmark: plans a corpus with known truth, streams it (regenerated on demand, never held)
/// through provenance and stories, and prints derivation precision/recall/F1 (pairwise, over edges), direction
/// accuracy, story B-cubed precision/recall/F1, documents per second and peak memory.
/// </summary>
internal static class LinkRun
{
    public static int Run(string[] args)
    {
        var docs = 10_000;
        var seed = 7;
        var join = new StoryClusterer().JoinThreshold;
        var showFalse = 0;
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--docs") docs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--join") join = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--seed") seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--show-false") showFalse = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }
        var spill = Stopwatch.StartNew();
        var generator = new CorpusGenerator(seed, docs);
        using var reader = new GeneratedCorpusReader(generator, Path.GetTempPath());
        spill.Stop();
        if (args.Contains("--read-only"))
        {
            // The generator's own cost: stream every document once, as each stage does.
            var read = Stopwatch.StartNew();
            long chars = 0;
            foreach (var (document, _) in reader.ReadAnalyses()) chars += document.Text.Length;
            Console.WriteLine($"read {generator.Count:N0} documents ({chars / 1e6:N0} M chars) in {read.Elapsed.TotalSeconds:F2} s");
            return 0;
        }
        var context = new CorpusContext(reader);
        var watch = Stopwatch.StartNew();
        new ProvenanceLinker().Run(context);
        var provenance = watch.Elapsed;
        var traceFar = args.Contains("--trace-far");
        var far = new Dictionary<(int Gap, int Shared, bool Right), int>();
        new StoryClusterer
        {
            JoinThreshold = join,
            // Diagnostics: joins past the window, by gap (weeks), shared features and whether the join is right.
            Trace = !traceFar ? null : (doc, storyFirst, cosine, required, shared, gap) =>
            {
                if (storyFirst is null || gap <= 3 || cosine < required) return;
                var right = generator.StoryOf(CorpusGenerator.SerialOf(doc)) == generator.StoryOf(CorpusGenerator.SerialOf(storyFirst));
                var key = (Math.Min(gap / 7, 8), Math.Min(shared, 12), right);
                far[key] = far.GetValueOrDefault(key) + 1;
            },
        }.Run(context);
        foreach (var ((gap, shared, right), count) in far.OrderBy(x => x.Key)) Console.WriteLine($"FAR weeks {gap} shared {shared} right {right}: {count}");
        watch.Stop();
        var gcInfo = GC.GetGCMemoryInfo();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var d = Derivations(generator, context, showFalse);
        var (bp, br, bf) = BCubed(generator, context);
        if (args.Contains("--show-merged")) ShowMerged(generator, context);
        // What the output alone holds (relations with their evidence excerpts, stories): the stages' working memory is the rest.
        var live = GC.GetTotalMemory(forceFullCollection: true);

        var n = generator.Count;
        var truthEdges = 0;
        for (var i = 0; i < n; i++) if (generator.SourceOf(i) >= 0) truthEdges++;
        Console.WriteLine($"documents            {n:N0} ({generator.StoryCount:N0} stories, {truthEdges:N0} derivations; generated and spilled to disk in {spill.Elapsed.TotalSeconds:F1} s, {reader.SpillBytes / 1e6:N0} MB)");
        Console.WriteLine($"derivations          predicted {d.Predicted:N0}  P {d.P:F3}  R {d.R:F3}  F1 {d.F:F3}  direction {d.Direction:F3}  (false within one story: {d.SameStoryFalse:N0})");
        Console.WriteLine($"stories              predicted {context.Stories.Count:N0}  B3 P {bp:F3}  R {br:F3}  F1 {bf:F3}");
        Console.WriteLine($"time                 provenance {provenance.TotalSeconds:F2} s, total {watch.Elapsed.TotalSeconds:F2} s, {n / watch.Elapsed.TotalSeconds:N0} docs/s");
        var relations = context.Relations.Count;
        context.Relations.Clear();
        context.Relations.TrimExcess();
        var withoutRelations = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"memory               peak working set {peak / 1e6:N0} MB, GC heap high {gcInfo.HeapSizeBytes / 1e6:N0} MB, allocated {GC.GetTotalAllocatedBytes() / 1e6:N0} MB");
        Console.WriteLine($"                     output held after linking {live / 1e6:N0} MB, of which {relations:N0} relations with evidence {(live - withoutRelations) / 1e6:N0} MB");
        return 0;
    }

    private readonly record struct Scores(double P, double R, double F, double Direction, int Predicted, int SameStoryFalse);

    /// <summary>
    /// Precision: predicted derivation edges whose ends are in the same truth family. Recall: truth edges whose ends
    /// the predicted edges connect (transitively). Direction: of predicted edges that are truth edges, the share with the right direction.
    /// </summary>
    private static Scores Derivations(CorpusGenerator generator, CorpusContext context, int showFalse)
    {
        var n = generator.Count;
        var parent = new int[n];
        for (var i = 0; i < n; i++) parent[i] = i;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        int predicted = 0, correct = 0, directed = 0, directedRight = 0, sameStoryFalse = 0, wrongShown = 0;
        foreach (var relation in context.Relations)
        {
            if (relation.Kind == RelationKind.Cites || relation.To is null) continue;
            predicted++;
            var from = CorpusGenerator.SerialOf(relation.From);
            var to = CorpusGenerator.SerialOf(relation.To);
            if (generator.FamilyOf(from) == generator.FamilyOf(to)) correct++;
            else if (generator.StoryOf(from) != generator.StoryOf(to) && showFalse < 0) Show(context, relation);
            else if (generator.StoryOf(from) == generator.StoryOf(to) && sameStoryFalse++ < showFalse) Show(context, relation);
            var (a, b) = (Find(from), Find(to));
            if (a != b) parent[a] = b;
            if (generator.SourceOf(from) == to) { directed++; directedRight++; }
            else if (generator.SourceOf(to) == from && directed++ >= 0 && wrongShown++ < showFalse) Show(context, relation);
        }
        int found = 0, edges = 0;
        for (var i = 0; i < n; i++)
        {
            if (generator.SourceOf(i) < 0) continue;
            edges++;
            if (Find(i) == Find(generator.SourceOf(i))) found++;
        }
        var p = predicted == 0 ? 1 : correct / (double)predicted;
        var r = edges == 0 ? 1 : found / (double)edges;
        return new Scores(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), directed == 0 ? 0 : directedRight / (double)directed, predicted, sameStoryFalse);
    }

    private static void Show(CorpusContext context, Relation relation)
    {
        Console.WriteLine($"FALSE {relation.Kind} {relation.Score}");
        foreach (var e in relation.Evidence) Console.WriteLine($"   {e.From.Excerpt}\n   <= {e.To.Excerpt}");
        Console.WriteLine(context.Corpus.FindDocument(relation.From)!.Text);
        Console.WriteLine("-----");
        Console.WriteLine(context.Corpus.FindDocument(relation.To!)!.Text);
    }

    /// <summary>Diagnostics: the first few predicted stories that mix truth stories, with each document's title and date.</summary>
    private static void ShowMerged(CorpusGenerator generator, CorpusContext context)
    {
        var shown = 0;
        foreach (var story in context.Stories)
        {
            var truths = new HashSet<int>();
            foreach (var d in story.Documents) truths.Add(generator.StoryOf(CorpusGenerator.SerialOf(d)));
            if (truths.Count < 2 || shown++ >= 6) continue;
            Console.WriteLine($"MERGED {story.Documents.Count} docs from {truths.Count} stories");
            foreach (var d in story.Documents)
            {
                var document = context.Corpus.FindDocument(d)!;
                Console.WriteLine($"   {generator.StoryOf(CorpusGenerator.SerialOf(d))} {document.Published?.Earliest} {document.Title}");
            }
        }
    }

    /// <summary>B-cubed precision and recall (Bagga and Baldwin 1998) of the stories against the generated ones.</summary>
    private static (double P, double R, double F) BCubed(CorpusGenerator generator, CorpusContext context)
    {
        var n = generator.Count;
        var predictedOf = new int[n];
        Array.Fill(predictedOf, -1);
        for (var s = 0; s < context.Stories.Count; s++)
            foreach (var d in context.Stories[s].Documents) predictedOf[CorpusGenerator.SerialOf(d)] = s;
        // Unclustered documents are stories of their own: labels below -1 that no story uses.
        var items = new (int Truth, int Predicted)[n];
        for (var i = 0; i < n; i++) items[i] = (generator.StoryOf(i), predictedOf[i] >= 0 ? predictedOf[i] : -1 - i);
        var score = Triangulate.Link.Evaluation.BCubed.Score(items);
        return (score.Precision, score.Recall, score.F1);
    }
}
