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
