using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Messaging;

namespace Triangulate.Cluster;

/// <summary>
/// Starts a worker (a silo) or a client of the cluster whose membership table lives in PostgreSQL, in our own tables
/// (<see cref="PostgresMembershipTable"/>, <see cref="PostgresGatewayListProvider"/>): Orleans runs the membership
/// protocol, and there is no seed node; a worker joins by writing its row, a client finds the gateways by reading them.
/// </summary>
public static class ClusterHosting
{
    /// <summary>
    /// The cluster of the workers over <paramref name="store"/>: the workers and clients of one store form one cluster,
    /// so a batch is never analysed into another store by a worker started over it. Clusters of several stores can
    /// share one membership database.
    /// </summary>
    public static string NameFor(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var canonical = PostgresConnection.IsPostgres(store) ? PostgresConnection.Canonical(store) : Path.GetFullPath(store);
        return "triangulate-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    /// <summary>
    /// How long a call may take before the client gives up on it and sends it again. A call in flight through a
    /// gateway that is killed gets no answer and no error: Orleans fails what the client had queued for that gateway,
    /// but not what it had already sent, so such work stays lost this long before it is redone (Orleans' default of 5
    /// minutes left a <c>kill -9</c> run idle that long; 90 s made three kills seconds apart cost about 5 minutes).
    /// A few times what a batch of 64 documents or a story takes on a loaded worker; a call slower than this is sent
    /// again and queues behind itself on the same grain, which costs time, never correctness.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a worker writes its alive time. Orleans counts a silo whose alive time is older than
    /// <see cref="NumMissedIAmAlive"/> periods as stale: it no longer counts towards the votes needed to declare
    /// another silo dead (so the few survivors of several kills can still evict the dead), and the clients no longer
    /// take it as a gateway (<see cref="PostgresGatewayListProvider"/>). Orleans' default, 30 s, kept killed workers
    /// counted for a minute.
    /// </summary>
    public static readonly TimeSpan IAmAlivePeriod = TimeSpan.FromSeconds(5);

    /// <summary>Alive times a worker may miss before it is stale (see <see cref="IAmAlivePeriod"/>).</summary>
    public const int NumMissedIAmAlive = 3;

    /// <summary>A worker whose alive time is older than this is stale: not counted as a voter, not a gateway.</summary>
    public static TimeSpan StaleAfter => IAmAlivePeriod * NumMissedIAmAlive;

    /// <summary>
    /// The liveness settings of every worker. A killed worker is suspected after <c>NumMissedProbesLimit</c> probes of
    /// <c>ProbeTimeout</c> each go unanswered (Orleans lengthens the timeout on a silo that finds itself degraded, so
    /// a worker slowed by load is not evicted for it); then it is declared dead, the grains it held are activated
    /// elsewhere, and calls waiting on it fail at once (<c>SiloUnavailableException</c>) and are sent again. A worker
    /// restarted at the same port declares its killed predecessor dead itself, at once. Dead rows are kept and removed
    /// as Orleans' defaults say (at most 25, each at least a while).
    /// </summary>
    public static void ConfigureLiveness(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 3;
        options.IAmAliveTablePublishTimeout = IAmAlivePeriod;
        options.NumMissedTableIAmAliveLimit = NumMissedIAmAlive;
    }

    /// <summary>
    /// Starts <paramref name="worker"/> as a silo that joins the cluster whose membership is in
    /// <paramref name="cluster"/> (a PostgreSQL URL or connection string; its schema is created when missing).
    /// <paramref name="port"/> is the silo port (the gateway port is the next one); 0 takes free ones. The cluster it
    /// joins is that of its store (<see cref="NameFor"/>) unless <paramref name="name"/> names another.
    /// </summary>
    public static async Task<IHost> StartWorkerAsync(Worker worker, string cluster, int port, string? name = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(worker);
        name ??= NameFor(worker.Location);
        var connection = PostgresConnection.ConnectionString(cluster);
        await ClusterSchema.EnsureAsync(connection, cancellation).ConfigureAwait(false);
        var siloPort = port > 0 ? port : FreePort();
        var gatewayPort = port > 0 ? port + 1 : FreePort();
        var builder = Builder();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (name, name));
            silo.Services.AddSingleton<IMembershipTable>(new PostgresMembershipTable(connection, name));
            silo.Configure<ClusterMembershipOptions>(ConfigureLiveness);
            silo.ConfigureEndpoints(siloPort, gatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
            silo.AddTriangulateWorker(worker);
        });
        var host = builder.Build();
        await host.StartAsync(cancellation).ConfigureAwait(false);
        return host;
    }

    /// <summary>
    /// Connects a client to the cluster <paramref name="name"/> (<see cref="NameFor"/> the store the client analyses
    /// into) whose membership is in <paramref name="cluster"/>; its services hold the <see cref="IClusterClient"/>.
    /// </summary>
    public static async Task<IHost> ConnectAsync(string cluster, string name, CancellationToken cancellation = default)
    {
        var connection = PostgresConnection.ConnectionString(cluster);
        var builder = Builder();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (name, name));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = GatewayListRefreshPeriod);
            client.Services.AddSingleton<IGatewayListProvider>(new PostgresGatewayListProvider(connection, name, GatewayListRefreshPeriod, StaleAfter));
            client.AddTriangulateClient();
        });
        var host = builder.Build();
        await host.StartAsync(cancellation).ConfigureAwait(false);
        return host;
    }

    /// <summary>
    /// How many <see cref="ICandidateShardGrain"/>s a client of <paramref name="client"/>'s cluster keeps its provenance
    /// candidate index in: none (the index on the client, as one process keeps it) when every active worker runs on
    /// this machine, else <see cref="ClusterExecutor.DefaultCandidateShards"/>. Sharding buys an index that is not in
    /// the client's memory and searches on other machines' cores; workers on the client's own machine give neither
    /// (the memory and the cores are the same), and the shards' calls cost: three local workers on 2 cores spent 4–9 s
    /// more CPU in provenance on 2,000 articles with 64 shards than with the index on the client (docs/benchmarks.md,
    /// "Where a cold cluster's CPU goes"). Decided once per connection: a worker on another machine that joins later
    /// does not change it.
    /// </summary>
    public static async Task<int> CandidateShardsAsync(IClusterClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).ConfigureAwait(false);
        return CandidateShardsFor([.. hosts.Keys.Select(silo => silo.Endpoint.Address)], LocalAddresses());
    }

    /// <summary>
    /// The candidate shards for workers at <paramref name="workers"/> seen from a machine with the addresses
    /// <paramref name="local"/>: none when there are workers and all are local (<see cref="CandidateShardsAsync"/>).
    /// </summary>
    internal static int CandidateShardsFor(IReadOnlyCollection<IPAddress> workers, IReadOnlySet<IPAddress> local) =>
        workers.Count > 0 && workers.All(address => IPAddress.IsLoopback(address) || local.Contains(Unmapped(address)))
            ? 0
            : ClusterExecutor.DefaultCandidateShards;

    /// <summary>This machine's unicast addresses (a worker advertises one of them, <see cref="StartWorkerAsync"/>).</summary>
    private static HashSet<IPAddress> LocalAddresses()
    {
        var addresses = new HashSet<IPAddress>();
        foreach (var network in NetworkInterface.GetAllNetworkInterfaces())
        {
            foreach (var unicast in network.GetIPProperties().UnicastAddresses) addresses.Add(Unmapped(unicast.Address));
        }
        return addresses;
    }

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>How often a client reads the gateways again, so it soon stops sending to a worker that has gone.</summary>
    private static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A host builder with the defaults (console logging, warnings and worse) but without reloading configuration
    /// files on change: that watches the working folder and every folder below it, and a worker or client started
    /// above the store woke for every write to it (1.7–3.1 s of each worker's CPU on 20,000 articles, docs/benchmarks.md).
    /// </summary>
    private static HostApplicationBuilder Builder()
    {
        // A source, not the indexer: a configuration with no source yet drops what the indexer sets.
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = configuration });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
