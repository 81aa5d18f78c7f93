using System.Net;
using Npgsql;
using Orleans.Messaging;
using Orleans.Runtime;

namespace Triangulate.Cluster;

/// <summary>
/// The client's side of <see cref="PostgresMembershipTable"/>: the gateways of cluster <paramref name="clusterId"/> are
/// the active silos in its table, at their proxy ports, whose alive time is more recent than
/// <paramref name="staleAfter"/>: a killed worker stays Active until the others vote it dead, and a client that takes
/// it as a gateway loses the calls it sends there. When no active silo is recent (clocks apart, a table just
/// restored), all active ones are the gateways. Read again every <paramref name="refreshPeriod"/>.
/// </summary>
public sealed class PostgresGatewayListProvider(string connectionString, string clusterId, TimeSpan refreshPeriod, TimeSpan staleAfter) : IGatewayListProvider
{
    /// <inheritdoc />
    public TimeSpan MaxStaleness => refreshPeriod;

    /// <inheritdoc />
    public bool IsUpdatable => true;

    /// <inheritdoc />
    public Task InitializeGatewayListProvider() => ClusterSchema.EnsureAsync(connectionString);

    /// <inheritdoc />
    public async Task<IList<Uri>> GetGateways()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        // Recent first: the client takes the recent ones, or all when none is.
        await using var command = new NpgsqlCommand("""
            SELECT silo, proxy_port, i_am_alive_time > now() - @stale_after AS recent FROM triangulate_cluster_members
            WHERE cluster_id = @cluster AND status = @active AND proxy_port > 0 ORDER BY recent DESC, silo
            """, connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("active", (int)SiloStatus.Active);
        command.Parameters.AddWithValue("stale_after", staleAfter);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var gateways = new List<Uri>();
        var anyRecent = false;
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var recent = reader.GetBoolean(2);
            if (gateways.Count == 0) anyRecent = recent;
            else if (anyRecent && !recent) break;
            var silo = SiloAddress.FromParsableString(reader.GetString(0));
            gateways.Add(SiloAddress.New(new IPEndPoint(silo.Endpoint.Address, reader.GetInt32(1)), silo.Generation).ToGatewayUri());
        }
        return gateways;
    }
}
