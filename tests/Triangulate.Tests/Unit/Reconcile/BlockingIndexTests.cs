using Triangulate.Reconcile;

namespace Triangulate.Tests.Unit.Reconcile;

public sealed class BlockingIndexTests
{
    [Fact]
    public void Every_pair_sharing_a_usable_key_comes_once_lower_item_first()
    {
        var index = new BlockingIndex();
        // Items 0-3 share "a"; 2 and 5 share "b" and "c" (one pair, two keys); 4 shares nothing.
        foreach (var i in new[] { 0, 1, 2, 3 }) index.Add("a", i);
        index.Add("b", 2);
        index.Add("b", 5);
        index.Add("c", 2);
        index.Add("c", 5);
        index.Add("d", 4);

        var pairs = index.Pairs().ToList();

        var expected = new[] { (0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (2, 5) };
        Assert.Equal(expected.Order(), pairs.Order());
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.All(pairs, p => Assert.True(p.A < p.B));
    }

    [Fact]
    public void A_key_posted_by_more_items_than_the_cap_blocks_nothing()
    {
        var index = new BlockingIndex();
        for (var i = 0; i <= BlockingIndex.MaxPosting; i++) index.Add("common", i);
        index.Add("rare", 7);
        index.Add("rare", 9);

        Assert.Equal([(7, 9)], index.Pairs().ToList());
    }

    [Fact]
    public void Pairs_are_the_same_as_all_pairs_compared_on_their_keys()
    {
        // Property: on random postings, the pairs are exactly the unordered pairs with a common usable key.
        var random = new Random(5);
        for (var round = 0; round < 20; round++)
        {
            var index = new BlockingIndex();
            var keysOf = new Dictionary<int, HashSet<string>>();
            for (var item = 0; item < 40; item++)
            {
                keysOf[item] = [];
                for (var k = 0; k < 3; k++)
                {
                    var key = "k" + random.Next(12);
                    if (keysOf[item].Add(key)) index.Add(key, item);
                }
            }
            var expected = new List<(int, int)>();
            for (var a = 0; a < 40; a++)
                for (var b = a + 1; b < 40; b++)
                    if (keysOf[a].Overlaps(keysOf[b])) expected.Add((a, b));
            Assert.Equal(expected, index.Pairs().Order().ToList());
        }
    }
}
