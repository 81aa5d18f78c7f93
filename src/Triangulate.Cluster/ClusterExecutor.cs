using System.Security.Cryptography;
using System.Text;
using Triangulate.Link.Provenance;

namespace Triangulate.Cluster;

/// <summary>
/// Runs the pipeline's parallel work on an Orleans cluster: each batch of documents on a <see cref="IDocumentBatchGrain"/>,
/// each story on its <see cref="IStoryGrain"/>, the provenance candidate index on <paramref name="candidateShards"/>
/// <see cref="ICandidateShardGrain"/>s (0: on the client). Every call is idempotent, so one that fails because its silo
/// died (or its reply was lost) is sent again and lands on a live silo: Orleans re-activates the grain there once
/// membership has declared the old silo dead.
/// </summary>
public sealed class ClusterExecutor(IGrainFactory grains, int batchesInFlight = 16, int storiesInFlight = 64, int candidateShards = ClusterExecutor.DefaultCandidateShards) : IPipelineExecutor, IDisposable
{
    /// <summary>
    /// Shards of the candidate index: enough to spread its keys over many workers, few enough that a batch of 128
    /// documents (about a hundred keys each) gives every shard a slice worth a call. Any count reads the same stored
    /// postings: a key's shard is not stored, only its postings.
    /// </summary>
    public const int DefaultCandidateShards = 64;

    /// <summary>
    /// Tries per call. A silo killed mid-call fails its calls at once (connection lost) or at the response timeout; it
    /// takes membership a few probe periods to declare it dead, so the tries are spaced out over about a minute.
    /// </summary>
    private const int Attempts = 12;

    private readonly SemaphoreSlim _stories = new(Math.Max(1, storiesInFlight));

    /// <summary>Calls that failed on a silo and were sent again: for logs and tests.</summary>
    public int Retries => _retries;

    private int _retries;
    private int _replays;
    private int _sessions;

    /// <summary>Times a candidate shard had lost its session's calls (its silo died) and was sent them again: for logs and tests.</summary>
    public int ShardReplays => _replays;

    /// <summary>Link parts whose candidate index was kept in shards: for logs and tests.</summary>
    public int ShardSessions => _sessions;

    /// <inheritdoc />
    public ICandidateShards? OpenCandidateShards(bool fresh)
    {
        if (candidateShards <= 0) return null;
        Interlocked.Increment(ref _sessions);
        return new ClusterCandidateShards(this, grains, candidateShards, fresh);
    }

    /// <summary>The shards the candidate index is kept in (0: on the client).</summary>
    public int CandidateShards => Math.Max(0, candidateShards);

    internal void CountReplay() => Interlocked.Increment(ref _replays);

    private long _shardBatches, _shardCalls, _shardWait;

    /// <summary>
    /// The candidate searches on the shards so far: batches of documents searched, calls made (a batch calls each shard
    /// that owns one of its keys) and the client's time waiting for the answers.
    /// </summary>
    public (long Batches, long Calls, TimeSpan Waiting) ShardTimings =>
        (Interlocked.Read(ref _shardBatches), Interlocked.Read(ref _shardCalls), TimeSpan.FromTicks(Interlocked.Read(ref _shardWait)));

    internal void CountShardBatch(int calls, TimeSpan waiting)
    {
        Interlocked.Increment(ref _shardBatches);
        Interlocked.Add(ref _shardCalls, calls);
        Interlocked.Add(ref _shardWait, waiting.Ticks);
    }

    private readonly Lock _timingLock = new();
    private StoryTimings _storyTimings = new(0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
    private BatchTimings _batchTimings = new(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The story calls so far, summed: where the story phase spends its time on the workers and between.</summary>
    public StoryTimings StoryTimings
    {
        get
        {
            lock (_timingLock) return _storyTimings;
        }
    }

    /// <inheritdoc />
    public int BatchesInFlight { get; } = Math.Max(1, batchesInFlight);

    /// <summary>The batch calls so far, summed: where the document phase spends its time on the workers and between.</summary>
    public BatchTimings BatchTimings
    {
        get
        {
            lock (_timingLock) return _batchTimings;
        }
    }

    /// <inheritdoc />
    public async Task<DocumentBatchResult> AnalyzeBatchAsync(IReadOnlyList<ArrivedDocument> batch, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var grain = grains.GetGrain<IDocumentBatchGrain>(BatchKey(batch));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var reply = await Retry(() => grain.Analyze(batch), cancellation).ConfigureAwait(false);
        var roundTrip = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        lock (_timingLock)
        {
            _batchTimings = _batchTimings.Plus(reply, roundTrip);
        }
        return reply.ToResult();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoryOutcome>> AnalyzeStoriesAsync(IReadOnlyList<StoryWork> stories, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var calls = new Task<StoryOutcome>[stories.Count];
        // The largest first, as one process runs them: the throttle lets calls through in the order they wait, and a
        // large story sent last would run alone at the end.
        foreach (var i in Enumerable.Range(0, stories.Count).OrderByDescending(i => stories[i].Story.Documents.Count).ThenBy(i => i))
            calls[i] = Throttled(stories[i], cancellation);
        return await Task.WhenAll(calls).ConfigureAwait(false);
    }

    private async Task<StoryOutcome> Throttled(StoryWork work, CancellationToken cancellation)
    {
        await _stories.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var grain = grains.GetGrain<IStoryGrain>(work.Story.Id);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var reply = await Retry(() => grain.Analyze(work), cancellation).ConfigureAwait(false);
            var roundTrip = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            lock (_timingLock)
            {
                var t = _storyTimings;
                _storyTimings = new StoryTimings(t.Calls + 1, t.Reused + (reply.Reused ? 1 : 0), t.Read + reply.Read, t.Compute + reply.Compute, t.RoundTrip + roundTrip);
            }
            return reply.ToOutcome();
        }
        finally
        {
            _stories.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stories.Dispose();

    /// <summary>A batch's grain key: the hash of its documents' hashes and places, so the same batch is always the same grain.</summary>
    internal static string BatchKey(IReadOnlyList<ArrivedDocument> batch)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (document, arrival) in batch) hash.AppendData(Encoding.ASCII.GetBytes($"{document.Sha256} {arrival}\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Runs <paramref name="call"/>, again when it fails for a cluster reason (up to 12 tries over about a minute).</summary>
    internal async Task<T> Retry<T>(Func<Task<T>> call, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < Attempts && IsTransient(e))
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(10_000, 250 * (1 << Math.Min(attempt, 6)))), cancellation).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A failure of the cluster, not of the work: a silo gone, a connection lost, a reply that did not come. What the
    /// pipeline itself throws (a worker configured otherwise) is not retried.
    /// </summary>
    private static bool IsTransient(Exception e) => e is OrleansException or TimeoutException;
}
