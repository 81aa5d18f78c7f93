using Npgsql;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Store.Postgres;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

/// <summary>What only the PostgreSQL store has: naming a database, its own word splitting, its migrations, several processes on one database.</summary>
public class PostgresStoreTests(TestStores stores) : IClassFixture<TestStores>
{
    [Theory]
    [InlineData("postgres://ann:p%40ss@db.example:6543/news?sslmode=require", "db.example", 6543, "ann", "p@ss", "news")]
    [InlineData("postgresql://localhost/triangulate", "localhost", 5432, null, null, "triangulate")]
    [InlineData("Host=/tmp/sock;Port=5433;Database=d;Username=u", "/tmp/sock", 5433, "u", null, "d")]
    [InlineData("postgresql:///d?host=/run/postgresql&user=u", "/run/postgresql", 5432, "u", null, "d")]
    public void A_url_or_a_connection_string_names_the_server_and_database(string db, string host, int port, string? user, string? password, string database)
    {
        Assert.True(StoreFactory.IsServer(db));
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.From(db));
        Assert.Equal((host, port, user, password, database), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
    }

    [Fact]
    public void A_url_keeps_libpq_parameters()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.From("postgres://u@h/d?sslmode=require&application_name=feed+one"));
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("feed one", builder.ApplicationName);
    }

    [Fact]
    public void A_server_is_described_without_its_password()
    {
        var described = StoreFactory.Describe("postgres://ann:s3cret@db.example:6543/news");
        Assert.Equal("PostgreSQL database news on db.example:6543", described);
        Assert.Equal("./t.db", StoreFactory.Describe("./t.db"));
    }

    [Theory]
    [InlineData("./triangulate.db")]
    [InlineData("/data/my=store.db")]
    [InlineData("C:\\stores\\news.db")]
    [InlineData(":memory:")]
    public void Anything_else_is_a_sqlite_file(string db) => Assert.False(StoreFactory.IsServer(db));

    [Fact]
    public void Words_are_indexed_folded_with_their_positions()
    {
        Assert.Equal("'the':1,4 'cafe':2 'zurich':3 'cafes':5", PostgresText.Vector("The Café Zürich: the cafés"));
        Assert.Equal("", PostgresText.Query("*** (("));
        Assert.Equal("('not' & 'retr':*) | ('kyiv') | ('ann' & 'lee')", PostgresText.Query("NOT retr", [["kyiv"], ["ann", "lee"]]));
    }

    [Fact]
    public void A_snippet_is_a_window_around_the_most_matches_with_cut_ends_marked()
    {
        var text = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}")) + " needle Hay, then more words";
        var snippet = PostgresText.Snippet(text, new HashSet<string> { "needle" }, ["ha"], window: 5);
        Assert.Equal($"…w37 w38 w39 {SearchHit.MarkStart}needle{SearchHit.MarkEnd} {SearchHit.MarkStart}Hay{SearchHit.MarkEnd}…", snippet);
        Assert.Equal($"{SearchHit.MarkStart}One{SearchHit.MarkEnd} two.", PostgresText.Snippet("One two.", new HashSet<string> { "one" }, []));
    }

    [PostgresFact]
    public void Reopening_runs_no_step_again_and_a_newer_schema_is_refused()
    {
        var name = TestStores.NewName();
        using (var store = (PostgresStore)stores.Open(PostgresDataAttribute.Kind, name))
        {
            store.SaveProblems([new Problem("a", "b")]);
            Assert.Equal(PostgresMigrations.All.Length, store.SchemaVersion);
        }
        using (var store = (PostgresStore)stores.Open(PostgresDataAttribute.Kind, name))
        {
            Assert.Equal(PostgresMigrations.All.Length, store.SchemaVersion);
            Assert.Single(store.ReadProblems());
        }
        using (var connection = new NpgsqlConnection(stores.PostgresSchema(name)))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"INSERT INTO schema_migrations (version) VALUES ({PostgresMigrations.All.Length + 1})", connection);
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<InvalidOperationException>(() => stores.Open(PostgresDataAttribute.Kind, name));
        Assert.Contains("newer Triangulate", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Processes_sharing_one_database_save_at_once_and_read_each_others_documents()
    {
        var name = TestStores.NewName();
        using var first = stores.Open(PostgresDataAttribute.Kind, name);
        using var second = stores.Open(PostgresDataAttribute.Kind, name);
        var items = Enumerable.Range(0, 200).Select(i => StoreTests.Stored($"Report number {i} from the wire.")).ToList();
        // Overlapping batches saved at once by both: the shared documents are kept once, nothing deadlocks.
        Parallel.Invoke(
            () => { foreach (var batch in items.Take(120).Chunk(20)) first.Save(batch); },
            () => { foreach (var batch in items.Skip(80).Reverse().Chunk(20)) second.Save(batch); });
        Assert.Equal(items.Count, first.DocumentCount);
        var found = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(items, new ParallelOptions { MaxDegreeOfParallelism = 8 }, item =>
        {
            if (second.FindDocument(item.Document.Id) is { } document) found.Add(document.Id);
        });
        Assert.Equal(items.Select(i => i.Document.Id).Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Single(second.Search("number 42 from", 10), h => h.Kind == "document");
    }

    [PostgresFact]
    public async Task Batches_that_come_with_their_places_save_side_by_side_and_one_that_needs_places_waits_for_them()
    {
        var name = TestStores.NewName();
        using var store = stores.Open(PostgresDataAttribute.Kind, name);
        StoredDocument Placed(int i) => StoreTests.Stored($"Placed report {i} from the wire.") with { Arrival = i + 1 };
        // Another worker's batch with places is being saved (its transaction holds the arrival lock shared).
        using var other = new NpgsqlConnection(stores.PostgresSchema(name));
        other.Open();
        var saving = other.BeginTransaction();
        using (var shared = new NpgsqlCommand("SELECT pg_advisory_xact_lock_shared($1)", other, saving) { Parameters = { new() { Value = PostgresStore.ArrivalLock } } })
            shared.ExecuteNonQuery();
        // A batch with places saves meanwhile (overlapping batches with places, from two threads, keep each document once);
        var placed = Task.Run(() => Parallel.Invoke(
            () => { foreach (var batch in Enumerable.Range(0, 30).Select(Placed).Chunk(10)) store.Save(batch); },
            () => { foreach (var batch in Enumerable.Range(20, 30).Select(Placed).Reverse().Chunk(10)) store.Save(batch); }));
        Assert.Same(placed, await Task.WhenAny(placed, Task.Delay(TimeSpan.FromSeconds(30))));
        await placed;
        // one that needs places waits until no batch is being saved, then goes after every place saved.
        var unplaced = Task.Run(() => store.Save([StoreTests.Stored("A report without a place.")]));
        await Task.Delay(400);
        Assert.False(unplaced.IsCompleted);
        saving.Commit();
        await unplaced;
        Assert.Equal(51, store.DocumentCount);
        Assert.Equal(51, store.LastArrival);
    }

    [PostgresFact]
    public void The_factory_opens_a_postgres_store_for_a_connection_string()
    {
        using var store = StoreFactory.Open(stores.PostgresSchema(TestStores.NewName()));
        Assert.IsType<PostgresStore>(store);
        Assert.Equal(0, store.DocumentCount);
    }
}
