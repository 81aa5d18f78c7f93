using Microsoft.Data.Sqlite;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

/// <summary>Several writers of one SQLite file (cluster workers and their client): a write that waited is counted (<see cref="StoreWaits"/>).</summary>
public class SqliteStoreWaitTests
{
    [Fact]
    public async Task A_write_that_finds_the_write_lock_held_by_another_program_waits_and_counts_a_busy_wait()
    {
        using var temp = new TempFolder();
        var path = temp.File("store.db");
        using var store = SqliteStore.Open(path);
        // Another connection (another process's store, say) holds the file's write lock for a while.
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        using var held = other.BeginTransaction();
        var release = Task.Run(() =>
        {
            Thread.Sleep(300);
            held.Commit();
        });
        var before = StoreWaits.Thread;
        store.SaveProblems([new Problem("a.txt", "empty file")]);
        var waits = StoreWaits.Thread - before;
        await release;
        Assert.Equal(1, waits.Busy);
        Assert.InRange(waits.BusyTime, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(20));
        Assert.Single(store.ReadProblems());
    }

    [Fact]
    public async Task A_batch_save_that_finds_this_stores_writer_busy_with_another_batch_counts_a_writer_wait()
    {
        using var temp = new TempFolder();
        var path = temp.File("store.db");
        using var store = SqliteStore.Open(path);
        // Another program holds the file's write lock, so the save that takes the store's writer first holds it while it
        // waits in the busy handler; the other save (a worker's other batch) waits for the writer meanwhile.
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        var held = other.BeginTransaction();
        using var started = new CountdownEvent(2);
        WaitCounts Save(string text)
        {
            started.Signal();
            var before = StoreWaits.Thread;
            store.Save([StoreTests.Stored(text)]);
            return StoreWaits.Thread - before;
        }
        var saves = new[] { Task.Run(() => Save("first batch")), Task.Run(() => Save("second batch")) };
        Assert.True(started.Wait(TimeSpan.FromSeconds(20)));
        await Task.Delay(400);
        held.Commit();
        held.Dispose();
        var waits = await Task.WhenAll(saves);
        Assert.Equal(1, waits.Sum(w => w.Busy));
        var waited = Assert.Single(waits, w => w.Writer == 1);
        Assert.Equal(0, waited.Busy);
        Assert.InRange(waited.WriterTime, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(20));
        Assert.Equal(2, store.DocumentCount);
    }
}
