using System.Collections.Concurrent;

namespace Triangulate;

/// <summary>
/// Per-document work of a story stage on every core, results in the story's document order. A story's stages run one
/// after another, and the largest touched story of a relink sets its wall time while the other cores have finished the
/// small stories: so what each of its documents needs on its own (features, resolved times, candidate pairs' tests) is
/// computed in parallel, and everything that depends on order stays sequential. Documents are taken in chunks, so a
/// story larger than memory would like is never held whole. The same holds for any stream whose items are made
/// independently and consumed in order: the corpus save's encoding, the story clustering's read-ahead.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>Documents computed at once: enough to keep the cores busy, few enough to bound what is held.</summary>
    private const int Chunk = 256;

    /// <summary><paramref name="map"/> of each item, in the items' order.</summary>
    public static IEnumerable<TResult> Map<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, TResult> map) => Map(items, map, Chunk);

    /// <summary>
    /// <paramref name="map"/> of each item, in the items' order, <paramref name="chunk"/> items at a time: fewer than the
    /// default where an item's result is large (a story's rendered section).
    /// </summary>
    public static IEnumerable<TResult> Map<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, TResult> map, int chunk)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        return MappedChunks(items, map, chunk).SelectMany(results => results);
    }

    /// <summary>The items taken <paramref name="size"/> at a time, each chunk mapped on every core, in order.</summary>
    private static IEnumerable<TResult[]> MappedChunks<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, TResult> map, int size = Chunk)
    {
        var chunk = new List<TItem>(size);
        foreach (var item in items)
        {
            chunk.Add(item);
            if (chunk.Count < size) continue;
            yield return Run(chunk, map);
            chunk.Clear();
        }
        if (chunk.Count > 0) yield return Run(chunk, map);
    }

    /// <summary>
    /// <paramref name="map"/> of each item, in the items' order, computed ahead of the caller: another thread reads the
    /// items and maps them a chunk at a time (on every core) while the caller works through the chunk before, so a stage
    /// whose own work is sequential (the story clustering) has its reading and per-item work done beside it. At most two
    /// chunks wait. The items are enumerated on that other thread, so their source must allow it (the stores' reads do).
    /// </summary>
    public static IEnumerable<TResult> Ahead<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, TResult> map)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(map);
        return Consume(items, map);
    }

    private static IEnumerable<TResult> Consume<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, TResult> map)
    {
        using var queue = new BlockingCollection<TResult[]>(2);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var results in MappedChunks(items, map)) queue.Add(results, stop.Token);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var results in queue.GetConsumingEnumerable())
                foreach (var result in results) yield return result;
            // The reader's or the map's failure, as it was thrown.
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // A caller that stops early (or fails) stops the reader at its next chunk.
            stop.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException)
            {
                // Already thrown above, or the cancellation asked for here.
            }
        }
    }

    /// <summary>The indices i in [0, count) for which <paramref name="test"/> holds, in increasing order.</summary>
    public static List<int> Where(int count, Func<int, bool> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var hits = new bool[count];
        Parallel.For(0, count, i => hits[i] = test(i));
        var result = new List<int>();
        for (var i = 0; i < count; i++)
            if (hits[i]) result.Add(i);
        return result;
    }

    private static TResult[] Run<TItem, TResult>(List<TItem> chunk, Func<TItem, TResult> map)
    {
        var results = new TResult[chunk.Count];
        Parallel.For(0, chunk.Count, i => results[i] = map(chunk[i]));
        return results;
    }
}
