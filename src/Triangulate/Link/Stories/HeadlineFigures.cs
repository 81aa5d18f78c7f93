using Triangulate.Text;

namespace Triangulate.Link.Stories;

/// <summary>
/// The figures a headline states, each under the plain words beside it ("magnitude 4.4", "profit of $345 million",
/// "jailed for 8 years"): a headline names its event's defining figure in a fixed frame, so two headlines that state
/// different values beside the same word state two values of one slot (two quakes' magnitudes, two quarters' profits,
/// two sentences). Only lower-case words of three letters or more count as a slot's word: names (a team, a town) and
/// short function words ("to", "à") say where a figure stands in the sentence, not what it measures. A count written out
/// in English ("kills five", <see cref="NumberWords.TryCount"/>) is a figure as its digits are. A score ("2-0") stands
/// between names, so it has a slot of its own (<see cref="ScoreSlot"/>): two matches of one club differ in it.
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
                // A score ("2-0", "1–3"): two numbers of one or two digits with a dash between and no space, read as one
                // figure whichever side is named first ("Rovers 2-7" and "7-2 win over Rovers" are one result).
                if (i - s <= 2 && Score(headline, s, i) is { } score) Add(slots, ScoreSlot, score);
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

    /// <summary>The slot of a match's score, its two numbers lower first.</summary>
    internal const string ScoreSlot = "score";

    /// <summary>The score "lower-higher" when the digits at [start, end) are followed by a dash and one or two digits that end there, and none stand before.</summary>
    private static string? Score(string headline, int start, int end)
    {
        if (start > 0 && (char.IsAsciiDigit(headline[start - 1]) || headline[start - 1] is '-' or '\u2013' or '.' or ',')) return null;
        if (end + 1 >= headline.Length || headline[end] is not ('-' or '\u2013') || !char.IsAsciiDigit(headline[end + 1])) return null;
        var other = end + 1;
        while (other < headline.Length && char.IsAsciiDigit(headline[other])) other++;
        if (other - end - 1 > 2 || (other < headline.Length && (char.IsLetterOrDigit(headline[other]) || headline[other] is '-' or '\u2013' or '.' && other + 1 < headline.Length && char.IsAsciiDigit(headline[other + 1])))) return null;
        var a = int.Parse(headline.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture);
        var b = int.Parse(headline.AsSpan(end + 1, other - end - 1), System.Globalization.CultureInfo.InvariantCulture);
        return FormattableString.Invariant($"{Math.Min(a, b)}-{Math.Max(a, b)}");
    }

    /// <summary>Whether two headlines state different figures in one slot: a slot both have whose values they share none of.</summary>
    public static bool Conflict(Dictionary<string, HashSet<string>> a, Dictionary<string, HashSet<string>> b)
    {
        foreach (var (slot, values) in a)
            if (b.TryGetValue(slot, out var others) && !values.Overlaps(others)) return true;
        return false;
    }

    /// <summary>Whether two headlines state one figure alike: a slot both have with a value in common (the score of one match beside two players' yards).</summary>
    public static bool Agree(Dictionary<string, HashSet<string>> a, Dictionary<string, HashSet<string>> b)
    {
        foreach (var (slot, values) in a)
            if (b.TryGetValue(slot, out var others) && values.Overlaps(others)) return true;
        return false;
    }

    /// <summary>The value of a units word after a tens word's hyphen ("five" of "twenty-five", "one" too), or 0.</summary>
    private static int Ones(ReadOnlySpan<char> word) =>
        word.Equals("one", StringComparison.OrdinalIgnoreCase) ? 1 : NumberWords.TryCount(word, out var n) && n < 10 ? n : 0;

    /// <summary>Adds a value to a slot.</summary>
    internal static void Add(Dictionary<string, HashSet<string>> slots, string slot, string value)
    {
        if (!slots.TryGetValue(slot, out var values)) slots[slot] = values = new HashSet<string>(StringComparer.Ordinal);
        values.Add(value);
    }
}
