using System.Diagnostics;
using System.Globalization;
using Triangulate.Link;
using Triangulate.Link.Provenance;
using Triangulate.Link.Stories;
using Triangulate.Report;
using Triangulate.Store;

namespace Triangulate.Bench;

/// <summary>
/// <c>corpus-profile --db FILE [--sample N] [--reports] [--alloc]</c>: where the corpus-wide stages spend their time on an analysed store
/// (issue 16). Runs the provenance and stories stages as the pipeline does, over a reader that times the store's part
/// (streaming every analysis, single-document lookups); then takes provenance apart step by step: profiling each
/// document, its summary, the candidate search, and for a sample of candidate pairs the store lookup, the profile
/// rebuild and the alignment (<see cref="ProvenanceLinker.Judge"/>). The candidate search here is a timed copy of the
/// stage's (the stage is one method; src/ is not changed for a benchmark): its pair count is checked against the
/// stage's own lookups. With <c>--reports</c> it times the whole-store dossier instead: loading the stored results, then
/// each report writer alone (to a null stream). With <c>--alloc</c> it runs the two stages only (with <c>--reports</c>, the
/// writers), and prints the bytes each allocates and the types they go to (<see cref="AllocationSampler"/>). Read-only: the store is not written.
/// </summary>
internal static class CorpusStageProfile
{
    public static int Run(string[] args)
    {
        string? db = null;
        var sample = 2000;
        var reports = args.Contains("--reports");
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--db") db = args[i + 1];
            if (args[i] == "--sample") sample = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }
        if (db is null || !File.Exists(db))
        {
            Console.Error.WriteLine("usage: corpus-profile --db FILE [--sample N]   (an analysed store; it is only read)");
            return 2;
        }
        using var store = SqliteStore.Open(db);
        var timed = new TimedCorpusReader(store);
        Console.WriteLine($"store: {db}, {store.DocumentCount} documents");
        if (reports)
        {
            using var reportSampler = args.Contains("--alloc") ? new AllocationSampler() : null;
            Reports(store, reportSampler);
            reportSampler?.Print(top: 20);
            return 0;
        }

        if (args.Contains("--alloc"))
        {
            using var sampler = new AllocationSampler();
            var linking = new CorpusContext(store);
            sampler.Measure("provenance", () => new ProvenanceLinker().Run(linking));
            sampler.Measure("stories", () => new StoryClusterer().Run(linking));
            sampler.Print(top: 20);
            return 0;
        }
        var context = new CorpusContext(timed);
        Stage(new ProvenanceLinker(), context, timed);
        Console.WriteLine($"  derivations and citations: {context.Relations.Count}");
        Stage(new StoryClusterer(), context, timed);
        Console.WriteLine($"  stories: {context.Stories.Count}");

