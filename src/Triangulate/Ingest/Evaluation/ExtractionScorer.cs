using System.Text;

namespace Triangulate.Ingest.Evaluation;

/// <summary>
/// Scores article extraction as the Scrapinghub article-extraction-benchmark's <c>evaluate.py</c> does: text is cut into
/// word tokens (runs of letters, digits, marks and connector punctuation, i.e. the regex <c>\w+</c>), tokens into
/// overlapping runs of four (shingles), counted as multisets; per page precision = tp/(tp+fp) and recall = tp/(tp+fn),
/// 1 when there is nothing to miss. Pages are averaged, and F1 is the harmonic mean of the averages.
/// </summary>
public sealed class ExtractionScorer
{
    /// <summary>Shingle length, as in the benchmark.</summary>
    public const int ShingleLength = 4;

    private double _precision;
    private double _recall;

    /// <summary>Pages scored so far.</summary>
    public int Pages { get; private set; }

    /// <summary>The averages over the pages added so far.</summary>
    public ExtractionScore Total => Pages == 0 ? new ExtractionScore(0, 0) : new ExtractionScore(_precision / Pages, _recall / Pages);

    /// <summary>Scores one page and adds it to the totals.</summary>
    public ExtractionScore Add(string predicted, string expected)
    {
        var score = Score(predicted, expected);
        _precision += score.Precision;
        _recall += score.Recall;
        Pages++;
        return score;
    }

    /// <summary>Precision and recall of one page's <paramref name="predicted"/> text against the <paramref name="expected"/> text.</summary>
    public static ExtractionScore Score(string predicted, string expected)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(expected);
        var truth = Shingles(expected);
        var guess = Shingles(predicted);
        long tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, count) in guess)
        {
            var expectedCount = truth.GetValueOrDefault(shingle);
            tp += Math.Min(count, expectedCount);
            fp += Math.Max(0, count - expectedCount);
        }
        foreach (var (shingle, count) in truth) fn += Math.Max(0, count - guess.GetValueOrDefault(shingle));
        // evaluate.py: a page with nothing predicted wrongly scores 1 for precision, with nothing missed 1 for recall.
        var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
        return new ExtractionScore(precision, recall);
    }

    /// <summary>The multiset of <see cref="ShingleLength"/>-token shingles of <paramref name="text"/>.</summary>
    public static Dictionary<string, int> Shingles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokens(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        for (var i = 0; i + ShingleLength <= tokens.Count; i++)
        {
            builder.Clear();
            for (var j = 0; j < ShingleLength; j++) builder.Append(tokens[i + j]).Append('\u0001');
            var key = builder.ToString();
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }
        return shingles;
    }

    /// <summary>The <c>\w+</c> tokens of <paramref name="text"/>.</summary>
    public static List<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var word = i < text.Length && IsWordChar(text, i);
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
        }
        return tokens;
    }

    // Python's \w in str patterns: alphanumerics (Unicode letters, digits, numbers) and the underscore, plus marks.
    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (c == '_' || char.IsLetterOrDigit(c)) return true;
        if (char.IsHighSurrogate(c)) return i + 1 < text.Length && char.IsLetterOrDigit(text, i);
        if (char.IsLowSurrogate(c)) return i > 0 && char.IsHighSurrogate(text[i - 1]) && char.IsLetterOrDigit(text, i - 1);
        var category = char.GetUnicodeCategory(c);
        return category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber;
    }
}
