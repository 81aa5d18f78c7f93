namespace Triangulate.Reconcile;

/// <summary>Disjoint sets with path halving and union by size: near-linear clustering of matched pairs.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public UnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (var i = 0; i < count; i++) { _parent[i] = i; _size[i] = 1; }
    }

    public int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }
        return i;
    }

    public void Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b) return;
        if (_size[a] < _size[b]) (a, b) = (b, a);
        _parent[b] = a;
        _size[a] += _size[b];
    }

    /// <summary>The sets, each in ascending index order, ordered by their first index.</summary>
    public List<List<int>> Sets()
    {
        var byRoot = new Dictionary<int, List<int>>();
        var sets = new List<List<int>>();
        for (var i = 0; i < _parent.Length; i++)
        {
            var root = Find(i);
            if (!byRoot.TryGetValue(root, out var set))
            {
                set = [];
                byRoot[root] = set;
                sets.Add(set);
            }
            set.Add(i);
        }
        return sets;
    }
}
