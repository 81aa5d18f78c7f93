using System.Collections.Frozen;
using System.Globalization;

namespace Triangulate.Text;

/// <summary>
/// Reads numbers as news writes them, from tokens: digits with separators ("1,376", "2.5"), digits with a scale word
/// ("1.5 million", "3bn"), words ("six", "twenty-five", "two hundred and fifty", "a dozen", "a couple of"), and
/// indefinite plurals ("dozens", "thousands"). The word list is Data/number-words.txt. Thread-safe.
/// </summary>
public static class NumberWords
{
    private const int MaxWord = 24;
    private static readonly Lazy<FrozenDictionary<string, (double Value, string Role)>.AlternateLookup<ReadOnlySpan<char>>> Lexicon =
        new(() => Load().GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>Reads the number starting at tokens[<paramref name="index"/>], when there is one.</summary>
    public static bool TryParse(string text, IReadOnlyList<Token> tokens, int index, out NumberMatch match)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        match = default;
        if (index < 0 || index >= tokens.Count) return false;
        var first = tokens[index];
        if (first.Kind == TokenKind.Number)
        {
            if (!TryParseDigits(first.In(text), out var value)) return false;
            var count = 1;
            // A scale word after the digits: "1.5 million", "3bn", "10m" (written together or apart).
            if (index + 1 < tokens.Count && tokens[index + 1].Kind == TokenKind.Word
                && Lookup(tokens[index + 1].In(text), out var scale, out var role)
                && (role == "scale" || (role == "scale-abbrev" && tokens[index + 1].Start == first.End)))
            {
                value *= scale;
                count = 2;
            }
            var last = tokens[index + count - 1];
            match = new NumberMatch(value, index, count, first.Start, last.End, false, false);
            return true;
        }
        if (first.Kind != TokenKind.Word) return false;
        return TryParseWords(text, tokens, index, out match);
    }

