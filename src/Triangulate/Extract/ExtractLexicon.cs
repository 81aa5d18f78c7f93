using System.Collections.Frozen;
using Triangulate.Text;

namespace Triangulate.Extract;

/// <summary>
/// Loads the embedded word lists under Data/ once. Lines starting with '#' and blank lines are skipped; lists are
/// general knowledge about news language (titles, speech verbs, status words), never names from one story.
/// </summary>
internal static class ExtractLexicon
{
    private static readonly Lazy<FrozenSet<string>> TitlesLazy = new(() => Set("titles.txt", StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> OrgCuesLazy = new(() => Set("org-cues.txt", StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> UnitNounsLazy = new(() => Set("unit-nouns.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenSet<string>> WeaponCuesLazy = new(() => Set("weapon-cues.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenSet<string>> SpeechVerbsLazy = new(() => Set("speech-verbs.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenSet<string>> FunctionWordsLazy = new(() => Set("function-words.txt", StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> OutletsLazy = new(() => Set("outlet-cues.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenSet<string>> EscapeAvoidedLazy = new(() => Set("escape-avoided.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<IReadOnlyList<(string Word, string Value)>> StatusLazy = new(() => Pairs("status-words.txt"));
    private static readonly Lazy<IReadOnlyList<(string Word, string Value)>> EventsLazy = new(() => Pairs("event-verbs.txt"));
    private static readonly Lazy<IReadOnlyList<(string Word, string Value)>> PlaceCuesLazy = new(() => Pairs("place-cues.txt"));
    private static readonly Lazy<FrozenSet<string>> PlaceHeadsLazy = new(() => PlaceCuesLazy.Value.Where(p => p.Word == "head").Select(p => p.Value).ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> OrgModifiedLazy = new(() => Set("org-modified.txt", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<FrozenDictionary<string, NationWord>> NationsLazy = new(LoadNations);
    private static readonly Lazy<FrozenDictionary<string, string>> CountriesLazy = new(LoadCountries);
    private static readonly Lazy<(FrozenSet<string> After, FrozenSet<string> Possessed)> PersonCuesLazy = new(LoadPersonCues);

    /// <summary>
    /// Articles, demonstratives and possessive determiners, any case: a word after one is inside a noun phrase ("the
    /// captured town", "its 300" as a model), not a verb's or a figure's own.
    /// </summary>
    public static FrozenSet<string> Determiners { get; } = FrozenSet.ToFrozenSet(
        ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Titles and ranks, case as written, multiword entries with single spaces.</summary>
    public static FrozenSet<string> Titles => TitlesLazy.Value;

    /// <summary>Organisation head words.</summary>
    public static FrozenSet<string> OrgCues => OrgCuesLazy.Value;

    /// <summary>Military unit nouns.</summary>
    public static FrozenSet<string> UnitNouns => UnitNounsLazy.Value;

    /// <summary>Weapon nouns.</summary>
    public static FrozenSet<string> WeaponCues => WeaponCuesLazy.Value;

    /// <summary>Speech verbs.</summary>
    public static FrozenSet<string> SpeechVerbs => SpeechVerbsLazy.Value;

    /// <summary>Capitalised words that are not names.</summary>
    public static FrozenSet<string> FunctionWords => FunctionWordsLazy.Value;

    /// <summary>Objects with which "escaped" means "avoided" ("the death penalty", "injury"), not a flight from custody.</summary>
    public static FrozenSet<string> EscapeAvoided => EscapeAvoidedLazy.Value;

    /// <summary>Generic channels (platforms, "state media").</summary>
    public static FrozenSet<string> Outlets => OutletsLazy.Value;

    /// <summary>Status words with their normalised status, longest first.</summary>
    public static IReadOnlyList<(string Word, string Value)> StatusWords => StatusLazy.Value;

    /// <summary>Event verbs with their event type, longest first.</summary>
    public static IReadOnlyList<(string Word, string Value)> EventVerbs => EventsLazy.Value;

    /// <summary>Place cues: ("before", "in") or ("after", "region").</summary>
    public static IReadOnlyList<(string Word, string Value)> PlaceCues => PlaceCuesLazy.Value;

    /// <summary>Words that end a place name and make it one ("River", "Sea").</summary>
    public static FrozenSet<string> PlaceHeads => PlaceHeadsLazy.Value;

    /// <summary>Nouns a news organisation's name modifies ("the agency source", "X correspondent"); lower case.</summary>
    public static FrozenSet<string> OrgModified => OrgModifiedLazy.Value;

    /// <summary>Country, city, nationality-adjective and people words (<c>Data/countries.tsv</c>), case as written.</summary>
    public static FrozenDictionary<string, NationWord> Nations => NationsLazy.Value;

    /// <summary>Each word of <c>Data/countries.tsv</c> (names, adjectives, peoples, cities) → the country it stands for, case as written.</summary>
    public static FrozenDictionary<string, string> CountryOf => CountriesLazy.Value;

    /// <summary>Words after a name that only a person does ("wants", "believes"); lower case.</summary>
    public static FrozenSet<string> PersonVerbs => PersonCuesLazy.Value.After;

    /// <summary>Nouns a person's possessive takes ("inauguration", "wife"); lower case.</summary>
    public static FrozenSet<string> PersonPossessions => PersonCuesLazy.Value.Possessed;

    /// <summary>True when <paramref name="set"/> holds <paramref name="key"/>, without allocating a string.</summary>
    public static bool Has(this FrozenSet<string> set, ReadOnlySpan<char> key) => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key);

    /// <summary>The nation word for <paramref name="key"/>, without allocating a string.</summary>
    public static NationWord Nation(ReadOnlySpan<char> key) =>
        Nations.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var word) ? word : NationWord.None;

    private static FrozenDictionary<string, NationWord> LoadNations()
    {
        var words = new Dictionary<string, NationWord>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.ReadLines("countries.tsv"))
        {
            var fields = line.Split('\t');
            void Add(int field, NationWord kind)
            {
                if (fields.Length <= field) return;
                foreach (var w in fields[field].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) words.TryAdd(w, kind);
            }
            Add(0, NationWord.Country);
            Add(3, NationWord.City);
            Add(1, NationWord.Adjective);
            Add(2, NationWord.People);
        }
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> LoadCountries()
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.ReadLines("countries.tsv"))
        {
            var fields = line.Split('\t');
            var country = fields[0].Split('|')[0].Trim();
            foreach (var field in fields)
                foreach (var w in field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) words.TryAdd(w, country);
        }
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static (FrozenSet<string>, FrozenSet<string>) LoadPersonCues()
    {
        var after = new List<string>();
        var possessed = new List<string>();
        foreach (var (position, word) in Pairs("person-cues.txt")) (position == "after" ? after : possessed).Add(word);
        return (after.ToFrozenSet(StringComparer.OrdinalIgnoreCase), possessed.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
    }

    private static FrozenSet<string> Set(string name, StringComparer comparer) => EmbeddedData.ReadLines(name).ToFrozenSet(comparer);

    private static List<(string, string)> Pairs(string name)
    {
        var pairs = new List<(string, string)>();
        foreach (var line in EmbeddedData.ReadLines(name))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0) continue;
            pairs.Add((line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }
        // Longest first so "not been seen" wins over "seen".
        pairs.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return pairs;
    }
}
