using System.Collections.Frozen;
using System.Globalization;
using Triangulate.Text;

namespace Triangulate.Extract.Time;

/// <summary>Month, weekday, season and unit words from Data/time-words.tsv, looked up without allocating.</summary>
internal static class TimeWords
{
    private static readonly Lazy<FrozenDictionary<string, (string Kind, int Number)>> Words = new(() =>
    {
        var map = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        foreach (var row in EmbeddedData.ReadRows("time-words.tsv"))
            map[row[0].Trim()] = (row[1].Trim(), int.Parse(row[2], CultureInfo.InvariantCulture));
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    });

    /// <summary>Looks a word up, ignoring case.</summary>
    public static bool TryGet(ReadOnlySpan<char> word, out string kind, out int number)
    {
        kind = "";
        number = 0;
        if (word.Length is 0 or > 16) return false;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        if (!Words.Value.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower, out var entry)) return false;
        (kind, number) = entry;
        return true;
    }

    /// <summary>Whether the word is of the kind.</summary>
    public static bool Is(ReadOnlySpan<char> word, string kind, out int number) => TryGet(word, out var k, out number) && k == kind;
}