        var pairs = ProvenanceBreakdown(timed);
        VerifyBreakdown(timed, pairs, sample);
        return 0;
    }

    private static void Stage(ICorpusStage stage, CorpusContext context, TimedCorpusReader timed)
    {
        timed.Reset();
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        stage.Run(context);
        var total = clock.Elapsed.TotalSeconds;
        cpu = Cpu() - cpu;
        var own = total - timed.Streaming.TotalSeconds - timed.Lookups.TotalSeconds;
        Console.WriteLine($"{stage.Name}: {total:F2} s = streaming {timed.Streamed} analyses {timed.Streaming.TotalSeconds:F2} s"
            + $" + {timed.LookupCount} lookups {timed.Lookups.TotalSeconds:F2} s + the stage's own work {own:F2} s (process CPU {cpu:F2} s)");
    }

    /// <summary>The whole-store dossier: the story list and problems read once, then each writer streaming from the store.</summary>
    /// <remarks>With a sampler, the bytes each writer allocates and the types they go to.</remarks>
    private static void Reports(SqliteStore store, AllocationSampler? sampler)
    {
        var pipeline = PipelineBuilder.CreateDefault().Build();
        var source = new DossierSource(store, DateTimeOffset.UtcNow);
        Timed("load the story list", () => _ = source.Stories.Count);
        Timed("load problems", () => _ = source.Problems.Count);
        foreach (var format in new[] { "json", "md", "html" })
            Timed($"write {format}", () =>
            {
                if (sampler is null) pipeline.FindWriter(format)!.Write(source, Stream.Null);
                else sampler.Measure(format, () => pipeline.FindWriter(format)!.Write(source, Stream.Null));
            });
    }

    private static void Timed(string what, Action action)
    {
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        action();
        Console.WriteLine($"  {what}: {clock.Elapsed.TotalSeconds:F2} s (process CPU {Cpu() - cpu:F2} s)");
    }

    /// <summary>The stage's first pass, timed step by step; returns the candidate pairs (later, earlier) and the documents' ids.</summary>
    private static (List<(string Later, string Earlier)> Pairs, List<string> Ids) ProvenanceBreakdown(TimedCorpusReader timed)
    {
        timed.Reset();
        var profiling = new Stopwatch();
        var summarising = new Stopwatch();
        var searching = new Stopwatch();
        var ids = new List<string>();
        var pairs = new List<(string Later, string Earlier)>();
        var byKey = new Dictionary<long, string>();
        var search = new Link.Provenance.CandidateIndex();
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        foreach (var (document, analysis) in timed.ReadAnalyses())
        {
            profiling.Start();
            var profile = TextProfile.Build(document);
            profiling.Stop();
            summarising.Start();
            _ = DocumentSummary.Of(document, analysis, strings);
            summarising.Stop();
            searching.Start();
            var key = Link.LinkCodec.DocumentKey(document.Id);
            ids.Add(document.Id);
            byKey[key] = document.Id;
            foreach (var other in search.Add(profile, key)) pairs.Add((document.Id, byKey[other]));
            searching.Stop();
        }
        var n = ids.Count;
        Console.WriteLine($"provenance, first pass: {clock.Elapsed.TotalSeconds:F2} s over {n} documents (process CPU {Cpu() - cpu:F2} s)");
        Console.WriteLine($"  streaming analyses from the store: {timed.Streaming.TotalSeconds:F2} s ({Per(timed.Streaming.TotalSeconds, n)})");
        Console.WriteLine($"  text profiles (shingles, MinHash, keys): {profiling.Elapsed.TotalSeconds:F2} s ({Per(profiling.Elapsed.TotalSeconds, n)})");
        Console.WriteLine($"  summaries: {summarising.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"  candidate search: {searching.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"  candidate pairs: {pairs.Count} ({pairs.Count / (double)Math.Max(1, n):F1} a document; from exact body {search.FromExact}, LSH {search.FromBuckets}, rare keys {search.FromAnchors}, before merging)");
        return (pairs, ids);
    }

    /// <summary>
    /// The verify pass on a sample of the candidate pairs (every k-th, so the sample spans the store): the store lookup
    /// and profile rebuild of the earlier document (the stage caches 256 profiles and clears the cache when full, so at
    /// scale nearly every pair rebuilds one: its candidates are spread over the whole id order), and the judgment.
    /// </summary>
    private static void VerifyBreakdown(TimedCorpusReader timed, (List<(string Later, string Earlier)> Pairs, List<string> Ids) found, int sample)
    {
        var (pairs, _) = found;
        if (pairs.Count == 0) return;
        var step = Math.Max(1, pairs.Count / Math.Max(1, sample));
        var lookup = new Stopwatch();
        var rebuild = new Stopwatch();
        var judge = new Stopwatch();
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        int measured = 0, derived = 0;
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < pairs.Count; i += step)
        {
            var (later, earlier) = pairs[i];
            lookup.Start();
            var a = timed.FindDocument(later);
            var b = timed.FindDocument(earlier);
            lookup.Stop();
            var aa = timed.FindAnalysis(later);
            var ab = timed.FindAnalysis(earlier);
            if (a is null || b is null || aa is null || ab is null) continue;
            rebuild.Start();
            var pa = TextProfile.Build(a, signature: false);
            var pb = TextProfile.Build(b, signature: false);
            rebuild.Stop();
            var sa = DocumentSummary.Of(a, aa, strings);
            var sb = DocumentSummary.Of(b, ab, strings);
            judge.Start();
            if (ProvenanceLinker.Judge(sa, pa, sb, pb) is not null) derived++;
            judge.Stop();
            measured++;
        }
        if (measured == 0) return;
        // Per pair: one document lookup and one profile rebuild (the earlier document's; the later one's is shared by its pairs).
        double Each(Stopwatch watch, int per) => watch.Elapsed.TotalSeconds / measured / per;
        var lookupEach = Each(lookup, 2);
        var rebuildEach = Each(rebuild, 2);
        var judgeEach = Each(judge, 1);
        Console.WriteLine($"provenance, verify pass, {measured} of {pairs.Count} pairs measured ({derived} judged derived), {clock.Elapsed.TotalSeconds:F2} s (process CPU {Cpu() - cpu:F2} s):");
        Console.WriteLine($"  per pair: store lookup of a document {lookupEach * 1e3:F2} ms, profile rebuild {rebuildEach * 1e3:F2} ms, judgment {judgeEach * 1e3:F2} ms");
        Console.WriteLine($"  over all pairs, at most: lookups {pairs.Count * lookupEach:F1} s, rebuilds {pairs.Count * rebuildEach:F1} s, judgments {pairs.Count * judgeEach:F1} s");
    }

    /// <summary>CPU seconds of the whole process: on a shared machine wall time counts waiting for a core too.</summary>
    private static double Cpu() => Environment.CpuUsage.TotalTime.TotalSeconds;

    private static string Per(double seconds, int n) => $"{seconds / Math.Max(1, n) * 1e3:F2} ms a document";
}
