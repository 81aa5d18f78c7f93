using System.Collections.Frozen;
using System.Globalization;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// What the words of a class or id attribute say about an element ("article-body" leans to content, "sidebar" away
/// from it), from <c>Data/html-class-hints.tsv</c>. Attributes are cut into words at every non-letter so that
/// "post__content", "postContent" and "post-content" read alike.
/// </summary>
internal static class HtmlClassHints
{
    private static readonly FrozenDictionary<string, (double Weight, BlockKind Kind)> Table = Load();

    // Strong furniture words long enough to be read inside a run-together name ("commentlist", "relatedposts",
    // "sidebarleft"), as trafilatura matches class substrings: six letters or more, weight -25 or below.
    private const int MinStemLength = 6;
    private const double MaxStemWeight = -25;
    private static readonly (string Word, double Weight, BlockKind Kind)[] Stems = StemsOf(Table);

    /// <summary>Sums the weights of the words of <paramref name="attribute"/>, and returns the kind of the most negative word (Body when none is negative or any is positive).</summary>
    public static (double Weight, BlockKind Kind) Score(string? attribute)
    {
        if (string.IsNullOrEmpty(attribute)) return (0, BlockKind.Body);
        double weight = 0, worst = 0;
        var kind = BlockKind.Body;
        var positive = false;
        var span = attribute.AsSpan();
        var lookup = Table.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[32];
        var i = 0;
        // Per class name (space-separated token): a compound that pairs a content word with a furniture word
        // ("post-author", "author-content", "story-byline") names that furniture of the post, not the post's text.
        double tokenPositive = 0, tokenNegative = 0;
        var tokenKind = BlockKind.Body;
        var tokenWorst = 0.0;
        while (i <= span.Length)
        {
            if (i == span.Length || char.IsWhiteSpace(span[i]))
            {
                if (tokenNegative < 0)
                {
                    weight += tokenNegative;
                    if (tokenWorst < worst)
                    {
                        worst = tokenWorst;
                        kind = tokenKind;
                    }
                }
                else if (tokenPositive > 0)
                {
                    weight += tokenPositive;
                    positive = true;
                }
                tokenPositive = tokenNegative = tokenWorst = 0;
                i++;
                continue;
            }
            if (!char.IsLetter(span[i]))
            {
                i++;
                continue;
            }
            var start = i;
            i++;
            while (i < span.Length && char.IsLetter(span[i]) && !(char.IsUpper(span[i]) && char.IsLower(span[i - 1]))) i++;
            var word = span[start..i];
            if (word.Length > lower.Length) continue;
            var n = word.ToLowerInvariant(lower);
            if (!lookup.TryGetValue(lower[..n], out var hint) && !TryStem(lower[..n], out hint)) continue;
            if (hint.Weight > 0) tokenPositive += hint.Weight;
            else tokenNegative += hint.Weight;
            if (hint.Weight < tokenWorst)
            {
                tokenWorst = hint.Weight;
                tokenKind = hint.Kind;
            }
        }
        return (weight, positive ? BlockKind.Body : kind);
    }

    /// <summary>A word that begins or ends with a strong furniture word and is at least three letters longer.</summary>
    private static bool TryStem(ReadOnlySpan<char> word, out (double Weight, BlockKind Kind) hint)
    {
        hint = default;
        if (word.Length < MinStemLength + 3) return false;
        foreach (var stem in Stems)
        {
            if (word.Length < stem.Word.Length + 3) continue;
            if (!word.StartsWith(stem.Word, StringComparison.Ordinal) && !word.EndsWith(stem.Word, StringComparison.Ordinal)) continue;
            hint = (stem.Weight, stem.Kind);
            return true;
        }
        return false;
    }

    private static (string, double, BlockKind)[] StemsOf(FrozenDictionary<string, (double Weight, BlockKind Kind)> table)
    {
        var stems = new List<(string, double, BlockKind)>();
        foreach (var (word, hint) in table)
            if (word.Length >= MinStemLength && hint.Weight <= MaxStemWeight) stems.Add((word, hint.Weight, hint.Kind));
        // Longest first, so "comments" wins over "comment" and ordering never depends on the table's.
        stems.Sort((a, b) => b.Item1.Length != a.Item1.Length ? b.Item1.Length.CompareTo(a.Item1.Length) : string.CompareOrdinal(a.Item1, b.Item1));
        return [.. stems];
    }

    private static FrozenDictionary<string, (double, BlockKind)> Load()
    {
        using var stream = typeof(HtmlClassHints).Assembly.GetManifestResourceStream("Triangulate.Data.html-class-hints.tsv")
            ?? throw new InvalidOperationException("Embedded resource html-class-hints.tsv is missing.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, (double, BlockKind)>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            var kind = Enum.Parse<BlockKind>(parts[2], ignoreCase: true);
            table[parts[0]] = (double.Parse(parts[1], CultureInfo.InvariantCulture), kind);
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