    /// <summary>Reads digits with ',' thousands separators and '.' decimals.</summary>
    public static bool TryParseDigits(ReadOnlySpan<char> digits, out double value)
    {
        Span<char> buffer = stackalloc char[Math.Min(digits.Length, 64)];
        if (digits.Length > 64) { value = 0; return false; }
        var n = 0;
        foreach (var c in digits) if (c != ',') buffer[n++] = c;
        return double.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Whether the word writes out a count from two to ninety on its own ("five", "twelve", "forty"), and which: a unit
    /// or tens word of the lexicon, not a scale ("hundred"), "a dozen" or "one" (a pronoun as often as a count).
    /// </summary>
    public static bool TryCount(ReadOnlySpan<char> word, out int value)
    {
        value = 0;
        if (!Lookup(word, out var number, out var role) || role is not ("unit" or "tens") || number < 2) return false;
        value = (int)number;
        return true;
    }

    /// <summary>Whether the word is a number word ("six", "hundred", "dozen").</summary>
    public static bool IsNumberWord(ReadOnlySpan<char> word) => Lookup(word, out _, out _);

    /// <summary>
    /// Whether a word is an ordinal written out ("third", "fifth", "twelfth", "twentieth", "twenty-fourth", "hundredth"),
    /// or "last" and "next", which rank as ordinals do; "growth", "month" end as ordinals do and are none.
    /// </summary>
    public static bool IsOrdinalWord(ReadOnlySpan<char> word)
    {
        if (word.LastIndexOf('-') is var hyphen && hyphen >= 0) word = word[(hyphen + 1)..];
        Span<char> lower = stackalloc char[Math.Min(word.Length, 32)];
        if (word.Length > lower.Length) return false;
        word.ToLowerInvariant(lower);
        ReadOnlySpan<char> w = lower;
        if (w is "first" or "second" or "third" or "fifth" or "eighth" or "ninth" or "twelfth" or "last" or "next") return true;
        if (!w.EndsWith("th")) return false;
        if (IsNumberWord(w[..^2])) return true;
        // "twentieth" → "twenty"
        if (!w.EndsWith("ieth")) return false;
        Span<char> tens = stackalloc char[w.Length - 3];
        w[..^4].CopyTo(tens);
        tens[^1] = 'y';
        return IsNumberWord(tens);
    }

    private static bool TryParseWords(string text, IReadOnlyList<Token> tokens, int index, out NumberMatch match)
    {
        match = default;
        double total = 0, current = 0;
        var i = index;
        var any = false;
        var plural = false;
        var lastEnd = -1;
        var article = false;
        var w = tokens[i].In(text);
        // "a dozen", "a hundred", "a couple of", "one million": the article counts only before a scale word.
        if (w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            if (i + 1 >= tokens.Count || !Lookup(tokens[i + 1].In(text), out _, out var nextRole)
                || nextRole is not ("scale" or "dozen" or "couple")) return false;
            current = 1;
            article = true;
            i++;
        }
        while (i < tokens.Count && tokens[i].Kind == TokenKind.Word)
        {
            var word = tokens[i].In(text);
            if (any && word.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                // "two hundred and fifty": "and" joins only when a small number follows.
                if (i + 1 < tokens.Count && Lookup(tokens[i + 1].In(text), out _, out var r) && r is "unit" or "tens") { i++; continue; }
                break;
            }
            if (!TryWord(word, out var value, out var role)) break;
            switch (role)
            {
                case "unit" or "tens":
                    current += value;
                    break;
                case "scale":
                    if (current == 0) current = 1;
                    if (value >= 1000) { total += current * value; current = 0; }
                    else current *= value;
                    break;
                case "dozen":
                    current = (current == 0 ? 1 : current) * value;
                    break;
                case "couple":
                    if (!article) return false;
                    current = value;
                    // "a couple of": the "of" belongs to the number.
                    if (i + 1 < tokens.Count && tokens[i + 1].In(text).Equals("of", StringComparison.OrdinalIgnoreCase)) i++;
                    break;
                case "dozens" or "plural-scale":
                    if (any || article) goto done;
                    current = value;
                    plural = true;
                    break;
                default:
                    goto done;
            }
            any = true;
            lastEnd = i;
            i++;
            if (plural) break;
        }
    done:
        if (!any) return false;
        var end = tokens[lastEnd].End;
        if (i > lastEnd + 1 && tokens[i - 1].In(text).Equals("of", StringComparison.OrdinalIgnoreCase)) end = tokens[i - 1].End;
        else i = lastEnd + 1;
        match = new NumberMatch(total + current, index, i - index, tokens[index].Start, end, true, plural);
        return true;
    }

    // A word, or a hyphenated pair of words ("twenty-five").
    private static bool TryWord(ReadOnlySpan<char> word, out double value, out string role)
    {
        if (Lookup(word, out value, out role)) return role != "scale-abbrev" && role != "half";
        var dash = word.IndexOfAny('-', '‐');
        if (dash > 0 && Lookup(word[..dash], out var tens, out var tensRole) && tensRole == "tens"
            && Lookup(word[(dash + 1)..], out var unit, out var unitRole) && unitRole == "unit")
        {
            value = tens + unit;
            role = "unit";
            return true;
        }
        return false;
    }

    private static bool Lookup(ReadOnlySpan<char> word, out double value, out string role)
    {
        value = 0;
        role = "";
        if (word.Length is 0 or > MaxWord) return false;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        if (!Lexicon.Value.TryGetValue(lower, out var entry)) return false;
        (value, role) = entry;
        return true;
    }

    private static FrozenDictionary<string, (double, string)> Load()
    {
        var map = new Dictionary<string, (double, string)>(StringComparer.Ordinal);
        foreach (var row in EmbeddedData.ReadRows("number-words.txt"))
            map[row[0].Trim()] = (double.Parse(row[1], CultureInfo.InvariantCulture), row[2].Trim());
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
