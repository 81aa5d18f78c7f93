using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Triangulate.Cluster;

namespace Triangulate.Cli;

/// <summary>
/// <c>triangulate worker --db STORE --cluster POSTGRES [--port N]</c>: joins the cluster and analyses the document
/// batches and stories clients submit, over the shared store, until stopped.
/// </summary>
internal static class WorkerCommand
{
    /// <summary>
    /// How long a stopped worker may take to leave the cluster: cut short (System.CommandLine's default is 2 s), its
    /// membership row stayed Active, and the next workers over the same store first had to evict it.
    /// </summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    public static Command Create(Options options)
    {
        var port = new Option<int>("--port")
        {
            Description = "Port between workers (the gateway for clients takes the next one); free ports by default",
        };
        var warmUp = new Option<bool>("--warm-up")
        {
            Description = "Before joining, analyse a small built-in sample, so the analysis code is compiled before work arrives (moves CPU from the first run to start-up)",
        };
        var command = new Command("worker", "Join a cluster of workers (membership in PostgreSQL) and analyse what 'analyze --cluster' submits, until stopped")
        {
            options.Db, options.Cluster, port, options.Languages, options.Calendar, warmUp,
        };
        command.SetAction((result, cancellation) => RunAsync(
            result.GetValue(options.Db)!, result.GetValue(options.Cluster), result.GetValue(port),
            result.GetValue(options.Languages), result.GetValue(options.Calendar) ?? [], result.GetValue(warmUp), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string db, string? cluster, int port, string? languages, string[] calendars, bool warmUp, CancellationToken cancellation)
    {
        var console = Consoles.Error();
        // One PostgreSQL database can hold both the store and the membership.
        cluster ??= PostgresConnection.IsPostgres(db) ? db : null;
        if (cluster is null)
        {
            console.MarkupLine("[red]error[/]: --cluster: name the PostgreSQL database that holds the cluster's membership");
            return ExitCodes.Usage;
        }
        var problem = false;
        using var worker = new Worker(db, builder =>
        {
            problem |= !Options.TryApplyLanguages(builder, languages, console);
            builder.CalendarFiles.AddRange(calendars);
        });
        if (problem) return ExitCodes.Usage;
        if (warmUp)
        {
            // Before joining, so no batch waits on it and the first run's work meets compiled code (WorkerWarmUp). Not the
            // default: on 2 cores it moved the workers' JIT from the first run to start-up without lowering the CPU of
            // both (docs/benchmarks.md, "A worker that warms itself"), and a worker restarted after a fault joins later.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var sample = WorkerWarmUp.Run(worker);
            console.MarkupLineInterpolated($"worker warmed up: {sample.DocumentsStored} sample articles, {sample.StoriesAnalysed} stories in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s ({ProcessCost.Describe()})");
        }
        using var host = await ClusterHosting.StartWorkerAsync(worker, cluster, port, cancellation: cancellation);
        var silo = host.Services.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>();
        console.MarkupLineInterpolated($"worker {silo.SiloAddress} joined cluster over store {db} (Ctrl+C stops; so far {ProcessCost.Describe()})");
        try
        {
            await host.WaitForShutdownAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: leave the cluster in order, so the others need not wait to declare this worker dead.
            await host.StopAsync(CancellationToken.None);
        }
        // What the worker cost over its life: its JIT is paid once, however many runs it served.
        console.MarkupLineInterpolated($"worker stopped: {ProcessCost.Describe()}");
        return ExitCodes.Success;
    }
}

/// <summary>A connected client of the cluster and the executor that sends it the pipeline's work, for <c>analyze --cluster</c>.</summary>
internal sealed class ClusterConnection : IDisposable
{
    private readonly IHost _host;
    private readonly TimeSpan _connecting;

    private ClusterConnection(IHost host, TimeSpan connecting, int candidateShards)
    {
        _host = host;
        _connecting = connecting;
        Executor = new ClusterExecutor(host.Services.GetRequiredService<IClusterClient>(), candidateShards: candidateShards);
    }

    public ClusterExecutor Executor { get; }

    /// <summary>Connects to the workers over <paramref name="store"/> whose membership is in <paramref name="cluster"/>; null with a message when it cannot.</summary>
    public static ClusterConnection? Open(string cluster, string store, IAnsiConsole console)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var host = ClusterHosting.ConnectAsync(cluster, ClusterHosting.NameFor(store)).GetAwaiter().GetResult();
            // Workers all on this machine: the candidate index stays on the client, where its calls cost nothing.
            var shards = ClusterHosting.CandidateShardsAsync(host.Services.GetRequiredService<IClusterClient>()).GetAwaiter().GetResult();
            return new ClusterConnection(host, System.Diagnostics.Stopwatch.GetElapsedTime(started), shards);
        }
        catch (Exception e) when (e is OrleansException or Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
        {
            console.MarkupLineInterpolated($"[red]error[/]: --cluster: cannot reach the workers over store {store} ({e.Message})");
            return null;
        }
    }

    /// <summary>For <c>--verbose</c>: the time to connect, and where the document and story phases spent their time (<see cref="BatchTimings"/>, <see cref="StoryTimings"/>).</summary>
    public void WriteTimings(IAnsiConsole console)
    {
        console.MarkupLineInterpolated($"[grey]time: cluster connect: {_connecting.TotalSeconds:F2} s[/]");
        var b = Executor.BatchTimings;
        console.MarkupLineInterpolated($"[grey]time: batch calls: {b.Calls}, summed: round trips {b.RoundTrip.TotalSeconds:F2} s, on workers {b.OnSilo.TotalSeconds:F2} s: waiting for a thread {b.Queued.TotalSeconds:F2} s, analysis {b.Analysis.TotalSeconds:F2} s, encoding {b.Encode.TotalSeconds:F2} s, save {b.Save.TotalSeconds:F2} s; messaging {(b.RoundTrip - b.OnSilo).TotalSeconds:F2} s; the saves' store waits: {b.Waits}[/]");
        var (batches, calls, waiting) = Executor.ShardTimings;
        console.MarkupLineInterpolated($"[grey]time: candidate shards: {Executor.CandidateShards} (0: the index on this client), {Executor.ShardSessions} link parts, {batches} batches searched in {calls} shard calls, waited {waiting.TotalSeconds:F2} s, {Executor.ShardReplays} shards sent their lost calls again[/]");
        var t = Executor.StoryTimings;
        console.MarkupLineInterpolated($"[grey]time: story calls: {t.Calls} ({t.Reused} reused), summed: round trips {t.RoundTrip.TotalSeconds:F2} s, on workers {t.Compute.TotalSeconds:F2} s (store reads {t.Read.TotalSeconds:F2} s thread time), between {(t.RoundTrip - t.Compute).TotalSeconds:F2} s[/]");
    }

    public void Dispose()
    {
        Executor.Dispose();
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }
}
