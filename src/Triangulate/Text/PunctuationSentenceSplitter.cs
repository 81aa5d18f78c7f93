namespace Triangulate.Text;

/// <summary>
/// Baseline splitter: a sentence ends at '.', '!' or '?' (and any closing quotes or brackets after it) followed by
/// white space and an upper-case letter, a digit or an opening quote. No abbreviation handling: the measure that
/// better splitters are compared against.
/// </summary>
public sealed class PunctuationSentenceSplitter : ISentenceSplitter
{
    /// <inheritdoc />
    public void Split(string text, int start, int end, List<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var s = SkipSpace(text, start, end);
        var i = s;
        while (i < end)
        {
            var c = text[i];
            if (c is '.' or '!' or '?')
            {
                var j = i + 1;
                while (j < end && text[j] is '"' or '\'' or '”' or '’' or ')' or ']' or '»') j++;
                if (j >= end || (char.IsWhiteSpace(text[j]) && StartsSentence(text, SkipSpace(text, j, end), end)))
                {
                    sentences.Add(new Sentence(s, j));
                    s = SkipSpace(text, j, end);
                    i = s;
                    continue;
                }
            }
            i++;
        }
        var e = end;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        if (e > s) sentences.Add(new Sentence(s, e));
    }

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static bool StartsSentence(string text, int i, int end) =>
        i < end && (char.IsUpper(text[i]) || char.IsDigit(text[i]) || text[i] is '"' or '“' or '‘' or '\'' or '«' or '(' or '[');
}
