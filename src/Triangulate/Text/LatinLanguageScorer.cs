using System.Buffers;
using Lingua;

namespace Triangulate.Text;

/// <summary>
/// Lingua's low-accuracy answer for a text in Latin script, computed without Lingua: the same cleaning, the same
/// trigram log-probability sums added in the same order, the same decision, so the answer is Lingua's to the bit. It
/// is the cost that differs: Lingua spends most of a document's analysis on its rule engine (a LINQ query per
/// character, an alphabet test per word and script, 45 character groups scanned per word) and on one string-keyed
/// lookup per trigram per language; here one table lookup per trigram serves every language
/// (<see cref="NgramLogTable"/>).
/// <para>
/// It answers only where Lingua's rules provably leave the choice to the trigram models: every letter is in Latin
/// script, every other character is of no script (symbols, marks), at least one word is all letters, fewer than half
/// of the words hold a configured language's unique characters (Lingua's rule engine then decides nothing), and the
/// words' distinct non-ASCII letters number fewer than half the words (no language then reaches Lingua's half-the-words
/// bar for its distinctive characters, each of which is a non-ASCII letter listed once). Anywhere else it returns null
/// and the caller asks Lingua. A test compares both on many texts.
/// </para>
/// </summary>
internal sealed class LatinLanguageScorer
{
    /// <summary>Characters cleaned on the stack; longer samples rent a buffer.</summary>
    private const int StackLimit = 512;

    /// <summary>What Lingua returns when it cannot tell.</summary>
    private const string Undetermined = "und";

    private const byte Other = 0, LatinLetter = 1, Neutral = 2;

    // Per UTF-16 unit: a Latin-script letter, a character of no script (Common or Inherited) that is not a letter,
    // or anything else (which sends the text to Lingua). Built once: Lingua's script lookup is a binary search.
    private static readonly Lazy<byte[]> Kinds = new(BuildKinds);

    [ThreadStatic]
    private static HashSet<ulong>? _seen;

    private readonly string[] _codes;
    private readonly SearchValues<char> _unique;
    private readonly string _models;
    private NgramLogTable? _table;

    private LatinLanguageScorer(string[] codes, SearchValues<char> unique, string models)
    {
        _codes = codes;
        _unique = unique;
        _models = models;
    }

    /// <summary>
    /// A scorer for <paramref name="languages"/> in the order Lingua's detector holds them; null when none of them is
    /// written in Latin script (every text then goes to Lingua).
    /// </summary>
    public static LatinLanguageScorer? Create(IReadOnlyList<Language> languages, string? modelsDirectory = null)
    {
        var latin = LanguageInfo.AllWithLatinScript();
        var codes = languages.Where(latin.Contains).Select(l => l.IsoCode6391().ToString().ToLowerInvariant()).ToArray();
        if (codes.Length == 0) return null;
        var unique = string.Concat(languages.Select(l => l.UniqueCharacters() ?? ""));
        return new LatinLanguageScorer(codes, SearchValues.Create(unique),
            modelsDirectory ?? Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels"));
    }

    /// <summary>Lingua's ISO 639-1 answer for <paramref name="text"/> ("und" where it cannot tell), or null where only Lingua can say.</summary>
    public string? TryIdentify(ReadOnlySpan<char> text)
    {
        char[]? rented = null;
        Span<char> buffer = text.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var length = Clean(text, buffer);
            return length < 0 ? null : Decide(buffer[..length]);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Lingua's cleaning: trimmed, lower-cased (invariant), punctuation and numbers dropped, each run of white space
    /// one space (kept at the end too). Returns the cleaned length, or -1 at a surrogate (Lingua lower-cases pairs as
    /// runes; such texts go to Lingua).
    /// </summary>
    private static int Clean(ReadOnlySpan<char> text, Span<char> output)
    {
        text = text.Trim();
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (char.IsSurrogate(c)) return -1;
            var lower = char.ToLowerInvariant(c);
            if (char.IsPunctuation(lower) || char.IsNumber(lower)) continue;
            if (space)
            {
                output[length++] = ' ';
                space = false;
            }
            output[length++] = lower;
        }
        if (space) output[length++] = ' ';
        return length;
    }

    private string? Decide(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !HasLetter(text)) return Undetermined;
        if (!RulesLeaveItToModels(text)) return null;
        // One Latin-script language left after Lingua's alphabet filter: Lingua answers it without scoring.
        if (_codes.Length == 1) return _codes[0];
        if (text.Length < 3) return Undetermined;
        Span<double> sums = stackalloc double[_codes.Length];
        Score(text, sums);
        return Choose(sums);
    }

