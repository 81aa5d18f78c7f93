using System.Collections.Concurrent;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Store.Postgres;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

/// <summary>
/// Two runs on one SQLite store at once (two pipelines over two handles of one file, as two processes or a CLI run beside
/// a web upload would be): the second waits for the first's writer lease, so neither links what the other stored and has
/// not linked yet; both end without a failed stage, every document linked and in a story.
/// </summary>
public sealed class ConcurrentRunTests
{
    private static readonly string[] Example = [.. Directory.GetFiles(TestPaths.KurskExample).Order(StringComparer.Ordinal)];
    private static readonly string[] Heldout = [.. Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "gold", "heldout")).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_run_started_while_another_links_waits_for_it_and_both_end_with_every_document_in_a_story()
    {
        using var temp = new TempFolder();
        var db = temp.File("t.db");
        using var first = SqliteStore.Open(db);
        using var second = SqliteStore.Open(db);
        Assert.Equal(db, await BothEndWell(first, second));
    }

    /// <summary>
    /// Runs A (three of the example's articles) on <paramref name="first"/> and, once A links, B (the other two and a
    /// held-out article) on <paramref name="second"/>, a handle of the same store; asserts both end well and the store
    /// holds every document linked and in a story. Returns the store B said it waited for.
    /// </summary>
    internal static async Task<string> BothEndWell(IStore first, IStore second)
    {
        // Run A stops between its two linking stages until B has saved a document (or 5 s passed): where, without the
        // lease, B's documents reach A's stories stage unlinked by A's provenance stage ("… was never linked").
        // Both pipelines have the gate (one link configuration); B's opens at once, its documents saved.
        using var linking = new ManualResetEventSlim();
        Pipeline Gated()
        {
            var builder = PipelineBuilder.CreateDefault();
            builder.CorpusStages.Insert(1, new Gate(linking, () => second.DocumentCount > 3));
            return builder.Build();
        }
        var a = Gated();
        var b = Gated();
        var heard = new Waits();

        var runA = Task.Run(() => a.Analyze(Example.Take(3), first));
        Assert.True(linking.Wait(TimeSpan.FromMinutes(2)));
        var runB = Task.Run(() => b.Analyze([.. Example.Skip(3), Heldout[0]], second, heard));
        var results = await Task.WhenAll(runA, runB);

        Assert.All(results, r => Assert.Empty(r.FailedStages));
        Assert.Equal(Example.Length + 1, first.DocumentCount);
        Assert.Empty(first.ReadForLinking(all: false));
        Assert.Empty(first.ReadDocumentsInNoStory());
        Assert.Empty(first.LoadFailedStages());
        Assert.DoesNotContain(first.ReadProblems(), p => p.Source.StartsWith("stage ", StringComparison.Ordinal));
        // The stories one run over every input makes: the example's and the held-out article's.
        Assert.Equal(2, first.ReadStories().Count);
        Assert.Equal(2, results[1].Stories);
        return Assert.Single(heard.Stores);
    }

    [Fact]
    public void A_run_that_waits_past_its_bound_stops_before_it_stores_anything()
    {
        using var temp = new TempFolder();
        var db = temp.File("t.db");
        using var holder = SqliteStore.Open(db);
        using var waiter = SqliteStore.Open(db);
        holder.WriterLeaseWait = waiter.WriterLeaseWait = TimeSpan.FromMilliseconds(300);
        var heard = new Waits();
        using (holder.AcquireWriterLease())
        {
            var pipeline = PipelineBuilder.CreateDefault().Build();
            var busy = Assert.Throws<StoreBusyException>(() => pipeline.Analyze(Example.Take(1), waiter, heard));
            Assert.Equal(db, busy.Store);
            Assert.Throws<StoreBusyException>(() => pipeline.Relink(waiter));
        }
        Assert.Equal(db, Assert.Single(heard.Stores));
        Assert.Equal(0, waiter.DocumentCount);
        // Let go, the lease is free again: taken at once, and not while held by this process's other handle.
        using (waiter.AcquireWriterLease()) Assert.Throws<StoreBusyException>(() => { using var _ = holder.AcquireWriterLease(); });
    }

    /// <summary>A linking stage that says the run is linking, then waits until <paramref name="done"/> or 5 s.</summary>
    private sealed class Gate(ManualResetEventSlim linking, Func<bool> done) : ICorpusStage
    {
        public string Name => "gate";

        public void Run(CorpusContext context)
        {
            linking.Set();
            var until = DateTime.UtcNow.AddSeconds(5);
            while (!done() && DateTime.UtcNow < until) Thread.Sleep(50);
        }
    }

    private sealed class Waits : IPipelineObserver
    {
        public ConcurrentQueue<string> Stores { get; } = new();

        public void OnProblem(Problem problem) { }

        public void OnProgress(PipelineProgress progress) { }

        public void OnWaitingForStore(string store) => Stores.Enqueue(store);
    }
}

/// <summary>The PostgreSQL store's writer lease: an advisory lock per schema, one session at a time.</summary>
public sealed class PostgresWriterLeaseTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();

    [PostgresFact]
    public async Task Two_runs_on_one_schema_at_once_end_well()
    {
        var db = _database.Schema("runs");
        using var first = PostgresStore.Open(db);
        using var second = PostgresStore.Open(db);
        Assert.StartsWith("PostgreSQL database", await ConcurrentRunTests.BothEndWell(first, second), StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Two_handles_of_one_schema_take_the_lease_in_turn_and_another_schema_has_its_own()
    {
        var db = _database.Schema("lease");
        using var holder = PostgresStore.Open(db);
        using var waiter = PostgresStore.Open(db);
        using var elsewhere = PostgresStore.Open(_database.Schema("other"));
        holder.WriterLeaseWait = waiter.WriterLeaseWait = elsewhere.WriterLeaseWait = TimeSpan.FromMilliseconds(300);
        var heard = new List<string>();
        using (holder.AcquireWriterLease())
        {
            Assert.Throws<StoreBusyException>(() => waiter.AcquireWriterLease(heard.Add));
            using (elsewhere.AcquireWriterLease()) { }
        }
        Assert.Single(heard);
        using (waiter.AcquireWriterLease()) Assert.Throws<StoreBusyException>(() => holder.AcquireWriterLease());
    }

    public void Dispose() => _database.Dispose();
}
