using System.Net;
using Orleans.Runtime;
using Triangulate.Cluster;

namespace Triangulate.Tests.Unit.Cluster;

/// <summary>
/// The concurrency contract of <see cref="PostgresMembershipTable"/> on a real PostgreSQL: a write made from a stale
/// table version or a stale row etag fails without effect, reads return the version written, and a heartbeat changes
/// the alive time and nothing a concurrent writer relies on.
/// </summary>
public sealed class PostgresMembershipTableTests
{
    /// <summary>A table of a cluster of its own, so rows left by other tests in the same database are not seen.</summary>
    private static async Task<PostgresMembershipTable> NewTableAsync()
    {
        var table = new PostgresMembershipTable(PostgresConnection.ConnectionString(OrleansPostgresFactAttribute.Location!), "test-" + Guid.NewGuid().ToString("N")[..12]);
        await table.InitializeMembershipTable(tryInitTableVersion: true);
        return table;
    }

    private static MembershipEntry Entry(int port, SiloStatus status = SiloStatus.Joining) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 7),
        Status = status,
        ProxyPort = port + 1,
        HostName = "host",
        SiloName = "silo" + port,
        RoleName = "role",
        StartTime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        IAmAliveTime = new DateTime(2026, 1, 2, 3, 4, 6, DateTimeKind.Utc),
        SuspectTimes = [],
    };

    [OrleansPostgresFact]
    public async Task AnInsertFromTheCurrentVersionSucceedsAndReadAllReturnsTheNewVersion()
    {
        var table = await NewTableAsync();
        var empty = await table.ReadAll();
        Assert.Empty(empty.Members);
        Assert.True(await table.InsertRow(Entry(1000), empty.Version.Next()));
        var after = await table.ReadAll();
        Assert.Equal(empty.Version.Version + 1, after.Version.Version);
        Assert.NotEqual(empty.Version.VersionEtag, after.Version.VersionEtag);
        var (entry, _) = Assert.Single(after.Members);
        Assert.Equal(Entry(1000).SiloAddress, entry.SiloAddress);
        Assert.Equal(1001, entry.ProxyPort);
        Assert.Equal(Entry(1000).StartTime, entry.StartTime);
    }

    [OrleansPostgresFact]
    public async Task AnInsertFromAStaleVersionFailsAndLeavesTheTableAsItWas()
    {
        var table = await NewTableAsync();
        var stale = (await table.ReadAll()).Version;
        Assert.True(await table.InsertRow(Entry(1000), stale.Next()));
        var current = await table.ReadAll();
        Assert.False(await table.InsertRow(Entry(2000), stale.Next()));
        var after = await table.ReadAll();
        Assert.Equal(current.Version, after.Version);
        Assert.Single(after.Members);
    }

    [OrleansPostgresFact]
    public async Task AnInsertOfASiloAlreadyInTheTableFails()
    {
        var table = await NewTableAsync();
        Assert.True(await table.InsertRow(Entry(1000), (await table.ReadAll()).Version.Next()));
        var current = await table.ReadAll();
        Assert.False(await table.InsertRow(Entry(1000), current.Version.Next()));
        Assert.Equal(current.Version, (await table.ReadAll()).Version);
    }

    [OrleansPostgresFact]
    public async Task AnUpdateWithAStaleRowEtagFailsAndOneWithTheCurrentEtagSucceeds()
    {
        var table = await NewTableAsync();
        Assert.True(await table.InsertRow(Entry(1000), (await table.ReadAll()).Version.Next()));
        var read = await table.ReadRow(Entry(1000).SiloAddress);
        var (_, etag) = Assert.Single(read.Members);
        Assert.True(await table.UpdateRow(Entry(1000, SiloStatus.Active), etag, read.Version.Next()));
        var current = await table.ReadAll();
        // The table version is current, the row etag is the one read before the last update.
        Assert.False(await table.UpdateRow(Entry(1000, SiloStatus.Dead), etag, current.Version.Next()));
        var after = await table.ReadAll();
        Assert.Equal(current.Version, after.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(after.Members).Item1.Status);
    }

    [OrleansPostgresFact]
    public async Task AnUpdateFromAStaleTableVersionFails()
    {
        var table = await NewTableAsync();
        Assert.True(await table.InsertRow(Entry(1000), (await table.ReadAll()).Version.Next()));
        var read = await table.ReadAll();
        var (_, etag) = Assert.Single(read.Members);
        Assert.True(await table.InsertRow(Entry(2000), read.Version.Next()));
        Assert.False(await table.UpdateRow(Entry(1000, SiloStatus.Active), etag, read.Version.Next()));
        Assert.Equal(SiloStatus.Joining, Assert.Single((await table.ReadRow(Entry(1000).SiloAddress)).Members).Item1.Status);
    }

    [OrleansPostgresFact]
    public async Task IAmAliveUpdatesTheAliveTimeAndLeavesBothEtagsUsable()
    {
        var table = await NewTableAsync();
        Assert.True(await table.InsertRow(Entry(1000), (await table.ReadAll()).Version.Next()));
        var read = await table.ReadAll();
        var (_, etag) = Assert.Single(read.Members);
        var alive = Entry(1000);
        alive.IAmAliveTime = new DateTime(2026, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        await table.UpdateIAmAlive(alive);
        var after = await table.ReadAll();
        Assert.Equal(read.Version, after.Version);
        Assert.Equal(alive.IAmAliveTime, Assert.Single(after.Members).Item1.IAmAliveTime);
        Assert.True(await table.UpdateRow(Entry(1000, SiloStatus.Active), etag, read.Version.Next()));
    }

    [OrleansPostgresFact]
    public async Task CleanupRemovesOnlyDeadSilosLastUpdatedBeforeTheDate()
    {
        var table = await NewTableAsync();
        Assert.True(await table.InsertRow(Entry(1000, SiloStatus.Dead), (await table.ReadAll()).Version.Next()));
        Assert.True(await table.InsertRow(Entry(2000, SiloStatus.Active), (await table.ReadAll()).Version.Next()));
        await table.CleanupDefunctSiloEntries(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(SiloStatus.Active, Assert.Single((await table.ReadAll()).Members).Item1.Status);
    }

    [OrleansPostgresFact]
    public async Task TheGatewaysAreTheActiveSilosAtTheirProxyPorts()
    {
        var connection = PostgresConnection.ConnectionString(OrleansPostgresFactAttribute.Location!);
        var cluster = "test-" + Guid.NewGuid().ToString("N")[..12];
        var table = new PostgresMembershipTable(connection, cluster);
        await table.InitializeMembershipTable(tryInitTableVersion: true);
        Assert.True(await table.InsertRow(Entry(1000, SiloStatus.Active), (await table.ReadAll()).Version.Next()));
        Assert.True(await table.InsertRow(Entry(2000, SiloStatus.Joining), (await table.ReadAll()).Version.Next()));
        var gateways = await new PostgresGatewayListProvider(connection, cluster, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)).GetGateways();
        Assert.Equal([SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 1001), 7).ToGatewayUri()], gateways);
    }

    [OrleansPostgresFact]
    public async Task ActiveSilosThatStoppedWritingTheirAliveTimeAreNoGatewaysWhileOthersDo()
    {
        var connection = PostgresConnection.ConnectionString(OrleansPostgresFactAttribute.Location!);
        var cluster = "test-" + Guid.NewGuid().ToString("N")[..12];
        var table = new PostgresMembershipTable(connection, cluster);
        await table.InitializeMembershipTable(tryInitTableVersion: true);
        // 1000 was killed a minute ago and is not yet voted dead; 2000 and 3000 write their alive time.
        var killed = Entry(1000, SiloStatus.Active);
        killed.IAmAliveTime = DateTime.UtcNow - TimeSpan.FromMinutes(1);
        Assert.True(await table.InsertRow(killed, (await table.ReadAll()).Version.Next()));
        foreach (var port in new[] { 2000, 3000 })
        {
            var alive = Entry(port, SiloStatus.Active);
            alive.IAmAliveTime = DateTime.UtcNow;
            Assert.True(await table.InsertRow(alive, (await table.ReadAll()).Version.Next()));
        }
        var provider = new PostgresGatewayListProvider(connection, cluster, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));
        Assert.Equal(
            [SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 2001), 7).ToGatewayUri(), SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 3001), 7).ToGatewayUri()],
            (await provider.GetGateways()).OrderBy(u => u.ToString(), StringComparer.Ordinal));
    }
}
