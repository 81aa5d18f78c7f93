using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// Coarse tense of a sentence, for re-resolving times and placing present-tense reports: a past verb (a regular "-ed"
/// or one in <c>dating-past-verbs.txt</c>) with no future word makes it past; "is", "are", "now"... with no past
/// auxiliary makes it present.
/// </summary>
internal static partial class Tense
{
    private static readonly Lazy<FrozenSet<string>> PastVerbs = new(() => ReconcileData.Lines("dating-past-verbs.txt").Select(l => l.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal));

    /// <summary>True when the text has a past verb and no word of the future.</summary>
    public static bool IsPast(string text) => HasPastVerb(text) && !FutureRegex().IsMatch(text);

    /// <summary>True when the text speaks in the present and has no past auxiliary.</summary>
    public static bool IsPresent(string text) => PresentRegex().IsMatch(text) && !PastAuxiliaryRegex().IsMatch(text);

    /// <summary>A regular "-ed" verb or a listed irregular past.</summary>
    public static bool HasPastVerb(string text)
    {
        foreach (var w in WordRegex().EnumerateMatches(text))
        {
            var word = text.AsSpan(w.Index, w.Length).ToString().ToLowerInvariant();
            if ((word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)) || PastVerbs.Value.Contains(word)) return true;
        }
        return false;
    }

    /// <summary>
    /// The expression's rule applied to <paramref name="published"/>; a bare month ("in August") the resolver placed
    /// after publication is taken a year earlier when its sentence is in the past ("launched the operation in August").
    /// </summary>
    public static TimeExpression Resolve(TimeExpression expression, DateOnly published, string text)
    {
        var resolved = Extract.Time.TimeResolver.Resolve(expression, published);
        if (expression.Rule is not { } rule || !rule.StartsWith("month-of-year", StringComparison.Ordinal) || resolved.Start is not { } start || start.Earliest <= published) return resolved;
        if (!IsPast(TimelineStage.SentenceAround(text, expression.Span.Start, expression.Span.End))) return resolved;
        return resolved with { Start = new PartialDate(start.Year - 1, start.Month, start.Day), End = resolved.End is { } e ? new PartialDate(e.Year - 1, e.Month, e.Day) : null };
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"\b(?:will|would|expected|planned|scheduled|due|hopes?|anticipat\w*|awaiting|next)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureRegex();

    [GeneratedRegex(@"\b(?:is|are|am|now|currently|remains?|continues?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PresentRegex();

    [GeneratedRegex(@"\b(?:was|were|had|did)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastAuxiliaryRegex();
}
