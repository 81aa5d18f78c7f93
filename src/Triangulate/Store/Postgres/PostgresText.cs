using System.Globalization;
using System.Text;

namespace Triangulate.Store.Postgres;

/// <summary>
/// Full-text values for PostgreSQL made here rather than by the server's parser: the words are those of
/// <see cref="SearchRow.Words"/> folded to lower case without diacritics (as the SQLite index folds them), so the
/// index, the query and the snippet marks split and fold words alike whatever the server's locale, and no extension
/// (unaccent) is needed. Lexemes are letters, digits and marks only, so the literals need no quoting rules.
/// </summary>
internal static class PostgresText
{
    // tsvector limits: positions run 1..16383, at most 256 kept per lexeme; a lexeme is under 2 KB; a whole vector
    // under 1 MB (kept well under: a document of that many distinct words is indexed by its first ones).
    private const int MaxVectorBytes = 768 * 1024;
    private const int MaxPosition = 16383;
    private const int MaxPositions = 256;
    private const int MaxWordLength = 256;

    /// <summary>A word as indexed: lower case, diacritics removed.</summary>
    public static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The folded words of <paramref name="text"/> that can be indexed, in order.</summary>
    public static List<string> Lexemes(string text) =>
        [.. SearchRow.Words(text).Where(w => w.Length <= MaxWordLength).Select(Fold).Where(w => w.Length > 0)];

    /// <summary>The tsvector literal of <paramref name="text"/>: each lexeme with its word positions.</summary>
    public static string Vector(string text)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var words = Lexemes(text);
        var bytes = 0;
        for (var i = 0; i < words.Count; i++)
        {
            // Words past the last position keep the last one: a long document's tail is still found.
            var position = Math.Min(i + 1, MaxPosition);
            if (!positions.TryGetValue(words[i], out var list))
            {
                // What the server stores per lexeme: its bytes, an entry header, room for a few positions.
                bytes += Encoding.UTF8.GetByteCount(words[i]) + 12;
                if (bytes > MaxVectorBytes) continue;
                positions[words[i]] = list = [];
            }
            if (list.Count < MaxPositions && (list.Count == 0 || list[^1] != position))
            {
                list.Add(position);
                bytes += 2;
            }
        }
        var builder = new StringBuilder();
        foreach (var (lexeme, list) in positions)
        {
            if (builder.Length > 0) builder.Append(' ');
            builder.Append('\'').Append(lexeme).Append("':").AppendJoin(',', list);
        }
        return builder.ToString();
    }

    /// <summary>
    /// The tsquery literal that finds texts holding every word of <paramref name="query"/>, the last also as a prefix
    /// (results while typing), or texts holding every word of one of <paramref name="alternatives"/>; empty when the
    /// query has no word.
    /// </summary>
    public static string Query(string query, IEnumerable<IReadOnlyList<string>>? alternatives = null)
    {
        var words = Lexemes(query);
        if (words.Count == 0) return "";
        var all = "(" + string.Join(" & ", words.Select((w, i) => i == words.Count - 1 ? $"'{w}':*" : $"'{w}'")) + ")";
        foreach (var alternative in alternatives ?? [])
            if (alternative.Count > 0) all += " | (" + string.Join(" & ", alternative.Select(w => $"'{w}'")) + ")";
        return all;
    }

    /// <summary>
    /// Up to <paramref name="window"/> words of <paramref name="text"/> around the most matched words, each matched word
    /// between <see cref="SearchHit.MarkStart"/> and <see cref="SearchHit.MarkEnd"/>, "…" where text was cut.
    /// A word matches when its folded form is one of <paramref name="exact"/> or starts with one of <paramref name="prefixes"/>.
    /// </summary>
    public static string Snippet(string text, IReadOnlySet<string> exact, IReadOnlyCollection<string> prefixes, int window = 24)
    {
        var ranges = SearchRow.WordRanges(text).ToList();
        if (ranges.Count == 0) return text;
        var matched = ranges.Select(r =>
        {
            var folded = Fold(text[r]);
            return exact.Contains(folded) || prefixes.Any(p => folded.StartsWith(p, StringComparison.Ordinal));
        }).ToArray();
        // The window with the most matched words, the earliest of equals.
        var (best, bestCount, count) = (0, -1, 0);
        for (var end = 0; end < ranges.Count; end++)
        {
            if (matched[end]) count++;
            var start = end - window + 1;
            if (start > 0 && matched[start - 1]) count--;
            if (count > bestCount && end >= Math.Min(window, ranges.Count) - 1)
                (best, bestCount) = (Math.Max(0, start), count);
        }
        var last = Math.Min(best + window, ranges.Count) - 1;
        var builder = new StringBuilder();
        if (best > 0) builder.Append('…');
        var at = best > 0 ? ranges[best].Start.Value : 0;
        for (var i = best; i <= last; i++)
        {
            var (wordStart, wordEnd) = (ranges[i].Start.Value, ranges[i].End.Value);
            builder.Append(text, at, wordStart - at);
            if (matched[i]) builder.Append(SearchHit.MarkStart).Append(text, wordStart, wordEnd - wordStart).Append(SearchHit.MarkEnd);
            else builder.Append(text, wordStart, wordEnd - wordStart);
            at = wordEnd;
        }
        if (last < ranges.Count - 1) builder.Append('…');
        else builder.Append(text, at, text.Length - at);
        return builder.ToString();
    }
}
