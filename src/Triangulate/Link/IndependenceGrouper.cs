using Triangulate.Model;

namespace Triangulate.Link;

/// <summary>
/// Groups documents that cannot count as independent sources: union-find over derivations (copy, syndication,
/// rewrite, translation) and over a shared credited origin (two pages crediting the same outlet with the whole
/// text). A citation of one statement
/// ("told an agency") does not join groups: two reports that each quote an agency once stay independent for their
/// other claims, and reconciliation sees the agency as a cited source of that one statement. The group id is the
/// smallest document id in the group, so it does not depend on reading order.
/// </summary>
internal static class IndependenceGrouper
{
    /// <summary>The group of every document, in document order.</summary>
    public static IEnumerable<(string Document, string Group)> Group(IReadOnlyList<DocumentSummary> docs, IReadOnlyList<Relation> derivations)
    {
        var index = new Dictionary<string, int>(docs.Count, StringComparer.Ordinal);
        for (var i = 0; i < docs.Count; i++) index[docs[i].Id] = i;
        var parent = new int[docs.Count];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        foreach (var relation in derivations)
        {
            if (relation.Kind == RelationKind.Cites || relation.To is null) continue;
            if (index.TryGetValue(relation.From, out var a) && index.TryGetValue(relation.To, out var b)) Union(parent, a, b);
        }
        // Shared credited origin. A page of the credited outlet itself joins only through a derivation: the outlet
        // publishes many stories, and which one was taken is what the alignment tells.
        var byOutlet = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < docs.Count; i++)
        {
            foreach (var credited in docs[i].CreditedOutlets)
            {
                if (byOutlet.TryGetValue("credit:" + credited, out var other)) Union(parent, i, other);
                else byOutlet["credit:" + credited] = i;
            }
        }
        var smallest = new Dictionary<int, string>();
        for (var i = 0; i < docs.Count; i++)
        {
            var root = Find(parent, i);
            if (!smallest.TryGetValue(root, out var id) || string.CompareOrdinal(docs[i].Id, id) < 0) smallest[root] = docs[i].Id;
        }
        for (var i = 0; i < docs.Count; i++) yield return (docs[i].Id, smallest[Find(parent, i)]);
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
