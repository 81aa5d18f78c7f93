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
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    });

    // The span lookup, fetched once: GetAlternateLookup checks the comparer on every call.
    private static readonly FrozenDictionary<string, (string Kind, int Number)>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.Value.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Looks a word up, ignoring case.</summary>
    public static bool TryGet(ReadOnlySpan<char> word, out string kind, out int number)
    {
        kind = "";
        number = 0;
        if (word.Length is < 2 or > 11) return false;
        if (!Lookup.TryGetValue(word, out var entry)) return false;
        (kind, number) = entry;
        return true;
    }

    /// <summary>Whether the word is of the kind.</summary>
    public static bool Is(ReadOnlySpan<char> word, string kind, out int number) => TryGet(word, out var k, out number) && k == kind;

    /// <summary>The word without a possessive ending: "Tuesday's" → "Tuesday", "years'" → "years".</summary>
    public static ReadOnlySpan<char> Bare(ReadOnlySpan<char> word)
    {
        if (word.Length > 3 && word[^1] is 's' or 'S' && word[^2] is '\'' or '’') return word[..^2];
        if (word.Length > 3 && word[^1] is '\'' or '’' && word[^2] is 's') return word[..^1];
        return word;
    }

    /// <summary>TIMEX3's season code for a season's first month: "SP", "SU", "FA", "WI".</summary>
    public static string SeasonCode(int firstMonth) => firstMonth switch { 3 => "SP", 6 => "SU", 9 => "FA", _ => "WI" };
}
