using Microsoft.Data.Sqlite;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

/// <summary>
/// Several writers of one SQLite file (cluster workers and their client): they take the store's writer turn instead of
/// waiting in SQLite's busy handler, and a wait of either kind is counted (<see cref="StoreWaits"/>).
/// </summary>
public class SqliteWriterTurnTests
{
    [Fact]
    public async Task A_write_that_finds_the_write_lock_held_by_another_program_waits_and_counts_a_busy_wait()
    {
        using var temp = new TempFolder();
        var path = temp.File("store.db");
        using var store = SqliteStore.Open(path);
        // Another program (not a Triangulate store: it takes no writer turn) holds the file's write lock for a while.
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
    public async Task Stores_over_one_file_writing_at_once_take_turns_and_never_wait_in_the_busy_handler()
    {
        using var temp = new TempFolder();
        var path = temp.File("store.db");
        using var first = SqliteStore.Open(path);
        using var second = SqliteStore.Open(path);
        var texts = Enumerable.Range(0, 2).Select(writer => Enumerable.Range(0, 30).Select(batch => Enumerable.Range(0, 20)
            .Select(i => $"Writer {writer} reports item {i} of delivery {batch}: the ferry left the quay late.").ToArray()).ToArray()).ToArray();
        using var start = new Barrier(2);
        WaitCounts Write(SqliteStore store, string[][] batches)
        {
            var before = StoreWaits.Thread;
            start.SignalAndWait();
            foreach (var batch in batches) store.Save([.. batch.Select(text => StoreTests.Stored(text))]);
            return StoreWaits.Thread - before;
        }
        var waits = await Task.WhenAll(
            Task.Factory.StartNew(() => Write(first, texts[0]), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default),
            Task.Factory.StartNew(() => Write(second, texts[1]), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        Assert.All(waits, counts => Assert.Equal(0, counts.Busy));
        Assert.Equal(2 * 30 * 20, first.DocumentCount);
    }
}
