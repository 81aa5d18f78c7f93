using System.Collections.Frozen;
using Triangulate.Text;

namespace Triangulate.Extract.Entities;

/// <summary>
/// The entity extractor's own word lists under Data/ (given names, event heads) and the currency codes of
/// Data/currencies.tsv, loaded once; general knowledge, never names from one story.
/// </summary>
internal static class EntityLexicon
{
    private static readonly Lazy<FrozenDictionary<string, int>> GendersLazy = new(() =>
    {
        var genders = new Dictionary<string, int>(StringComparer.Ordinal);
        // Every given name, with 1 male, 2 female, 0 for a name used for both.
        foreach (var row in EmbeddedData.ReadRows("given-names.tsv"))
            genders[row[0].Trim()] = row.Length < 2 ? 0 : row[1].Trim() switch { "m" => 1, "f" => 2, _ => 0 };
        return genders.ToFrozenDictionary(StringComparer.Ordinal);
    });
    private static readonly Lazy<FrozenSet<string>> GivenNamesLazy = new(() => GendersLazy.Value.Keys.ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> EventCuesLazy = new(() => EmbeddedData.ReadLines("event-cues.txt").ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> CurrencyCodesLazy = new(LoadCurrencyCodes);
    private static readonly Lazy<FrozenSet<string>> UnitWordsLazy = new(LoadUnitWords);
    private static readonly Lazy<FrozenSet<string>> CurrencyNamesLazy = new(LoadCurrencyNames);

    /// <summary>Common given names: a run opening with one names a person.</summary>
    public static FrozenSet<string> GivenNames => GivenNamesLazy.Value;

    /// <summary>
    /// 1 male, 2 female, 0 unknown: the sex a full name's first word conventionally marks ("Mary Otieno" → 2), from
    /// Data/given-names.tsv; names used for both are 0.
    /// </summary>
    public static int GenderOfName(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? name.AsSpan() : name.AsSpan(0, space);
        return GendersLazy.Value.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(first, out var gender) ? gender : 0;
    }

    /// <summary>
    /// 1 male, 2 female, 0 unknown: the sex a title's last word marks ("Mr", "Mrs", "Sir", "Queen"; a trailing period
    /// ignored). Shared by the entity extractor's pronoun resolution and the quote speakers'.
    /// </summary>
    public static int GenderOfTitle(ReadOnlySpan<char> title)
    {
        var last = title[(title.LastIndexOf(' ') + 1)..].TrimEnd('.');
        if (last is "Mr" or "Sir" or "King" or "Prince" or "Lord") return 1;
        return last is "Mrs" or "Ms" or "Miss" or "Madam" or "Queen" or "Princess" or "Lady" or "Dame" ? 2 : 0;
    }

    /// <summary>Heads that make a name an event ("Air Show", "Developers Conference").</summary>
    public static FrozenSet<string> EventCues => EventCuesLazy.Value;

    /// <summary>ISO 4217 codes ("USD", "EUR"): units of money, not organisations.</summary>
    public static FrozenSet<string> CurrencyCodes => CurrencyCodesLazy.Value;

    /// <summary>Currencies named by a one-word common noun ("yen", "dollar", "euro"): the words of Data/currencies.tsv, not its codes.</summary>
    public static FrozenSet<string> CurrencyNames => CurrencyNamesLazy.Value;

    private static FrozenSet<string> LoadCurrencyNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in EmbeddedData.ReadRows("currencies.tsv"))
        {
            var word = row[0].Trim();
            // Symbols and ISO codes ("usd" for USD) are not words a text names a currency by.
            if (word.Length < 3 || !word.All(char.IsLetter) || word.Equals(row[1].Trim(), StringComparison.OrdinalIgnoreCase)) continue;
            names.Add(word);
        }
        return names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Single-word units of measure from Data/quantity-units.tsv ("km", "miles"): "X 10 km" is a distance, not a model.</summary>
    public static FrozenSet<string> UnitWords => UnitWordsLazy.Value;

    private static FrozenSet<string> LoadUnitWords()
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in EmbeddedData.ReadLines("quantity-units.tsv"))
        {
            var tab = line.IndexOf('\t');
            var surface = tab > 0 ? line[..tab] : line;
            if (surface.IndexOf(' ') < 0) words.Add(surface);
        }
        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    private static FrozenSet<string> LoadCurrencyCodes()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.ReadLines("currencies.tsv"))
        {
            var tab = line.LastIndexOf('\t');
            if (tab > 0) codes.Add(line[(tab + 1)..].Trim());
        }
        return codes.ToFrozenSet(StringComparer.Ordinal);
    }

}
