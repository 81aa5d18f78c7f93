namespace Triangulate.Report;

/// <summary>
/// Outlet names gathered from several places (publishers, credited origins, cited sources), one per name whatever its
/// casing; each shown as a document wrote it when any did with capitals, since a citation is often lower-cased
/// ("cites daily planet").
/// </summary>
internal sealed class OutletNames
{
    private readonly Dictionary<string, string> _shown = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return;
        name = name.Trim();
        // "The Daily Paper" and "Daily Paper" are one outlet: the article is not part of the name's identity.
        var key = name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..].TrimStart() : name;
        if (!_shown.TryGetValue(key, out var seen) || (IsLower(seen) && !IsLower(name)) || (IsLower(seen) == IsLower(name) && name.Length > seen.Length))
            _shown[key] = name;
    }

    /// <summary>The names, sorted; one seen only in lower case is given capitals (a short one-word name as an acronym).</summary>
    public IReadOnlyList<string> Sorted() => [.. _shown.Values.Select(Display).Order(StringComparer.OrdinalIgnoreCase)];

    private static bool IsLower(string name) => !name.Any(char.IsUpper);

    private static string Display(string name)
    {
        if (!IsLower(name) || name.Contains('.', StringComparison.Ordinal)) return name; // a web host stays as it is
        if (name.Length <= 4 && !name.Contains(' ', StringComparison.Ordinal)) return name.ToUpperInvariant();
        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
