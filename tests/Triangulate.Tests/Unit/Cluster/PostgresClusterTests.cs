using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Triangulate.Cluster;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Cluster;

/// <summary>
/// Workers that find each other through our PostgreSQL membership table on a real PostgreSQL
/// (<c>TRIANGULATE_TEST_POSTGRES</c>, which test.sh starts): the schema is made once however often and however
/// concurrently it is asked for, and two workers and a client give the single-process dossier.
/// </summary>
public sealed class PostgresClusterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [OrleansPostgresFact]
    public async Task TheSchemaIsCreatedOnceWhenWorkersStartTogether()
    {
        var connection = PostgresConnection.ConnectionString(OrleansPostgresFactAttribute.Location!);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ClusterSchema.EnsureAsync(connection)));
        await ClusterSchema.EnsureAsync(connection);
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename IN ('triangulate_cluster_version', 'triangulate_cluster_members')", db);
        Assert.Equal(2L, await count.ExecuteScalarAsync());
    }

    [OrleansPostgresFact]
    public async Task TwoWorkersWithPostgresMembershipGiveTheSingleProcessDossier()
    {
        var expected = ClusterRun.AnalyzeInProcess([TestPaths.KurskExample], _temp.File("single.db"), _temp.File("single"));
        // A cluster name of its own: the membership rows of earlier runs in the same database are not this cluster's.
        var name = "test-" + Guid.NewGuid().ToString("N")[..12];
        var location = OrleansPostgresFactAttribute.Location!;
        var store = _temp.File("cluster.db");
        using var first = new Worker(store);
        using var second = new Worker(store);
        using var one = await ClusterHosting.StartWorkerAsync(first, location, 0, name);
        using var two = await ClusterHosting.StartWorkerAsync(second, location, 0, name);
        using var client = await ClusterHosting.ConnectAsync(location, name);
        using var executor = new ClusterExecutor(client.Services.GetRequiredService<IClusterClient>());
        var actual = ClusterRun.AnalyzeOn(store, [TestPaths.KurskExample], executor, _temp.File("cluster"));
        Assert.Equal(expected, actual);
        await client.StopAsync();
        await two.StopAsync();
        await one.StopAsync();
    }

    [OrleansPostgresFact]
    public async Task CandidateShardsKeepTheirPostingsInAPostgresStoreAcrossRuns()
    {
        // A generated corpus added in two runs to a PostgreSQL store: the shards' postings are the store's link-state
        // rows, saved with each run and read back by the second run's shards; the dossier and the rows are one process's.
        var folder = _temp.File("corpus");
        new Triangulate.CorpusGen.CorpusGenerator(new Triangulate.CorpusGen.GeneratorOptions(300, 5, folder)).Run();
        var (first, second) = ClusterRun.Halves(Path.Combine(folder, "corpus.jsonl"), _temp);
        ClusterRun.AnalyzeInProcess([first], _temp.File("single.db"), _temp.File("single1"));
        var expected = ClusterRun.AnalyzeInProcess([second], _temp.File("single.db"), _temp.File("single2"));

        using var database = new PostgresTestDatabase();
        var store = database.Schema("shards");
        var name = "test-" + Guid.NewGuid().ToString("N")[..12];
        var location = OrleansPostgresFactAttribute.Location!;
        using var firstWorker = new Worker(store);
        using var secondWorker = new Worker(store);
        using var one = await ClusterHosting.StartWorkerAsync(firstWorker, location, 0, name);
        using var two = await ClusterHosting.StartWorkerAsync(secondWorker, location, 0, name);
        using var client = await ClusterHosting.ConnectAsync(location, name);
        using var executor = new ClusterExecutor(client.Services.GetRequiredService<IClusterClient>(), candidateShards: 8);
        ClusterRun.AnalyzeOn(store, [first], executor, _temp.File("cluster1"));
        var actual = ClusterRun.AnalyzeOn(store, [second], executor, _temp.File("cluster2"));
        Assert.Equal(2, executor.ShardSessions);
        Assert.Equal(expected, actual);
        // Into a store whose writers save side by side the workers saved their batches themselves.
        Assert.True(executor.BatchTimings.Save > TimeSpan.Zero, $"the workers saved nothing: {executor.BatchTimings}");

        using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_temp.File("single.db")}");
        sqlite.Open();
        using var rows = sqlite.CreateCommand();
        rows.CommandText = "SELECT count(*), coalesce(sum(length(value)), 0) FROM link_state WHERE space IN (1, 2, 3)";
        using var counted = rows.ExecuteReader();
        counted.Read();
        await using var postgres = new NpgsqlConnection(store);
        await postgres.OpenAsync();
        await using var stored = new NpgsqlCommand("SELECT count(*), coalesce(sum(length(value)), 0) FROM link_state WHERE space IN (1, 2, 3)", postgres);
        await using var reader = await stored.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(counted.GetInt64(0) > 0);
        Assert.Equal((counted.GetInt64(0), counted.GetInt64(1)), (reader.GetInt64(0), reader.GetInt64(1)));
        await client.StopAsync();
        await two.StopAsync();
        await one.StopAsync();
    }
}

/// <summary>A fact that is reported skipped when no test PostgreSQL is given (<c>TRIANGULATE_TEST_POSTGRES</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OrleansPostgresFactAttribute : FactAttribute
{
    public OrleansPostgresFactAttribute()
    {
        if (PostgresTestDatabase.SkipReason is { } reason) Skip = reason;
    }

    /// <summary>The test PostgreSQL, or null.</summary>
    public static string? Location => Environment.GetEnvironmentVariable("TRIANGULATE_TEST_POSTGRES") is { Length: > 0 } value ? value : null;
}
