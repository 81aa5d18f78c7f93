namespace Triangulate.Text;

/// <summary>
/// Bounds what extraction reads of one document: a "sentence" longer than a cap (a page of text with no sentence
/// punctuation) is cut at white space into pieces no longer than the cap, and sentences past a cap on the words of
/// the document are dropped. Extractors tokenize and scan each sentence several times, so an unbounded sentence
/// made a 5 MB one-line file take gigabytes.
/// </summary>
public static class SentenceBounds
{
    /// <summary>
    /// Cuts and drops <paramref name="sentences"/> of <paramref name="text"/> in place; returns a one-line note of each
    /// cap that was hit (empty when none).
    /// </summary>
    public static IReadOnlyList<string> Apply(string text, List<Sentence> sentences, int maxChars, int maxWords) => Apply(text, sentences, maxChars, maxWords, out _);

    /// <summary>As <see cref="Apply(string, List{Sentence}, int, int)"/>; <paramref name="analysedEnd"/> is where the kept sentences end when the word cap dropped some (the text after it is not analysed), else <see cref="int.MaxValue"/>.</summary>
    public static IReadOnlyList<string> Apply(string text, List<Sentence> sentences, int maxChars, int maxWords, out int analysedEnd)
    {
        analysedEnd = int.MaxValue;
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 16);
        var notes = new List<string>();
        var bounded = new List<Sentence>(sentences.Count);
        var cut = 0;
        foreach (var sentence in sentences)
        {
            if (sentence.Length <= maxChars)
            {
                bounded.Add(sentence);
                continue;
            }
            cut++;
            Cut(text, sentence, maxChars, bounded);
        }
        if (cut > 0) notes.Add($"{cut} sentence(s) over {maxChars} characters (text without sentence punctuation) cut into pieces of at most {maxChars}");
        long words = 0;
        for (var i = 0; i < bounded.Count; i++)
        {
            words += Words(text, bounded[i]);
            if (words <= maxWords) continue;
            notes.Add($"over the {maxWords}-word limit for one document: analysed the first {i} of {bounded.Count} sentences");
            analysedEnd = i == 0 ? bounded[0].Start : bounded[i - 1].End;
            bounded.RemoveRange(i, bounded.Count - i);
            break;
        }
        sentences.Clear();
        sentences.AddRange(bounded);
        return notes;
    }

    /// <summary>Cuts one long sentence at the last white space before each cap (at the cap itself when a piece has none, never inside a surrogate pair).</summary>
    private static void Cut(string text, Sentence sentence, int maxChars, List<Sentence> pieces)
    {
        var start = sentence.Start;
        while (start < sentence.End)
        {
            while (start < sentence.End && char.IsWhiteSpace(text[start])) start++;
            if (start >= sentence.End) break;
            var end = sentence.End - start <= maxChars ? sentence.End : start + maxChars;
            if (end < sentence.End)
            {
                var space = text.AsSpan(start + (maxChars / 2), end - start - (maxChars / 2)).LastIndexOfAny(' ', '\t', '\u00A0');
                if (space >= 0) end = start + (maxChars / 2) + space;
                else if (char.IsLowSurrogate(text[end])) end--;
            }
            var trimmed = end;
            while (trimmed > start && char.IsWhiteSpace(text[trimmed - 1])) trimmed--;
            if (trimmed > start) pieces.Add(new Sentence(start, trimmed));
            start = end;
        }
    }

    private static int Words(string text, Sentence sentence)
    {
        var words = 0;
        var inWord = false;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            var space = char.IsWhiteSpace(text[i]);
            if (!space && !inWord) words++;
            inWord = !space;
        }
        return words;
    }
}
