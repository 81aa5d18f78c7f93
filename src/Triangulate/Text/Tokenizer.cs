namespace Triangulate.Text;

/// <summary>
/// Splits text into words, numbers and symbols with offsets into the original string. Digits and letters written
/// together ("3,000kg", "44th") become two tokens so units and ordinal suffixes can be seen; inner ',' and '.' stay in
/// numbers ("1,376", "2.5") and inner apostrophes, hyphens and single-letter dots stay in words ("don't", "U.S.").
/// </summary>
public static class Tokenizer
{
    /// <summary>Appends the tokens of text[start..end) to <paramref name="tokens"/>, in order.</summary>
    public static void Tokenize(string text, int start, int end, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var s = i;
            if (char.IsDigit(c))
            {
                i++;
                while (i < end)
                {
                    if (char.IsDigit(text[i])) { i++; continue; }
                    // A separator belongs to the number only between digits: "1,376" but not "500, the".
                    if (text[i] is ',' or '.' && i + 1 < end && char.IsDigit(text[i + 1])) { i += 2; continue; }
                    break;
                }
                tokens.Add(new Token(s, i, TokenKind.Number));
                continue;
            }
            if (char.IsLetter(c))
            {
                i++;
                while (i < end)
                {
                    var d = text[i];
                    if (char.IsLetter(d)) { i++; continue; }
                    if (d is '\'' or '’' or '-' or '‐' && i + 1 < end && char.IsLetter(text[i + 1])) { i += 2; continue; }
                    // Initialisms keep their dots: "U.S.", "a.m.", "e.g." (one letter before each dot).
                    if (d == '.' && i - s >= 1 && IsInitialism(text, s, i, end)) { i++; continue; }
                    break;
                }
                tokens.Add(new Token(s, i, TokenKind.Word));
                continue;
            }
            tokens.Add(new Token(s, i + 1, TokenKind.Symbol));
            i++;
        }
    }

    /// <summary>The tokens of text[start..end).</summary>
    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>();
        Tokenize(text, start, end, tokens);
        return tokens;
    }

    // text[s..dot) is a letter run; the dot continues an initialism when the run since the last dot is one letter
    // and another single letter follows ("U.S", "a.m") or the run already has dots ("U.S" + '.').
    private static bool IsInitialism(string text, int s, int dot, int end)
    {
        var runStart = dot - 1;
        while (runStart > s && text[runStart - 1] != '.') runStart--;
        if (dot - runStart != 1) return false;
        if (dot + 1 < end && char.IsLetter(text[dot + 1]) && (dot + 2 >= end || !char.IsLetter(text[dot + 2]))) return true;
        return runStart > s;
    }
}