    private static bool HasLetter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (char.IsLetter(c)) return true;
        return false;
    }

    /// <summary>Whether Lingua's rule engine and alphabet filter would leave exactly the Latin-script languages to the trigram models (see the class summary).</summary>
    private bool RulesLeaveItToModels(ReadOnlySpan<char> text)
    {
        var kinds = Kinds.Value;
        int words = 0, withUnique = 0, nonAscii = 0;
        var latinWord = false;
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            if (word.IsEmpty) continue;
            words++;
            var allLatin = true;
            for (var i = 0; i < word.Length; i++)
            {
                var c = word[i];
                var kind = kinds[c];
                if (kind == Other) return false;
                if (kind != LatinLetter)
                {
                    allLatin = false;
                    continue;
                }
                // Counted once per word: Lingua counts a character group once per word whatever its repeats.
                if (c >= 0x80 && word[..i].IndexOf(c) < 0) nonAscii++;
            }
            if (word.ContainsAny(_unique)) withUnique++;
            latinWord |= allLatin;
        }
        return latinWord && 2 * withUnique <= words && 2 * nonAscii < words;
    }

    /// <summary>
    /// Lingua's low-accuracy sums: each distinct trigram of each run of letters, in order of first appearance, adds
    /// the log-probability of the longest of it, its two-letter and its one-letter prefix that the language's models
    /// hold.
    /// </summary>
    private void Score(ReadOnlySpan<char> text, Span<double> sums)
    {
        var table = _table ??= NgramLogTable.For(_models, _codes);
        var seen = _seen ??= [];
        seen.Clear();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            for (var j = start; j + 3 <= i; j++)
            {
                var key = NgramLogTable.Pack(text.Slice(j, 3));
                if (!seen.Add(key)) continue;
                Add(table, key, sums);
            }
        }
    }

    private static void Add(NgramLogTable table, ulong key, Span<double> sums)
    {
        // The row holds the back-off's choice per language (trigram, else bigram, else unigram; NaN where none).
        var row = table.Find(key);
        for (var language = 0; language < row.Length; language++)
            if (!double.IsNaN(row[language])) sums[language] += row[language];
    }

    /// <summary>
    /// Lingua's decision from the sums: languages with a negative sum compete; their probabilities (exp of the sums)
    /// are normalised and the highest wins unless another equals it. When every probability underflows to zero,
    /// the first highest sum wins outright.
    /// </summary>
    private string Choose(ReadOnlySpan<double> sums)
    {
        Span<double> probabilities = stackalloc double[sums.Length];
        var total = 0.0;
        var competing = 0;
        for (var i = 0; i < sums.Length; i++)
        {
            if (!(sums[i] < 0)) continue;
            probabilities[i] = Math.Exp(sums[i]);
            total += probabilities[i];
            competing++;
        }
        if (competing == 0) return Undetermined;
        if (total == 0)
        {
            var first = -1;
            for (var i = 0; i < sums.Length; i++)
                if (sums[i] < 0 && (first < 0 || sums[i] > sums[first])) first = i;
            return _codes[first];
        }
        var best = -1;
        var bestValue = 0.0;
        var ties = 0;
        for (var i = 0; i < sums.Length; i++)
        {
            var confidence = sums[i] < 0 ? probabilities[i] / total : 0;
            if (best < 0 || confidence > bestValue)
            {
                best = i;
                bestValue = confidence;
                ties = 0;
            }
            else if (confidence == bestValue)
            {
                ties++;
            }
        }
        // The other configured languages (not in Latin script) sit at zero: a best of zero ties with them.
        return ties > 0 || bestValue == 0 ? Undetermined : _codes[best];
    }

    private static byte[] BuildKinds()
    {
        var kinds = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (char.IsSurrogate(ch)) continue;
            var script = ch.GetScript();
            if (char.IsLetter(ch)) kinds[c] = script == UnicodeScript.Latin ? LatinLetter : Other;
            else kinds[c] = script is UnicodeScript.Common or UnicodeScript.Inherited ? Neutral : Other;
        }
        return kinds;
    }
}
