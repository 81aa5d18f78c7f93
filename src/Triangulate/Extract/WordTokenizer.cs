namespace Triangulate.Extract;

/// <summary>One word or punctuation mark: characters [Start, End) of the document text.</summary>
internal readonly record struct WordToken(int Start, int End, bool IsWord)
{
    public int Length => End - Start;
}

/// <summary>
/// A minimal word tokenizer private to the extractors: words keep inner hyphens and apostrophes ("British-French",
/// "don’t", "general's"), title abbreviations keep their period ("Gen."), every other non-space character is a token.
/// </summary>
internal static class WordTokenizer
{
    public static List<WordToken> Tokenize(string text, int start, int end)
    {
        var tokens = new List<WordToken>();
        Tokenize(text, start, end, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of text[start..end) to <paramref name="tokens"/>, for callers that reuse one list.</summary>
    public static void Tokenize(string text, int start, int end, List<WordToken> tokens)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (!char.IsLetterOrDigit(c)) { tokens.Add(new WordToken(i, i + 1, false)); i++; continue; }
            var j = i + 1;
            while (j < end)
            {
                var d = text[j];
                if (char.IsLetterOrDigit(d)) { j++; continue; }
                if ((d is '-' or '\'' or '’') && j + 1 < end && char.IsLetterOrDigit(text[j + 1])) { j += 2; continue; }
                // "S&P", "AT&T": an ampersand between capitals inside one word.
                if (d == '&' && j + 1 < end && char.IsUpper(text[j - 1]) && char.IsUpper(text[j + 1])) { j += 2; continue; }
                break;
            }
            // Abbreviations: a title ("Gen.") or single capitals ("U.S.") keep their period.
            if (j < end && text[j] == '.' && (ExtractLexicon.Titles.Has(text.AsSpan(i, j + 1 - i)) || (j - i == 1 && char.IsUpper(c) && j + 1 < end && char.IsUpper(text[j + 1]))))
            {
                j++;
                while (j + 1 < end && char.IsUpper(text[j]) && text[j + 1] == '.') j += 2;
            }
            tokens.Add(new WordToken(i, j, true));
            i = j;
        }
    }

    /// <summary>True when the token starts with an upper-case letter.</summary>
    public static bool IsCapitalised(string text, WordToken token) => token.IsWord && char.IsUpper(text[token.Start]);

    /// <summary>True when every letter is upper case and there are at least two.</summary>
    public static bool IsAllCaps(string text, WordToken token)
    {
        var letters = 0;
        for (var i = token.Start; i < token.End; i++)
        {
            if (!char.IsLetter(text[i])) continue;
            if (!char.IsUpper(text[i])) return false;
            letters++;
        }
        return letters >= 2;
    }
}
