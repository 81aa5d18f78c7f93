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
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsLetter(span[i])) i++;
            var start = i;
            i++;
            // camelCase splits: a capital after a lower-case letter starts a new word.
            while (i < span.Length && char.IsLetter(span[i]) && !(char.IsUpper(span[i]) && char.IsLower(span[i - 1]))) i++;
            if (start >= span.Length) break;
            var word = span[start..Math.Min(i, span.Length)];
            if (word.Length > lower.Length) continue;
            var n = word.ToLowerInvariant(lower);
            if (!lookup.TryGetValue(lower[..n], out var hint)) continue;
            weight += hint.Weight;
            if (hint.Weight > 0) positive = true;
            if (hint.Weight < worst)
            {
                worst = hint.Weight;
                kind = hint.Kind;
            }
        }
        // Mixed signals ("field-name-body field-label-hidden") name no furniture kind: a content word vetoes it.
        return (weight, positive ? BlockKind.Body : kind);
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
