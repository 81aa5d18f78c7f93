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

    /// <summary>Each unordered pair that shares a usable key, once.</summary>
    public IEnumerable<(int A, int B)> Pairs()
    {
        var seen = new HashSet<long>();
        foreach (var key in _postings.Keys.Order(StringComparer.Ordinal))
        {
            var list = _postings[key];
            if (list.Count < 2 || list.Count > MaxPosting) continue;
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = list[i] < list[j] ? (list[i], list[j]) : (list[j], list[i]);
                    if (seen.Add(((long)a << 32) | (uint)b)) yield return (a, b);
                }
        }
    }
}
