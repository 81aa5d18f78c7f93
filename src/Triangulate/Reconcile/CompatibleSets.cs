using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// Clusters matched claim drafts without chaining: two sets join only while every value and every time in the merged
/// set can still hold together (the intersection of their intervals is not empty). Plain transitive closure would let
/// an open-ended mention ("at least one prisoner") glue 2, 450 and 10,000 into one "claim"; here each claim keeps a
/// value range all its mentions allow, the complete-link condition of record linkage at the cost of an interval per set.
/// </summary>
internal sealed class CompatibleSets
{
    private readonly UnionFind _sets;
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly DateOnly[] _start;
    private readonly DateOnly[] _end;
    private readonly Dictionary<int, List<int>> _forbidden = [];

    public CompatibleSets(IReadOnlyList<DraftFeatures> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var count = drafts.Count;
        _sets = new UnionFind(count);
        _low = new double[count];
        _high = new double[count];
        _start = new DateOnly[count];
        _end = new DateOnly[count];
        for (var i = 0; i < count; i++)
        {
            (_low[i], _high[i]) = Figures.Interval(drafts[i].Draft.Value) ?? (double.NegativeInfinity, double.PositiveInfinity);
            (_start[i], _end[i]) = DraftFeatures.Bounds(drafts[i].Time) ?? (DateOnly.MinValue, DateOnly.MaxValue);
        }
    }

    /// <summary>Keeps <paramref name="a"/> and <paramref name="b"/> in different sets for good (call before any union).</summary>
    public void Forbid(int a, int b)
    {
        if (a == b) return;
        Partners(a).Add(b);
        Partners(b).Add(a);
    }

    private List<int> Partners(int item)
    {
        if (!_forbidden.TryGetValue(item, out var list)) _forbidden[item] = list = [];
        return list;
    }

    /// <summary>
    /// Joins the sets of <paramref name="a"/> and <paramref name="b"/> when all their values and times stay compatible
    /// and no member of one is forbidden to share a set with a member of the other; false when they would not.
    /// </summary>
    public bool TryUnion(int a, int b)
    {
        var x = _sets.Find(a);
        var y = _sets.Find(b);
        if (x == y) return true;
        var low = Math.Max(_low[x], _low[y]);
        var high = Math.Min(_high[x], _high[y]);
        var start = _start[x] > _start[y] ? _start[x] : _start[y];
        var end = _end[x] < _end[y] ? _end[x] : _end[y];
        if (low > high || start > end || Forbidden(x, y)) return false;
        _sets.Union(x, y);
        var root = _sets.Find(x);
        (_low[root], _high[root], _start[root], _end[root]) = (low, high, start, end);
        // The set's forbidden partners are its members' (kept under its root; read through Find, so unions made since count).
        if (_forbidden.Count > 0)
        {
            var other = root == x ? y : x;
            if (_forbidden.Remove(other, out var moved)) Partners(root).AddRange(moved);
        }
        return true;
    }

    private bool Forbidden(int x, int y)
    {
        if (_forbidden.Count == 0) return false;
        if (_forbidden.TryGetValue(x, out var xs)) foreach (var p in xs) if (_sets.Find(p) == y) return true;
        if (_forbidden.TryGetValue(y, out var ys)) foreach (var p in ys) if (_sets.Find(p) == x) return true;
        return false;
    }

    /// <summary>The clusters, each in ascending index order, ordered by their first index.</summary>
    public List<List<int>> Sets() => _sets.Sets();

    /// <summary>
    /// How far apart two drafts' values are (0 = same centre): pairs are joined closest first, so a figure joins the
    /// restatement nearest to it rather than whichever pair the index yields first.
    /// </summary>
    public static double Distance(QuantityValue? a, QuantityValue? b)
    {
        if (Figures.Interval(a) is not { } x || Figures.Interval(b) is not { } y) return 0;
        var cx = Centre(x);
        var cy = Centre(y);
        var scale = Math.Max(Math.Abs(cx), Math.Abs(cy));
        return scale == 0 || double.IsInfinity(scale) || double.IsNaN(scale) ? 1 : Math.Abs(cx - cy) / scale;
    }

    private static double Centre((double Low, double High) interval) =>
        double.IsInfinity(interval.Low) ? interval.High : double.IsInfinity(interval.High) ? interval.Low : (interval.Low + interval.High) / 2;
}
