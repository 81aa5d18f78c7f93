using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;
using Triangulate.Cluster;
using Triangulate.Store;

namespace Triangulate.Tests.Unit.Cluster;

/// <summary>
/// Silos in this process (Orleans' TestingHost, in-memory membership) working on one store, a client of them, and the
/// dossier a run writes; and the single-process run to compare with.
/// </summary>
internal sealed class ClusterRun : IAsyncDisposable
{
    private const string StoreKey = "Triangulate:Store";
    private const string FailingKey = "Triangulate:FailingStoryStage";

    private ClusterRun(TestCluster cluster, string store)
    {
        Cluster = cluster;
        Store = store;
    }

    public TestCluster Cluster { get; }

    /// <summary>The store file the silos and the client share.</summary>
    public string Store { get; }

    /// <summary>Starts <paramref name="silos"/> silos over <paramref name="store"/>; with <paramref name="failing"/>, their pipelines end with <see cref="FailingStoryStage"/>.</summary>
    public static async Task<ClusterRun> StartAsync(int silos, string store, bool failing = false)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.Properties[StoreKey] = store;
        builder.Properties[FailingKey] = failing ? "yes" : "no";
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ClusterRun(cluster, store);
    }

    /// <summary>Analyses <paramref name="inputs"/> into the shared store through <paramref name="executor"/>; returns the JSON dossier.</summary>
    public string Analyze(IEnumerable<string> inputs, IPipelineExecutor executor, string folder) => AnalyzeOn(Store, inputs, executor, folder);

    /// <summary>Analyses <paramref name="inputs"/> into the store the workers share, <paramref name="shared"/> (a SQLite file or a PostgreSQL connection string), through <paramref name="executor"/>; returns the JSON dossier.</summary>
    public static string AnalyzeOn(string shared, IEnumerable<string> inputs, IPipelineExecutor executor, string folder)
    {
        var pipeline = PipelineBuilder.CreateDefault().Build();
        using var store = StoreFactory.Open(shared);
        var summary = pipeline.Analyze(inputs, store, executor);
        Assert.Empty(summary.FailedStages);
        return Dossier(pipeline, store, folder);
    }

    /// <summary>The corpus's first and second half, as two JSONL files in <paramref name="temp"/>: a corpus added in two runs.</summary>
    public static (string First, string Second) Halves(string corpus, Triangulate.Tests.Support.TempFolder temp)
    {
        var lines = File.ReadAllLines(corpus);
        var first = temp.File("first.jsonl");
        var second = temp.File("second.jsonl");
        File.WriteAllLines(first, lines[..(lines.Length / 2)]);
        File.WriteAllLines(second, lines[(lines.Length / 2)..]);
        return (first, second);
    }

    /// <summary>The JSON dossier of one process analysing <paramref name="inputs"/> into a fresh store.</summary>
    public static string AnalyzeInProcess(IEnumerable<string> inputs, string store, string folder)
    {
        var pipeline = PipelineBuilder.CreateDefault().Build();
        using var opened = SqliteStore.Open(store);
        Assert.Empty(pipeline.Analyze(inputs, opened).FailedStages);
        return Dossier(pipeline, opened, folder);
    }

    private static string Dossier(Pipeline pipeline, IStore store, string folder) =>
        File.ReadAllText(Assert.Single(pipeline.WriteReports(store, folder, ["json"], DateTimeOffset.UnixEpoch)));

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var failing = siloBuilder.Configuration[FailingKey] == "yes";
            siloBuilder.AddTriangulateWorker(siloBuilder.Configuration[StoreKey]!, b =>
            {
                if (failing) b.StoryStages.Add(new FailingStoryStage());
            });
            // A killed silo is declared dead within seconds (the defaults take about a minute): the test waits less.
            siloBuilder.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddTriangulateClient();
    }
}

/// <summary>A story stage that always throws.</summary>
internal sealed class FailingStoryStage : ICorpusStage
{
    public string Name => "exploding";

    public void Run(CorpusContext context) => throw new InvalidOperationException("index out of range\nsecond line");
}
