using System.Collections.Frozen;
using System.Globalization;
using Triangulate.Text;

namespace Triangulate.Extract.Quantities;

/// <summary>Units, currencies, hedges and phrase-ending words from Data/, loaded once; keys are lower case, words joined by one space.</summary>
internal sealed class QuantityLexicon
{
    private static readonly Lazy<QuantityLexicon> Instance = new(() => new QuantityLexicon());

    private QuantityLexicon()
    {
        var units = new Dictionary<string, (string, string, double)>(StringComparer.Ordinal);
        foreach (var r in EmbeddedData.ReadRows("quantity-units.tsv"))
            units[r[0].Trim()] = (r[1].Trim(), r[2].Trim(), double.Parse(r[3], CultureInfo.InvariantCulture));
        Units = units.ToFrozenDictionary(StringComparer.Ordinal);
        var currencies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in EmbeddedData.ReadRows("currencies.tsv")) currencies[r[0].Trim()] = r[1].Trim();
        Currencies = currencies.ToFrozenDictionary(StringComparer.Ordinal);
        var hedges = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in EmbeddedData.ReadRows("quantity-hedges.tsv")) hedges[r[0].Trim()] = r[1].Trim();
        Hedges = hedges.ToFrozenDictionary(StringComparer.Ordinal);
        var stop = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in EmbeddedData.ReadRows("quantity-stopwords.txt")) stop.Add(r[0].Trim());
        StopWords = stop.ToFrozenSet(StringComparer.Ordinal);
        var plurals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in EmbeddedData.ReadRows("irregular-plurals.txt")) plurals.Add(r[0].Trim());
        IrregularPlurals = plurals.ToFrozenSet(StringComparer.Ordinal);
        IrregularPluralsLookup = IrregularPlurals.GetAlternateLookup<ReadOnlySpan<char>>();
        UnitsLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();
        CurrenciesLookup = Currencies.GetAlternateLookup<ReadOnlySpan<char>>();
        HedgesLookup = Hedges.GetAlternateLookup<ReadOnlySpan<char>>();
        StopWordsLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var k in Units.Keys) LongestKey = Math.Max(LongestKey, k.Length);
        foreach (var k in Currencies.Keys) LongestKey = Math.Max(LongestKey, k.Length);
        foreach (var k in Hedges.Keys) LongestKey = Math.Max(LongestKey, k.Length);
        foreach (var k in StopWords) LongestKey = Math.Max(LongestKey, k.Length);
    }

    public static QuantityLexicon Default => Instance.Value;

    /// <summary>Surface form → (measure, normalised unit, factor).</summary>
    public FrozenDictionary<string, (string Measure, string Unit, double Factor)> Units { get; }

    /// <summary>Symbol or word → ISO 4217 code.</summary>
    public FrozenDictionary<string, string> Currencies { get; }

    /// <summary>Hedge → bound kind.</summary>
    public FrozenDictionary<string, string> Hedges { get; }

    /// <summary>Words that end a counted-thing phrase.</summary>
    public FrozenSet<string> StopWords { get; }

    /// <summary>Plural nouns without "-s" ("people", "aircraft").</summary>
    public FrozenSet<string> IrregularPlurals { get; }

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IrregularPluralsLookup { get; }

    // Span-keyed views: the extractor looks up forms it assembles in a buffer, without making strings.
    public FrozenDictionary<string, (string Measure, string Unit, double Factor)>.AlternateLookup<ReadOnlySpan<char>> UnitsLookup { get; }

    public FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CurrenciesLookup { get; }

    public FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> HedgesLookup { get; }

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordsLookup { get; }

    /// <summary>The longest key of any table: a longer form is in none of them.</summary>
    public int LongestKey { get; }
}
