namespace Triangulate.Ingest;

/// <summary>
/// The shape of a name (an outlet, a person, a dateline's place) as against a sentence. Page furniture taken for a
/// metadata field (a consent banner "This website uses cookies. By continuing…", an update notice "Article mis à jour le
/// 7 janvier 2020.", a newsletter prompt) reads as a sentence in any language: many words, or a full stop that ends a
/// word rather than an abbreviation. A name is a short noun phrase: "The St. Louis Post-Dispatch", "Acme Corp.".
/// </summary>
internal static class NameShape
{
    /// <summary>Most words a name has: "The Sydney Morning Herald and Examiner" is about as long as outlets' names get.</summary>
    internal const int MaxWords = 6;

    /// <summary>Longest word, in letters, read as an abbreviation before its full stop ("St.", "Corp.", "Jr.").</summary>
    private const int MaxAbbreviation = 4;

    /// <summary>True when <paramref name="value"/> has the shape of a name: at most <see cref="MaxWords"/> words and no sentence end.</summary>
    public static bool IsName(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.IsEmpty || LineFeatures.WordCount(value) > MaxWords) return false;
        for (var i = 0; i < value.Length; i++)
        {
            // "!" is left alone: names use it ("OK! Magazine", "Yahoo!"). Only a mark that ends the value or is followed
            // by a space ends a sentence.
            if (value[i] is not ('.' or '?')) continue;
            if (i < value.Length - 1 && value[i + 1] != ' ') continue;
            if (value[i] == '?' || !EndsAbbreviation(value[..i])) return false;
        }
        return true;
    }

    /// <summary>
    /// True when <paramref name="value"/> has the shape of a person's name: a name (<see cref="IsName"/>) without a
    /// date or a time among its words ("28.5.2020 17:43 Updated", "John Doe - January 10"): a word of digits and
    /// date marks only. A handle or an outlet with digits in a word ("News18") stays.
    /// </summary>
    public static bool IsPersonName(ReadOnlySpan<char> value)
    {
        if (!IsName(value)) return false;
        foreach (var range in value.Split(' '))
        {
            var word = value[range].Trim(",;()");
            if (word.IsEmpty || word.IndexOfAnyInRange('0', '9') < 0) continue;
            if (!word.ContainsAnyExcept(DateMarks)) return false;
        }
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> DateMarks = System.Buffers.SearchValues.Create("0123456789.:/-");

    /// <summary>
    /// True when the word that ends <paramref name="before"/> is an abbreviation: a capital and at most
    /// <see cref="MaxAbbreviation"/> letters ("St", "Corp"), a word in capitals ("LINKE."), or one with a full stop inside
    /// ("U.S", "e.V"); not "cookies" nor "2020".
    /// </summary>
    private static bool EndsAbbreviation(ReadOnlySpan<char> before)
    {
        var start = before.LastIndexOf(' ') + 1;
        var word = before[start..];
        if (word.IsEmpty || word.IndexOfAnyInRange('0', '9') >= 0) return false;
        if (word.Contains('.')) return true;
        var letters = 0;
        var upper = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) return false;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        return char.IsUpper(word[0]) && (letters <= MaxAbbreviation || upper == letters);
    }
}
