using System.Collections.Frozen;

namespace Triangulate.Text;

/// <summary>
/// Splits news prose into sentences. A sentence ends at '.', '!', '?' or '…' (with the closing quotes and brackets
/// after it) followed by white space and something that can start a sentence, and always at a line break, so bullet
/// lines and headings stand alone. A dot does not end a sentence after a known abbreviation (Data/abbreviations.txt:
/// "Mr.", "Lt. Gen.", "Dec. 8", "No. 10" before a number, "U.S."), after a single capital initial ("J. Smith"), or
/// inside brackets. Thread-safe; the abbreviation list is loaded once.
/// </summary>
public sealed class NewsSentenceSplitter : ISentenceSplitter
{
    private static readonly Lazy<(FrozenSet<string> Always, FrozenSet<string> BeforeNumber)> Abbreviations = new(Load);

    /// <inheritdoc />
    public void Split(string text, int start, int end, List<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var s = SkipBlank(text, start, end);
        var i = s;
        var brackets = 0;
        while (i < end)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                Add(text, s, i, sentences);
                s = SkipBlank(text, i, end);
                i = s;
                brackets = 0;
                continue;
            }
            if (c is '(' or '[') brackets++;
            else if (c is ')' or ']' && brackets > 0) brackets--;
            else if (c is '.' or '!' or '?' or '…' && brackets == 0)
            {
                var j = i + 1;
                while (j < end && text[j] is '.' or '!' or '?' or '…') j++;
                while (j < end && text[j] is '"' or '\'' or '”' or '’' or ')' or ']' or '»') j++;
                if (j >= end || (IsSpace(text[j]) && EndsHere(text, s, i, SkipSpace(text, j, end), end)))
                {
                    Add(text, s, j, sentences);
                    s = SkipBlank(text, j, end);
                    i = s;
                    continue;
                }
                i = j;
                continue;
            }
            i++;
        }
        Add(text, s, end, sentences);
    }

    private static bool EndsHere(string text, int sentenceStart, int mark, int next, int end)
    {
        if (next >= end) return true;
        var n = text[next];
        var startsSentence = char.IsUpper(n) || char.IsDigit(n) || n is '"' or '“' or '‘' or '\'' or '«' or '(' or '[' or '•' or '–' or '—';
        if (!startsSentence) return false;
        if (text[mark] != '.') return true;
        // The word before the dot.
        var w = mark;
        while (w > sentenceStart && (char.IsLetter(text[w - 1]) || text[w - 1] == '.')) w--;
        var word = text.AsSpan(w, mark - w);
        if (word.Length == 0) return true;
        // "J. Smith": a lone capital is an initial; a lone lower-case letter ("plan b.") is not special.
        if (word.Length == 1 && char.IsUpper(word[0])) return false;
        var (always, beforeNumber) = Abbreviations.Value;
        var lookup = always.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[Math.Min(word.Length, 16)];
        if (word.Length > 16) return true;
        word.ToLowerInvariant(lower);
        if (lookup.Contains(lower)) return false;
        if (char.IsDigit(n) && beforeNumber.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower)) return false;
        return true;
    }

    private static void Add(string text, int s, int e, List<Sentence> sentences)
    {
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        if (e > s) sentences.Add(new Sentence(s, e));
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c);

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && text[i] is ' ' or '\t' or '\u00A0') i++;
        return i;
    }

    private static int SkipBlank(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static (FrozenSet<string>, FrozenSet<string>) Load()
    {
        var always = new List<string>();
        var number = new List<string>();
        foreach (var row in EmbeddedData.ReadRows("abbreviations.txt"))
        {
            var word = row[0].Trim().ToLowerInvariant();
            if (row.Length > 1 && row[1].Trim() == "number") number.Add(word);
            else always.Add(word);
        }
        return (always.ToFrozenSet(StringComparer.Ordinal), number.ToFrozenSet(StringComparer.Ordinal));
    }
}
