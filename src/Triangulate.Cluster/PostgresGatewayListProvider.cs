using System.Net;
using Npgsql;
using Orleans.Messaging;
using Orleans.Runtime;

namespace Triangulate.Cluster;

/// <summary>
/// The client's side of <see cref="PostgresMembershipTable"/>: the gateways of cluster <paramref name="clusterId"/> are
/// the active silos in its table, at their proxy ports. Read again every <paramref name="refreshPeriod"/>.
/// </summary>
public sealed class PostgresGatewayListProvider(string connectionString, string clusterId, TimeSpan refreshPeriod) : IGatewayListProvider
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
        await using var command = new NpgsqlCommand("SELECT silo, proxy_port FROM triangulate_cluster_members WHERE cluster_id = @cluster AND status = @active AND proxy_port > 0", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("active", (int)SiloStatus.Active);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var gateways = new List<Uri>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var silo = SiloAddress.FromParsableString(reader.GetString(0));
            gateways.Add(SiloAddress.New(new IPEndPoint(silo.Endpoint.Address, reader.GetInt32(1)), silo.Generation).ToGatewayUri());
        }
        return gateways;
    }
}
