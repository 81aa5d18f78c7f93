using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Triangulate.Reconcile;

/// <summary>
/// The content words of a short text (a subject, a claim, a quote) as a sorted set, and set similarity between two such
/// sets by a linear merge: cheap enough to run on every candidate pair a blocking index yields.
/// </summary>
internal static class ContentWords
{
    /// <summary>Distinct lower-case content words (function words dropped, a plural "s" folded), ordinal order.</summary>
    public static string[] Of(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        return Of(text.AsSpan());
    }

    /// <summary>As <see cref="Of(string?)"/>, of a part of a text (no substring made for it).</summary>
    public static string[] Of(ReadOnlySpan<char> text)
    {
        var words = Words();
        Collect(text, words, anchorsOnly: false);
        return Distinct(words);
    }

    /// <summary>
    /// The words a subject is compared by. An entity id (corpus-wide "e-…" or document-local "type:name") is one
    /// opaque word: ids match only when equal, never by a shared prefix such as "person".
    /// </summary>
    public static string[] SubjectOf(string? subject, string? fallback) =>
        subject is not null && IsEntityId(subject) ? [subject] : Of(fallback);

    /// <summary>True for entity ids as the entity stages write them.</summary>
    public static bool IsEntityId(string text) =>
        (text.StartsWith("e-", StringComparison.Ordinal) && text.Length == 14 && !text.Contains(' ', StringComparison.Ordinal))
        || (text.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && !text.Contains(' ', StringComparison.Ordinal) && colon < text.Length - 1);

    /// <summary>Content words of several texts (keys, subject) together.</summary>
    public static string[] Of(IEnumerable<string?> texts)
    {
        var words = Words();
        foreach (var text in texts) if (!string.IsNullOrEmpty(text)) Collect(text, words, anchorsOnly: false);
        return Distinct(words);
    }

    /// <summary>
    /// Anchors: the words that survive translation and paraphrase (numbers, capitalised names not opening a sentence,
    /// long rare-looking words), as in the "anchor" features of cross-lingual quote matching.
    /// </summary>
    public static string[] Anchors(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var words = Words();
        Collect(text, words, anchorsOnly: true);
        return Distinct(words);
    }

    /// <summary>|a ∩ b| / |a ∪ b| of two sorted sets; 0 when both are empty.</summary>
    public static double Jaccard(string[] a, string[] b)
    {
        var shared = Shared(a, b);
        var union = a.Length + b.Length - shared;
        return union == 0 ? 0 : (double)shared / union;
    }

    /// <summary>|a ∩ b| / min(|a|, |b|): how much of the shorter set the longer one contains ("the general" in "the French general").</summary>
    public static double Containment(string[] a, string[] b)
    {
        var min = Math.Min(a.Length, b.Length);
        return min == 0 ? 0 : (double)Shared(a, b) / min;
    }

    /// <summary>Size of the intersection of two sorted sets.</summary>
    public static int Shared(string[] a, string[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            var c = string.CompareOrdinal(a[i], b[j]);
            if (c == 0) { shared++; i++; j++; }
            else if (c < 0) i++;
            else j++;
        }
        return shared;
    }

    /// <summary>
    /// The words gathered by <see cref="Collect"/> on this thread before they are sorted: one list a thread, kept (a
    /// sorted set a call made a tree node a word and a walk to copy it out, on every draft, frame and sentence).
    /// </summary>
    [ThreadStatic]
    private static List<string>? t_words;

    /// <summary>A thread's word list, emptied.</summary>
    private static List<string> Words()
    {
        var words = t_words ??= [];
        words.Clear();
        return words;
    }

    /// <summary>Ordinal order, as one delegate: a list sorted by a comparer made a delegate of it every call.</summary>
    private static readonly Comparison<string> Ordinal = string.CompareOrdinal;

    /// <summary>The distinct <paramref name="words"/> in ordinal order (what a sorted set of them would hold).</summary>
    private static string[] Distinct(List<string> words)
    {
        if (words.Count == 0) return [];
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(words).Sort(Ordinal);
        var kept = 1;
        for (var k = 1; k < words.Count; k++)
            if (!string.Equals(words[k], words[kept - 1], StringComparison.Ordinal)) words[kept++] = words[k];
        var result = new string[kept];
        words.CopyTo(0, result, 0, kept);
        words.Clear();
        return result;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopwordSpans = ReconcileData.Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Adds the content words of <paramref name="span"/> to <paramref name="words"/> (in text order, repeats kept). A word
    /// is lowered into a buffer and tested there: only a word kept becomes a string.
    /// </summary>
    private static void Collect(ReadOnlySpan<char> span, List<string> words, bool anchorsOnly)
    {
        var i = 0;
        var sentenceStart = true;
        // A word is never longer than the text.
        char[]? rented = null;
        Span<char> token = span.Length <= 256 ? stackalloc char[span.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(span.Length));
        try
        {
            while (i < span.Length)
            {
                if (!char.IsLetterOrDigit(span[i]))
                {
                    if (span[i] is '.' or '!' or '?' or '"' or '“' or '\'' or '‘' or ':') sentenceStart = true;
                    i++;
                    continue;
                }
                var start = i;
                var length = 0;
                // Digits keep their group separators so "1,376" and "1376" both become "1376".
                while (i < span.Length && (char.IsLetterOrDigit(span[i]) || (span[i] is ',' or '.' && i + 1 < span.Length && char.IsDigit(span[i + 1]) && i > start && char.IsDigit(span[i - 1]))))
                {
                    if (span[i] != ',') token[length++] = char.ToLowerInvariant(span[i]);
                    i++;
                }
                ReadOnlySpan<char> word = token[..length];
                var capitalised = char.IsUpper(span[start]);
                var numeric = char.IsDigit(span[start]);
                var opensSentence = sentenceStart;
                sentenceStart = false;
                if (StopwordSpans.Contains(word)) continue;
                if (!numeric && word.Length > 3 && word[^1] == 's' && word[^2] != 's') word = word[..^1];
                if (anchorsOnly && !(numeric || (capitalised && !opensSentence) || word.Length >= 10)) continue;
                if (word.Length < 2 && !numeric) continue;
                // Lowered ASCII is already composed and lower case; anything else is normalised as a string.
                words.Add(System.Text.Ascii.IsValid(word) ? new string(word) : new string(word).Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }
}
