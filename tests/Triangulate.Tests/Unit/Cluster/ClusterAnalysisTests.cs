using Triangulate.CorpusGen;
using Triangulate.Tests.Support;
using Triangulate.Cluster;

namespace Triangulate.Tests.Unit.Cluster;

/// <summary>
/// The pipeline on a cluster of silos (documents in batches on batch grains, each story on its story grain) writes the
/// dossier one process writes, also when silos are killed mid-run: their calls are sent again, the grains re-activated
/// on a live silo, and nothing is lost or stored twice.
/// </summary>
public sealed class ClusterAnalysisTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TheExampleAnalysedOnTwoSilosGivesTheSingleProcessDossier()
    {
        var expected = ClusterRun.AnalyzeInProcess([TestPaths.KurskExample], _temp.File("single.db"), _temp.File("single"));
        await using var run = await ClusterRun.StartAsync(2, _temp.File("cluster.db"));
        using var executor = new ClusterExecutor(run.Cluster.Client);
        var actual = run.Analyze([TestPaths.KurskExample], executor, _temp.File("cluster"));
        Assert.Contains("\"stories\"", actual, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task AGeneratedCorpusAnalysedOnThreeSilosGivesTheSingleProcessDossier()
    {
        var corpus = Generate();
        var expected = ClusterRun.AnalyzeInProcess([corpus], _temp.File("single.db"), _temp.File("single"));
        await using var run = await ClusterRun.StartAsync(3, _temp.File("cluster.db"));
        using var executor = new ClusterExecutor(run.Cluster.Client, batchesInFlight: 4);
        var actual = run.Analyze([corpus], executor, _temp.File("cluster"));
        Assert.Equal(expected, actual);
        Assert.Equal(0, executor.Retries);
        // The candidate index was kept in shards, for the run's one link part, and none lost its calls.
        Assert.Equal(1, executor.ShardSessions);
        Assert.Equal(0, executor.ShardReplays);
        // Every story was one call, timed on its worker; a call's round trip holds its worker's time.
        using var store = Triangulate.Store.SqliteStore.Open(run.Store);
        var timings = executor.StoryTimings;
        Assert.Equal(store.ReadStories().Count, timings.Calls);
        Assert.Equal(0, timings.Reused);
        Assert.True(timings.Compute > TimeSpan.Zero && timings.Read > TimeSpan.Zero, $"no worker time reported: {timings}");
        Assert.True(timings.RoundTrip >= timings.Compute, $"round trips shorter than the work: {timings}");
        // Every batch was one call (the pipeline sends 64 documents a batch), its analysis and encoding timed on its
        // worker, within its time there, within its round trip. Over one SQLite file the workers saved nothing: they
        // sent their rows back, and the client's one writer saved every document.
        var batches = executor.BatchTimings;
        Assert.Equal((store.DocumentCount + 63) / 64, batches.Calls);
        Assert.True(batches.Analysis > TimeSpan.Zero && batches.Encode > TimeSpan.Zero, $"no worker time reported: {batches}");
        Assert.Equal(TimeSpan.Zero, batches.Save);
        Assert.Equal(default, batches.Waits);
        Assert.True(batches.OnSilo >= batches.Queued + batches.Analysis + batches.Encode, $"time on the workers shorter than its parts: {batches}");
        Assert.True(batches.RoundTrip >= batches.OnSilo, $"round trips shorter than the time on the workers: {batches}");
    }

    [Fact]
    public async Task SilosKilledMidRunLoseAndDuplicateNothing()
    {
        var corpus = Generate();
        var expected = ClusterRun.AnalyzeInProcess([corpus], _temp.File("single.db"), _temp.File("single"));
        // A kill at a fixed point can find the silo holding no call (its calls came back first): the run then tests no
        // fault. Each run is checked; runs are repeated, on a fresh cluster and store, until one had calls sent again.
        var faulted = false;
        for (var attempt = 1; attempt <= 4 && !faulted; attempt++)
        {
            await using var run = await ClusterRun.StartAsync(3, _temp.File($"cluster{attempt}.db"));
            using var executor = new ClusterExecutor(run.Cluster.Client, batchesInFlight: 4);
            // One silo killed after the first batch came back (the others in flight), another after the first story did.
            var killing = new KillingExecutor(executor, run.Cluster.SecondarySilos[0], run.Cluster.SecondarySilos[1], run.Cluster);
            var actual = run.Analyze([corpus], killing, _temp.File($"cluster{attempt}"));
            Assert.Equal(2, killing.Kills);
            Assert.Equal(expected, actual);
            using var store = Triangulate.Store.SqliteStore.Open(run.Store);
            using var single = Triangulate.Store.SqliteStore.Open(_temp.File("single.db"));
            Assert.Equal(single.DocumentCount, store.DocumentCount);
            faulted = executor.Retries > 0;
        }
        Assert.True(faulted, "no call was in flight on a killed silo in four runs: the test did not test a fault");
    }

    [Fact]
    public async Task SilosKilledInQuickSuccessionAndRestartedLoseAndDuplicateNothing()
    {
        var corpus = Generate();
        var expected = ClusterRun.AnalyzeInProcess([corpus], _temp.File("single.db"), _temp.File("single"));
        await using var run = await ClusterRun.StartAsync(3, _temp.File("cluster.db"));
        using var executor = new ClusterExecutor(run.Cluster.Client, batchesInFlight: 4);
        // Four kills, each of a secondary silo with calls in flight and each followed by a fresh silo at once: after
        // the first, second and third batch came back, and after the first story; a silo started after one kill is
        // the next kill's victim when it is the oldest.
        using var killing = new RestartingKiller(executor, run.Cluster, afterBatches: [1, 2, 3], afterStories: [1]);
        var actual = run.Analyze([corpus], killing, _temp.File("cluster"));
        Assert.Equal(4, killing.Kills);
        Assert.True(executor.Retries > 0, "no call was in flight on a killed silo: the test did not test a fault");
        Assert.Equal(expected, actual);
        AssertStoredAsOneProcess(run.Store);
    }

    [Fact]
    public async Task ASiloKilledWhileTheCandidateShardsHoldAPartLosesAndDuplicatesNoPosting()
    {
        var corpus = Generate();
        var expected = ClusterRun.AnalyzeInProcess([corpus], _temp.File("single.db"), _temp.File("single"));
        await using var run = await ClusterRun.StartAsync(3, _temp.File("cluster.db"));
        using var executor = new ClusterExecutor(run.Cluster.Client, batchesInFlight: 4);
        // Killed after the first batch of candidate searches came back: the shards it held had added that batch's
        // documents, not yet saved; re-activated elsewhere, they start from the store and are sent the batch again.
        var killing = new ShardKillingExecutor(executor, run.Cluster, afterSearches: 1);
        var actual = run.Analyze([corpus], killing, _temp.File("cluster"));
        Assert.Equal(1, killing.Kills);
        Assert.True(executor.ShardReplays > 0, "no shard had lost its calls: the test did not test a fault");
        Assert.Equal(expected, actual);
        AssertStoredAsOneProcess(run.Store);
    }

    [Fact]
    public async Task ACorpusAddedInTwoRunsOnTheClusterReadsTheShardsPostingsBackFromTheStore()
    {
        // The second run's shards start from the postings the first run saved (their keys' link-state rows): without
        // them its documents would never meet the first run's, and relations and stories would differ.
        var corpus = Generate();
        var (first, second) = ClusterRun.Halves(corpus, _temp);
        ClusterRun.AnalyzeInProcess([first], _temp.File("single.db"), _temp.File("single1"));
        var expected = ClusterRun.AnalyzeInProcess([second], _temp.File("single.db"), _temp.File("single2"));
        await using var run = await ClusterRun.StartAsync(2, _temp.File("cluster.db"));
        using var executor = new ClusterExecutor(run.Cluster.Client, batchesInFlight: 4, candidateShards: 16);
        run.Analyze([first], executor, _temp.File("cluster1"));
        var actual = run.Analyze([second], executor, _temp.File("cluster2"));
        Assert.Equal(2, executor.ShardSessions);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task AStoryStageThatThrowsOnAWorkerFailsTheRunAsItDoesInProcess()
    {
        var builder = PipelineBuilder.CreateDefault();
        builder.StoryStages.Add(new FailingStoryStage());
        var pipeline = builder.Build();
        using var single = Triangulate.Store.SqliteStore.Open(_temp.File("single.db"));
        var expected = pipeline.Analyze([TestPaths.KurskExample], single);
        await using var run = await ClusterRun.StartAsync(2, _temp.File("cluster.db"), failing: true);
        using var executor = new ClusterExecutor(run.Cluster.Client);
        using var shared = Triangulate.Store.SqliteStore.Open(run.Store);
        var actual = pipeline.Analyze([TestPaths.KurskExample], shared, executor);

        var failure = Assert.Single(actual.FailedStages);
        Assert.Equal(Assert.Single(expected.FailedStages), failure);
        Assert.Equal("InvalidOperationException: index out of range second line (story " + Assert.Single(shared.ReadStories()).Id + ")", failure.Error);
        // The stack trace stored with the problem is the worker's.
        var problem = Assert.Single(shared.ReadProblems(), p => p.Source == "stage exploding");
        Assert.Contains(nameof(FailingStoryStage), problem.Error, StringComparison.Ordinal);
        // The story is kept without a fingerprint, so the next run analyses it again.
        Assert.Equal("", shared.ReadStoryFingerprints().Values.Single());
    }

    /// <summary>300 generated articles (about 45 stories) as one JSONL file.</summary>
    private string Generate()
    {
        var folder = _temp.File("corpus");
        new CorpusGenerator(new GeneratorOptions(300, 5, folder)).Run();
        return Path.Combine(folder, "corpus.jsonl");
    }

    /// <summary>Passes work on, and kills a silo right after the first batch and the first story came back.</summary>
    private sealed class KillingExecutor(ClusterExecutor inner, Orleans.TestingHost.SiloHandle duringDocuments, Orleans.TestingHost.SiloHandle duringStories, Orleans.TestingHost.TestCluster cluster) : IPipelineExecutor
    {
        private int _batches, _stories, _kills;

        public int Kills => _kills;

        public int BatchesInFlight => inner.BatchesInFlight;

        public async Task<DocumentBatchResult> AnalyzeBatchAsync(IReadOnlyList<ArrivedDocument> batch, CancellationToken cancellation)
        {
            var result = await inner.AnalyzeBatchAsync(batch, cancellation);
            if (Interlocked.Increment(ref _batches) == 1) await Kill(duringDocuments);
            return result;
        }

        public async Task<IReadOnlyList<StoryOutcome>> AnalyzeStoriesAsync(IReadOnlyList<StoryWork> stories, CancellationToken cancellation)
        {
            Assert.True(stories.Count > 10);
            var calls = stories.Select(async work =>
            {
                var outcome = Assert.Single(await inner.AnalyzeStoriesAsync([work], cancellation));
                if (Interlocked.Increment(ref _stories) == 1) await Kill(duringStories);
                return outcome;
            });
            return await Task.WhenAll(calls);
        }

        private async Task Kill(Orleans.TestingHost.SiloHandle silo)
        {
            await cluster.KillSiloAsync(silo);
            Interlocked.Increment(ref _kills);
        }
    }

    /// <summary>
    /// Passes work on; after <paramref name="afterSearches"/> batches of candidate searches came back from the shards,
    /// kills the oldest secondary silo.
    /// </summary>
    /// <summary>The cluster's store holds as many documents and stories as the single process's ("single.db").</summary>
    private void AssertStoredAsOneProcess(string clusterStore)
    {
        using var store = Triangulate.Store.SqliteStore.Open(clusterStore);
        using var single = Triangulate.Store.SqliteStore.Open(_temp.File("single.db"));
        Assert.Equal(single.DocumentCount, store.DocumentCount);
        Assert.Equal(single.ReadStories().Count, store.ReadStories().Count);
    }

    private sealed class ShardKillingExecutor(ClusterExecutor inner, Orleans.TestingHost.TestCluster cluster, int afterSearches) : IPipelineExecutor
    {
        private int _searches, _kills;

        public int Kills => _kills;

        public int BatchesInFlight => inner.BatchesInFlight;

        public Task<DocumentBatchResult> AnalyzeBatchAsync(IReadOnlyList<ArrivedDocument> batch, CancellationToken cancellation) => inner.AnalyzeBatchAsync(batch, cancellation);

        public Task<IReadOnlyList<StoryOutcome>> AnalyzeStoriesAsync(IReadOnlyList<StoryWork> stories, CancellationToken cancellation) => inner.AnalyzeStoriesAsync(stories, cancellation);

        private void Searched()
        {
            if (++_searches != afterSearches) return;
            // The victim is the secondary silo holding the most shards: placement (by activation counts, reported
            // now and then) may have put none on a given silo, and the fault under test is a shard's session lost.
            var statistics = cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics().GetAwaiter().GetResult();
            var shardsOn = statistics
                .Where(s => s.GrainType.Contains("candidateshard", StringComparison.OrdinalIgnoreCase))
                .GroupBy(s => s.SiloAddress)
                .ToDictionary(g => g.Key, g => g.Count());
            Assert.True(shardsOn.Count > 0, "the silos' statistics name no shard activation");
            var victim = cluster.SecondarySilos.OrderByDescending(s => shardsOn.GetValueOrDefault(s.SiloAddress)).First();
            cluster.KillSiloAsync(victim).GetAwaiter().GetResult();
            _kills++;
        }

        public Triangulate.Link.Provenance.ICandidateShards? OpenCandidateShards(bool fresh) =>
            inner.OpenCandidateShards(fresh) is { } shards ? new Killing(shards, this) : null;

        private sealed class Killing(Triangulate.Link.Provenance.ICandidateShards shards, ShardKillingExecutor owner) : Triangulate.Link.Provenance.ICandidateShards
        {
            public int Count => shards.Count;

            public IReadOnlyList<Triangulate.Link.Provenance.CandidateAnswer>[] Add(IReadOnlyList<Triangulate.Link.Provenance.CandidateKeys>?[] slices)
            {
                var answers = shards.Add(slices);
                owner.Searched();
                return answers;
            }

            public IReadOnlyList<Triangulate.Link.LinkStateRow> Changes() => shards.Changes();
        }
    }

    /// <summary>
    /// Passes work on; after the batches and stories numbered in <paramref name="afterBatches"/> and
    /// <paramref name="afterStories"/> came back, kills the oldest secondary silo and starts a fresh one in its place.
    /// </summary>
    private sealed class RestartingKiller(ClusterExecutor inner, Orleans.TestingHost.TestCluster cluster, int[] afterBatches, int[] afterStories) : IPipelineExecutor, IDisposable
    {
        private readonly SemaphoreSlim _killing = new(1);
        private int _batches, _stories, _kills;

        public int Kills => _kills;

        public int BatchesInFlight => inner.BatchesInFlight;

        public void Dispose() => _killing.Dispose();

        public async Task<DocumentBatchResult> AnalyzeBatchAsync(IReadOnlyList<ArrivedDocument> batch, CancellationToken cancellation)
        {
            var result = await inner.AnalyzeBatchAsync(batch, cancellation);
            if (afterBatches.Contains(Interlocked.Increment(ref _batches))) await KillAndRestart();
            return result;
        }

        public async Task<IReadOnlyList<StoryOutcome>> AnalyzeStoriesAsync(IReadOnlyList<StoryWork> stories, CancellationToken cancellation)
        {
            var calls = stories.Select(async work =>
            {
                var outcome = Assert.Single(await inner.AnalyzeStoriesAsync([work], cancellation));
                if (afterStories.Contains(Interlocked.Increment(ref _stories))) await KillAndRestart();
                return outcome;
            });
            return await Task.WhenAll(calls);
        }

        private async Task KillAndRestart()
        {
            await _killing.WaitAsync();
            try
            {
                // The primary silo holds the in-memory membership of the TestingHost: it is never the victim.
                var victim = cluster.SecondarySilos[0];
                await cluster.KillSiloAsync(victim);
                Interlocked.Increment(ref _kills);
                await cluster.StartAdditionalSiloAsync();
            }
            finally
            {
                _killing.Release();
            }
        }
    }
}
