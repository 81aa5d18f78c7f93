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
}
