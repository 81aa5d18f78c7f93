namespace Triangulate.Reconcile;

/// <summary>
/// Candidate pairs by blocking: items are posted under keys (measure and subject word, status and subject word,
/// anchors) and only items sharing a key are compared, so matching is near-linear instead of all pairs. Keys posted by
/// more than <see cref="MaxPosting"/> items say nothing specific and are skipped, as in standard record linkage.
/// </summary>
internal sealed class BlockingIndex
{
    /// <summary>Postings longer than this are too common to block on.</summary>
    public const int MaxPosting = 500;

    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

    public void Add(string key, int item)
    {
        if (!_postings.TryGetValue(key, out var list)) _postings[key] = list = [];
        if (list.Count == 0 || list[^1] != item) list.Add(item);
    }

    /// <summary>
    /// Each unordered pair that shares a usable key, once, as (lower, higher) in increasing order of the lower item:
    /// each item's partners are gathered from its keys' postings and told apart by a mark per item (no set of pairs
    /// is kept: the pairs of a large story number in the hundreds of thousands).
    /// </summary>
    public IEnumerable<(int A, int B)> Pairs()
    {
        var count = 0;
        var keysOf = new Dictionary<int, List<List<int>>>();
        foreach (var list in _postings.Values)
        {
            if (list.Count < 2 || list.Count > MaxPosting) continue;
            foreach (var item in list)
            {
                if (!keysOf.TryGetValue(item, out var keys)) keysOf[item] = keys = [];
                keys.Add(list);
                count = Math.Max(count, item + 1);
            }
        }
        var mark = new int[count];
        foreach (var a in keysOf.Keys.Order())
        {
            foreach (var list in keysOf[a])
                foreach (var b in list)
                {
                    if (b <= a || mark[b] == a + 1) continue;
                    mark[b] = a + 1;
                    yield return (a, b);
                }
        }
    }
}
