using Triangulate.Text;

namespace Triangulate.Link.Stories;

/// <summary>
/// The figures a headline states, each under the plain words beside it ("magnitude 4.4", "profit of $345 million",
/// "jailed for 8 years"): a headline names its event's defining figure in a fixed frame, so two headlines that state
/// different values beside the same word state two values of one slot (two quakes' magnitudes, two quarters' profits,
/// two sentences). Only lower-case words of three letters or more count as a slot's word: names (a team, a town) and
/// short function words ("to", "à") say where a figure stands in the sentence, not what it measures. A count written out
/// in English ("kills five", <see cref="NumberWords.TryCount"/>) is a figure as its digits are.
/// </summary>
internal static class HeadlineFigures
{
    /// <summary>The slots of a headline: "&lt;word" for the word before a figure, "&gt;word" for the word after, each with the figures' digits.</summary>
    public static Dictionary<string, HashSet<string>> Of(string? headline)
    {
        var slots = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(headline)) return slots;
        // Tokens in order: a number (its digits), a slot word, or null for a word that is no slot word (a name, a short
        // word) or a sign that stands between, so a figure's neighbour is the token next to it whatever the punctuation.
        var tokens = new List<(bool Number, string? Text)>();
        var i = 0;
        while (i < headline.Length)
        {
            var c = headline[i];
            if (char.IsAsciiDigit(c))
            {
                var s = i;
                while (i < headline.Length && (char.IsAsciiDigit(headline[i]) || (headline[i] is ',' or '.' && i + 1 < headline.Length && char.IsAsciiDigit(headline[i + 1])))) i++;
                tokens.Add((true, LinkText.NumberKey(headline.AsSpan(s, i - s))));
            }
            else if (char.IsLetter(c))
            {
                var s = i;
                while (i < headline.Length && char.IsLetter(headline[i])) i++;
                // A count written out is a figure as its digits are ("fire kills five" against "kills 3"; "twenty-five").
                if (NumberWords.TryCount(headline.AsSpan(s, i - s), out var count))
                {
                    var unit = i + 1;
                    while (unit < headline.Length && char.IsLetter(headline[unit])) unit++;
                    if (count >= 20 && count % 10 == 0 && i < headline.Length && headline[i] == '-' && unit > i + 1
                        && Ones(headline.AsSpan(i + 1, unit - i - 1)) is > 0 and var ones)
                    {
                        count += ones;
                        i = unit;
                    }
                    tokens.Add((true, count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                else tokens.Add((false, char.IsLower(c) && i - s >= 3 ? headline[s..i].ToLowerInvariant() : null));
            }
            else
            {
                // A currency or percent sign stands between a figure and the word beside it ("of $345 million": the
                // slot is "million", not "of"); other punctuation does not ("2-0", "Tebiby : au moins").
                if (c == '%' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.CurrencySymbol) tokens.Add((false, null));
                i++;
            }
        }
        for (var t = 0; t < tokens.Count; t++)
        {
            if (!tokens[t].Number) continue;
            if (t > 0 && tokens[t - 1] is (false, { } before)) Add(slots, "<" + before, tokens[t].Text!);
            if (t + 1 < tokens.Count && tokens[t + 1] is (false, { } after)) Add(slots, ">" + after, tokens[t].Text!);
        }
        return slots;
    }

    /// <summary>Whether two headlines state different figures in one slot: a slot both have whose values they share none of.</summary>
    public static bool Conflict(Dictionary<string, HashSet<string>> a, Dictionary<string, HashSet<string>> b)
    {
        foreach (var (slot, values) in a)
            if (b.TryGetValue(slot, out var others) && !values.Overlaps(others)) return true;
        return false;
    }

    /// <summary>The value of a units word after a tens word's hyphen ("five" of "twenty-five", "one" too), or 0.</summary>
    private static int Ones(ReadOnlySpan<char> word) =>
        word.Equals("one", StringComparison.OrdinalIgnoreCase) ? 1 : NumberWords.TryCount(word, out var n) && n < 10 ? n : 0;

    private static void Add(Dictionary<string, HashSet<string>> slots, string slot, string value)
    {
        if (!slots.TryGetValue(slot, out var values)) slots[slot] = values = new HashSet<string>(StringComparer.Ordinal);
        values.Add(value);
    }
}
