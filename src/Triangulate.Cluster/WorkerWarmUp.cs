using Triangulate.Store;

namespace Triangulate.Cluster;

/// <summary>
/// Runs a worker's grains' code over a small synthetic corpus (<see cref="WarmUpSample"/>) into a throwaway store
/// before the worker joins, as <c>serve</c> renders pages before it listens: a fresh runtime runs new code
/// unoptimised (Tier 0) until it has seen it called often, and three fresh workers on one machine spent the first
/// run's document and story phases compiling and running the pipeline at Tier 0 (docs/benchmarks.md, "Where a cold
/// cluster's CPU goes"). The analysis runs through <see cref="Worker.AnalyzeBatch"/> and
/// <see cref="Worker.AnalyzeStory"/>, the grains' own calls, so the code compiled is the code the work will run.
/// </summary>
public static class WorkerWarmUp
{
    /// <summary>Stories of the sample (six articles each): enough for the hot per-token and per-sentence code to pass the tier-1 call count.</summary>
    public const int DefaultStories = 8;

    /// <summary>Analyses the sample with <paramref name="worker"/>'s pipeline into a temporary store, removed after; what it did.</summary>
    public static AnalysisSummary Run(Worker worker, int stories = DefaultStories)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var folder = Directory.CreateTempSubdirectory("triangulate-warm-up-");
        try
        {
            var input = Path.Combine(folder.FullName, "sample.jsonl");
            File.WriteAllLines(input, WarmUpSample.Articles(stories, seed: 1));
            using var store = StoreFactory.Open(Path.Combine(folder.FullName, "warm-up.db"));
            return worker.Pipeline.Analyze([input], store, new LocalExecutor(worker, store));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs the batches and stories on this process's threads, through the worker's grain calls, over <paramref name="store"/>.</summary>
    private sealed class LocalExecutor(Worker worker, IStore store) : IPipelineExecutor
    {
        public int BatchesInFlight => 2;

        public Task<DocumentBatchResult> AnalyzeBatchAsync(IReadOnlyList<ArrivedDocument> batch, CancellationToken cancellation) =>
            Task.Run(() => worker.AnalyzeBatch(batch, store).ToResult(), cancellation);

        public async Task<IReadOnlyList<StoryOutcome>> AnalyzeStoriesAsync(IReadOnlyList<StoryWork> stories, CancellationToken cancellation) =>
            await Task.WhenAll(stories.Select(work => Task.Run(() => worker.AnalyzeStory(work, store).Outcome, cancellation))).ConfigureAwait(false);
    }
}
