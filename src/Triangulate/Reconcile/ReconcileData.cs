using System.Collections.Frozen;
using System.Reflection;

namespace Triangulate.Reconcile;

/// <summary>The lexicons the reconcile stages share, read once from embedded data files (general knowledge, never story facts).</summary>
internal static class ReconcileData
{
    private static readonly Lazy<FrozenSet<string>> StopwordSet = new(() => Lines("reconcile-stopwords.txt").ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<string[]> QualifierList = new(() => [.. Lines("reconcile-qualifiers.txt")]);
    private static readonly Lazy<FrozenDictionary<string, (string Status, string Group)>> StatusMap = new(LoadStatuses);

    /// <summary>Function words ignored when comparing content.</summary>
    public static FrozenSet<string> Stopwords => StopwordSet.Value;

    /// <summary>Words that tie a figure to its own moment ("peak", "now").</summary>
    public static IReadOnlyList<string> Qualifiers => QualifierList.Value;

    /// <summary>A status or alias (lower case) to its canonical status and exclusive group ("-" for none).</summary>
    public static FrozenDictionary<string, (string Status, string Group)> Statuses => StatusMap.Value;

    /// <summary>The non-blank, non-comment lines of an embedded data file.</summary>
    public static IEnumerable<string> Lines(string name)
    {
        using var stream = typeof(ReconcileData).Assembly.GetManifestResourceStream("Triangulate.Data." + name)
            ?? throw new InvalidOperationException($"embedded data file {name} is missing");
        using var reader = new StreamReader(stream);
        foreach (var line in ReadLines(reader)) yield return line;
    }

    /// <summary>The non-blank, non-comment lines of a reader.</summary>
    public static IEnumerable<string> ReadLines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            yield return line.TrimEnd();
        }
    }

    private static FrozenDictionary<string, (string, string)> LoadStatuses()
    {
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var line in Lines("reconcile-statuses.tsv"))
        {
            var cells = line.Split('\t');
            var status = cells[0].Trim().ToLowerInvariant();
            var group = cells.Length > 1 ? cells[1].Trim() : "-";
            map[status] = (status, group);
            if (cells.Length > 2)
                foreach (var alias in cells[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    map.TryAdd(alias.ToLowerInvariant(), (status, group));
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
