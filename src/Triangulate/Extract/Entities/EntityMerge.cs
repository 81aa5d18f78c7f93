using Triangulate.Model;

namespace Triangulate.Extract.Entities;

/// <summary>
/// Joins the rows of one entity resolved in several stories (same id: the same folded name) into the whole-store
/// view: every mention, alias and description; the name of the row with the most mentions.
/// </summary>
public static class EntityMerge
{
    /// <summary>One entity per id, in id order.</summary>
    public static IReadOnlyList<Entity> Merge(IEnumerable<Entity> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var merged = new List<Entity>();
        foreach (var group in rows.GroupBy(e => e.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var parts = group.ToList();
            if (parts.Count == 1)
            {
                merged.Add(parts[0]);
                continue;
            }
            var main = parts.OrderByDescending(e => e.Mentions.Count).ThenBy(e => e.Name, StringComparer.Ordinal).First();
            var names = new SortedSet<string>(StringComparer.Ordinal);
            var descriptions = new SortedSet<string>(StringComparer.Ordinal);
            var mentions = new List<TextSpan>();
            foreach (var part in parts)
            {
                names.Add(part.Name);
                names.UnionWith(part.Aliases);
                descriptions.UnionWith(part.Descriptions);
                mentions.AddRange(part.Mentions);
            }
            names.Remove(main.Name);
            mentions.Sort(static (a, b) => string.CompareOrdinal(a.Document, b.Document) is var c && c != 0 ? c : a.Start.CompareTo(b.Start));
            merged.Add(main with { Aliases = [.. names], Descriptions = [.. descriptions], Mentions = mentions });
        }
        return merged;
    }

    /// <summary>
    /// Rows of several ids that the corpus index joined (<see cref="EntityIndex"/>) as one entity under
    /// <paramref name="identity"/>, named and typed by that id's rows; the other ids' names become aliases.
    /// </summary>
    public static Entity Join(IReadOnlyList<Entity> rows, string identity)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var own = Merge(rows.Where(e => e.Id == identity)) is [var first, ..] ? first : Merge(rows)[0];
        var all = Merge(rows.Select(e => e with { Id = identity }))[0];
        var names = new SortedSet<string>(all.Aliases, StringComparer.Ordinal) { all.Name };
        names.Remove(own.Name);
        return all with { Name = own.Name, Type = own.Type, Subtype = own.Subtype, Aliases = [.. names] };
    }
}

