using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// When a figure with no time of its own holds, from the words of its sentence: "currently", "now", "so far" tie it to
/// the article's publication; "at its peak", "initially" to an interval before publication that starts at the
/// earliest event its passage dates (the event the figure is about: not before the operation that seized the ground).
/// The word nearest the figure wins ("currently controls 800 …, less than the peak of 1,376": 800 is now, 1,376 the
/// peak). Words are from <c>figure-times.tsv</c>.
/// </summary>
internal static class FigureTimes
{
    private static readonly Lazy<(string Kind, string Phrase)[]> Markers = new(() =>
    {
        var list = new List<(string, string)>();
        foreach (var line in ReconcileData.Lines("figure-times.tsv"))
        {
            var cells = line.Split('\t');
            if (cells.Length == 2) list.Add((cells[0].Trim(), cells[1].Trim().ToLowerInvariant()));
        }
        return [.. list];
    });

    /// <summary>The time the figure at [<paramref name="start"/>, <paramref name="end"/>) holds for, or null without a marker or a publication interval.</summary>
    public static DateRange? For(string text, int start, int end, DateOnly? publishedEarliest, DateOnly? publishedLatest, IReadOnlyList<PartialDate> passageDates)
    {
        if (publishedEarliest is not { } earliest || publishedLatest is not { } latest) return null;
        if (Nearest(text, start, end) is not { } kind) return null;
        if (kind == "now") return new DateRange { Start = PartialDate.FromDate(earliest), End = PartialDate.FromDate(latest) };
        // Earlier: up to the day before the latest publication day, from the earliest past event the passage dates.
        PartialDate? from = null;
        foreach (var date in passageDates)
            if (date.Earliest < latest && (from is null || date < from.Value)) from = date;
        return new DateRange { Start = from is { } f ? new PartialDate(f.Year, f.Month, f.Day) : null, End = PartialDate.FromDate(latest.AddDays(-1)) };
    }

    /// <summary>The kind of the marker nearest the figure within its sentence, or null.</summary>
    internal static string? Nearest(string text, int start, int end)
    {
        var (from, to) = SentenceAround(text, start, end);
        var sentence = text[from..to].ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (kind, phrase) in Markers.Value)
        {
            for (var i = sentence.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = sentence.IndexOf(phrase, i + 1, StringComparison.Ordinal))
            {
                var before = i == 0 || !char.IsLetter(sentence[i - 1]);
                var after = i + phrase.Length >= sentence.Length || !char.IsLetter(sentence[i + phrase.Length]);
                if (!before || !after) continue;
                var at = from + i;
                var distance = at >= end ? at - end : at + phrase.Length <= start ? start - (at + phrase.Length) : 0;
                if (distance < bestDistance)
                {
                    best = kind;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /// <summary>The bounds of the sentence holding [<paramref name="start"/>, <paramref name="end"/>) (at most 300 characters either side).</summary>
    internal static (int From, int To) SentenceAround(string text, int start, int end)
    {
        var from = start;
        while (from > 0 && start - from < 300 && text[from - 1] is not ('\n' or '!' or '?') && !(text[from - 1] == '.' && from < text.Length && char.IsWhiteSpace(text[from]))) from--;
        var to = end;
        while (to < text.Length && to - end < 300 && text[to] is not ('\n' or '!' or '?') && !(text[to] == '.' && (to + 1 >= text.Length || char.IsWhiteSpace(text[to + 1])))) to++;
        return (from, to);
    }
}
