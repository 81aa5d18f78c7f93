namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// <see cref="OrderedParallel.Ahead"/> reads and maps items on other threads while its caller works: the caller still
/// sees every result once, in the items' order, a failure of the reader or of the map reaches it, and a caller that
/// stops early stops the reader.
/// </summary>
public sealed class OrderedParallelAheadTests
{
    [Fact]
    public void Results_come_in_the_items_order_across_chunks()
    {
        // 1,000 items: several chunks, the last one short.
        var results = OrderedParallel.Ahead(Enumerable.Range(0, 1000), i => i * 3).ToList();
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * 3), results);
    }

    [Fact]
    public void Items_are_read_on_another_thread_than_the_callers()
    {
        var caller = Environment.CurrentManagedThreadId;
        var readers = new List<int>();
        IEnumerable<int> Items()
        {
            for (var i = 0; i < 10; i++)
            {
                readers.Add(Environment.CurrentManagedThreadId);
                yield return i;
            }
        }
        Assert.Equal(10, OrderedParallel.Ahead(Items(), i => i).Count());
        Assert.DoesNotContain(caller, readers);
    }

    [Fact]
    public void A_failure_of_the_map_or_of_the_reader_reaches_the_caller()
    {
        // The map's failure as the chunk's parallel loop gives it (as OrderedParallel.Map does).
        var map = Assert.Throws<AggregateException>(() => OrderedParallel.Ahead(Enumerable.Range(0, 600), i => i == 500 ? throw new InvalidOperationException("map") : i).ToList());
        Assert.Equal("map", Assert.IsType<InvalidOperationException>(Assert.Single(map.InnerExceptions)).Message);
        IEnumerable<int> Failing()
        {
            yield return 1;
            throw new FormatException("reader");
        }
        var reader = Assert.Throws<FormatException>(() => OrderedParallel.Ahead(Failing(), i => i).ToList());
        Assert.Equal("reader", reader.Message);
    }

    [Fact]
    public void A_caller_that_stops_early_stops_the_reader()
    {
        var read = 0;
        IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }
        Assert.Equal([0, 1, 2], OrderedParallel.Ahead(Endless(), i => i).Take(3));
        var after = Volatile.Read(ref read);
        Thread.Sleep(50);
        // At most the chunks that may wait (and the one being read) were read: the reader stopped with its caller.
        Assert.Equal(after, Volatile.Read(ref read));
        Assert.True(after < 10_000);
    }
}
