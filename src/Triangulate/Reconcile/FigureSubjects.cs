using System.Collections.Frozen;
using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// What a figure is a figure of, for grouping figures into series: its measure, whose it is (the holder: the nearest
/// country named before the figure in its sentence, not after a preposition: "Mali currently controls 800 km2 of
/// territory in X" is Mali's, "Chad occupied 500 km2 of Malian territory" Chad's) and the rest of its subject
/// once words that only restate the measure ("territory" for an area, from <c>measure-synonyms.tsv</c>) are dropped.
/// Countries and their demonyms and capitals come from <c>countries.tsv</c>, through the extractors' lexicon.
/// </summary>
internal static class FigureSubjects
{
    /// <summary>Prepositions: a name after one is an object, not whose a figure is (also <see cref="Frame.Bearer"/>).</summary>
    internal static readonly FrozenSet<string> Prepositions = FrozenSet.ToFrozenSet(
        ["in", "of", "from", "at", "near", "into", "on", "to", "across", "inside", "within", "against", "over", "toward", "towards", "by", "with"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words in the longest country phrase ("United States of America"): how far back a phrase can start.</summary>
    private static readonly Lazy<int> LongestCountry = new(() =>
    {
        var longest = 1;
        foreach (var phrase in Extract.ExtractLexicon.CountryOf.Keys) longest = Math.Max(longest, phrase.Split(' ').Length);
        return longest;
    });

    private static readonly Lazy<FrozenDictionary<string, FrozenSet<string>>> Synonyms = new(() =>
    {
        var map = new Dictionary<string, FrozenSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in ReconcileData.Lines("measure-synonyms.tsv"))
        {
            var cells = line.Split('\t');
            if (cells.Length < 2) continue;
            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var phrase in cells[1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                foreach (var w in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)) words.Add(w.ToLowerInvariant());
            map[cells[0].Trim()] = words.ToFrozenSet(StringComparer.Ordinal);
        }
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    });

    /// <summary>The country a word or phrase stands for ("Bamako's" → the country of that capital), or null.</summary>
    public static string? Country(string word)
    {
        var w = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
        return Extract.ExtractLexicon.CountryOf.TryGetValue(w, out var country) ? country : null;
    }

    /// <summary>As <see cref="Country(string)"/>, of a phrase in a buffer (no string made to look it up).</summary>
    private static string? Country(System.Text.StringBuilder phrase)
    {
        Span<char> buffer = stackalloc char[256];
        if (phrase.Length > buffer.Length) return Country(phrase.ToString());
        phrase.CopyTo(0, buffer, phrase.Length);
        ReadOnlySpan<char> w = buffer[..phrase.Length];
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal)) w = w[..^2];
        return CountrySpans.TryGetValue(w, out var country) ? country : null;
    }

    private static FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CountrySpans => Extract.ExtractLexicon.CountryOf.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> only restates <paramref name="measure"/> ("territory" for area).</summary>
    public static bool RestatesMeasure(string? measure, string word) =>
        measure is not null && Synonyms.Value.TryGetValue(measure, out var words) && words.Contains(word.ToLowerInvariant());

    /// <summary>True when the text names the measure by one of its words ("of the territory" for area).</summary>
    public static bool Names(string? measure, string text)
    {
        if (measure is null || !Synonyms.Value.TryGetValue(measure, out var words)) return false;
        foreach (var w in ContentWords.Of(text)) if (words.Contains(w)) return true;
        return false;
    }

    /// <summary>The subject's words without those that restate the measure.</summary>
    public static string[] Rest(Claim claim)
    {
        if (claim.Subject is null || ContentWords.IsEntityId(claim.Subject)) return claim.Subject is null ? [] : [claim.Subject];
        var rest = new List<string>();
        foreach (var w in ContentWords.Of(claim.Subject))
            if (!RestatesMeasure(claim.Measure, w) && Country(w) is null && Country(Capitalise(w)) is null) rest.Add(w);
        return [.. rest];
    }

    /// <summary>The holder of the claim's first mention that names one; null when none does.</summary>
    public static string? Holder(Claim claim, CorpusContext context)
    {
        foreach (var mention in claim.Mentions)
        {
            var document = context.Corpus.FindDocument(mention.Span.Document);
            if (document is not null && HolderBefore(document.Text, mention.Span.Start) is { } holder) return holder;
        }
        return null;
    }

    /// <summary>The nearest country named before <paramref name="start"/> in its sentence and not governed by a preposition.</summary>
    internal static string? HolderBefore(string text, int start)
    {
        var from = start;
        while (from > 0 && start - from < 300 && text[from - 1] is not ('\n' or '!' or '?') && !(text[from - 1] == '.' && from < text.Length && char.IsWhiteSpace(text[from]))) from--;
        var words = new List<string>();
        var i = from;
        while (i < start)
        {
            while (i < start && !char.IsLetter(text[i])) i++;
            var s = i;
            while (i < start && (char.IsLetter(text[i]) || text[i] is '\'' or '’' or '.' or '-') && !(text[i] == '.' && (i + 1 >= start || char.IsWhiteSpace(text[i + 1])) && !(i >= 1 && char.IsUpper(text[i - 1])))) i++;
            if (i > s) words.Add(text[s..i]);
        }
        var longest = LongestCountry.Value;
        // The phrases are joined in a buffer and looked up there: every phrase of up to the longest country's words
        // ending at every word was a list and a string (asked for every figure of every series).
        var phrase = new System.Text.StringBuilder();
        for (var k = words.Count - 1; k >= 0; k--)
        {
            for (var n = Math.Min(longest, k + 1); n >= 1; n--)
            {
                phrase.Clear();
                for (var w = k - n + 1; w <= k; w++)
                {
                    if (w > k - n + 1) phrase.Append(' ');
                    phrase.Append(words[w]);
                }
                if (Country(phrase) is not { } country) continue;
                var before = k - n;
                if (before >= 0 && Prepositions.Contains(words[before])) break;
                return country;
            }
        }
        return null;
    }

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
