using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Triangulate.Store;

namespace Triangulate.Cluster;

/// <summary>
/// What a silo's grains share: the pipeline (built once: language models and lexicons are large) and the store that
/// client and workers all read and write. One per silo, disposed with it.
/// </summary>
public sealed class Worker : IDisposable
{
    private readonly Lazy<IStore> _store;

    /// <summary>A worker over the store at <paramref name="store"/>, with the standard pipeline changed by <paramref name="configure"/>.</summary>
    public Worker(string store, Action<PipelineBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var builder = PipelineBuilder.CreateDefault();
        configure?.Invoke(builder);
        Pipeline = builder.Build();
        Location = store;
        _store = new Lazy<IStore>(() => OpenStore(store), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Where the shared store is.</summary>
    public string Location { get; }

    /// <summary>The pipeline the grains run.</summary>
    public Pipeline Pipeline { get; }

    /// <summary>The shared store, opened on first use.</summary>
    public IStore Store => _store.Value;

    /// <summary>
    /// Analyses one batch of documents and saves it into <paramref name="store"/> when its writers save side by side
    /// (<see cref="IStore.ConcurrentWriters"/>: a PostgreSQL server); into a store whose writers take turns (one SQLite
    /// file) it returns the encoded rows unsaved, for the client's one writer (unless they are larger than
    /// <see cref="MaxReplyBytes"/>): what a batch grain does.
    /// </summary>
    /// <remarks>
    /// Why: three workers each saving into one file took turns on its write lock, and each transaction began on a page
    /// cache the others' commits had made stale: at 20,000 articles the transactions filled the document phase, 1.6 times
    /// as long each as one writer's (docs/benchmarks.md, session 35). The reply also times the analysis, the encoding and
    /// the save, and counts the save's store waits (<see cref="StoreWaits"/>: the save runs on this thread).
    /// </remarks>
    public BatchReply AnalyzeBatch(IReadOnlyList<ArrivedDocument> batch, IStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (encoded, problems, analysis, encode) = Pipeline.EncodeBatchTimed(batch);
        if (!store.ConcurrentWriters && encoded.Sum(e => (long)e.Size) <= MaxReplyBytes)
            return new BatchReply(new DocumentBatchResult(0, problems), analysis, TimeSpan.Zero, Encode: encode) { Rows = [.. encoded.Select(EncodedRow.Of)] };
        var before = StoreWaits.Thread;
        var saving = System.Diagnostics.Stopwatch.GetTimestamp();
        if (encoded.Length > 0) store.Save(encoded);
        var save = System.Diagnostics.Stopwatch.GetElapsedTime(saving);
        var waits = StoreWaits.Thread - before;
        return new BatchReply(new DocumentBatchResult(encoded.Length, problems), analysis, save, waits.Busy, waits.BusyTime, encode, waits.Writer, waits.WriterTime);
    }

    /// <summary>
    /// The most bytes of encoded rows a batch sends back; a batch of larger documents is saved here instead, taking its
    /// turn on the store's write lock. Orleans closes the connection that carries a message body over 100 MB
    /// (<c>MessagingOptions.MaxMessageBodySize</c>); a generated article's rows are about 8 KB (64 a batch: half a megabyte).
    /// </summary>
    public long MaxReplyBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// Runs the story stages on one story, reading its documents from <paramref name="store"/>: what a story grain does;
    /// with the time spent in store reads (thread time) and in all.
    /// </summary>
    public (StoryOutcome Outcome, TimeSpan Read, TimeSpan Compute) AnalyzeStory(StoryWork work, IStore store)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var corpus = new TimedCorpusReader(store);
        var outcome = Pipeline.AnalyzeStory(work, corpus);
        return (outcome, corpus.Spent, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Opens the shared store. The one place the cluster opens a store: when the PostgreSQL store lands, a store
    /// location may be a server URL, and this becomes the store factory's call.
    /// </summary>
    public static IStore OpenStore(string location) => StoreFactory.Open(location);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
    }
}

/// <summary>Registers a silo's <see cref="Worker"/> and the serialization of the library's records.</summary>
public static class WorkerRegistration
{
    /// <summary>Makes this silo a Triangulate worker over the store at <paramref name="store"/>.</summary>
    public static ISiloBuilder AddTriangulateWorker(this ISiloBuilder silo, string store, Action<PipelineBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton(_ => new Worker(store, configure));
        silo.Services.AddSerializer(serializer => serializer.AddTriangulateTypes());
        return silo;
    }

    /// <summary>Makes this silo the Triangulate worker <paramref name="worker"/> (built by the caller, who then owns it).</summary>
    public static ISiloBuilder AddTriangulateWorker(this ISiloBuilder silo, Worker worker)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton(worker);
        silo.Services.AddSerializer(serializer => serializer.AddTriangulateTypes());
        return silo;
    }
}

/// <summary>Registers what a client of the cluster needs: the serialization of the library's records.</summary>
public static class ClientRegistration
{
    /// <summary>Lets this client send the library's records to Triangulate workers.</summary>
    public static IClientBuilder AddTriangulateClient(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Services.AddSerializer(serializer => serializer.AddTriangulateTypes());
        return client;
    }
}
