using System.Collections.Frozen;
using System.Globalization;
using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// When a status or a statement says its event happened: the one time its own words give ("three undersea cables were
/// damaged on Friday", "undersea cables were also damaged in January"), not a time of the telling ("police said on
/// Friday"). Two mentions whose events lie at different times are two facts of one kind, however alike their words: the
/// Friday cut and the January one, the nightclub fire on Tuesday and the market-hall fire on Saturday.
/// </summary>
/// <remarks>
/// Times complete as written ("on March 11, 2005") compare days. Times written relative to publication keep the rule
/// they were written by ("weekday:5:0", "month-of-year:1:-1", "year:-1"), and two mentions of one story, whose documents
/// are published days apart (a copy's "on Sunday" is its source's), are compared by what the writer chose to name: two weekdays, two months or two years that differ are
/// two times; a weekday, "yesterday" or "last night" names the week of publication, which a writer does not call "in
/// January", "last month" or "last year" (the reading <see cref="Figures.MeantRange"/> makes of a bound: what a
/// writer who knew the day would not have written).
/// </remarks>
internal static class EventTimes
{
    /// <summary>Words before a time within which a speech verb makes it the time of the telling ("said on Friday", "told reporters on Friday").</summary>
    private const int TellingReach = 3;

    /// <summary>
    /// The time expression that dates the event of the text [<paramref name="from"/>, <paramref name="to"/>): the one
    /// that names a moment there (a duration names none), leaving out a time told with a speech verb and a wire dateline
    /// opening it; null when there is none, or when two name different moments (which the claim's is, the words do not
    /// say). With <paramref name="word"/> (where a status word stands) the time is read from that word's clause first
    /// (<see cref="Clause"/>); a clause without one takes the sentence's when it is the main clause or one of time
    /// ("… were disrupted on Friday after three cables were damaged"), and none when it is another's ("filed charges
    /// Friday against the man who killed a woman": the killing was not on Friday).
    /// </summary>
    public static TimeExpression? Of(string text, int from, int to, IReadOnlyList<TimeExpression> times, int word = -1)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(times);
        // A wire dateline opening the text ("NEW ESEVILLE, September 10 (Wirenews) - ") dates the telling, not the event.
        from = Math.Max(from, ClaimFrames.DatelineEnd(text, from, to));
        if (word >= from && word < to)
        {
            var (clauseFrom, clauseTo, opener) = Clause(text, from, to, word);
            var (any, own) = Single(text, from, clauseFrom, clauseTo, times);
            if (any) return own;
            if (opener.Length > 0 && !TimeOpeners.Contains(opener)) return null;
        }
        return Single(text, from, from, to, times).Time;
    }

    /// <summary>
    /// Where the first word in [<paramref name="from"/>, <paramref name="to"/>) that states <paramref name="status"/>
    /// stands (a status word of the extractor's lexicon with that status, "not-" left aside, as a whole word), or -1.
    /// </summary>
    public static int StatusWord(string text, int from, int to, string? status)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(status) || from < 0 || to > text.Length || from >= to) return -1;
        var wanted = status.StartsWith("not-", StringComparison.Ordinal) ? status[4..] : status;
        var best = -1;
        foreach (var (word, value) in Extract.ExtractLexicon.StatusWords)
        {
            if (value != wanted) continue;
            for (var at = text.IndexOf(word, from, to - from, StringComparison.OrdinalIgnoreCase); at >= 0 && (best < 0 || at < best);
                at = at + 1 < to ? text.IndexOf(word, at + 1, to - at - 1, StringComparison.OrdinalIgnoreCase) : -1)
            {
                var end = at + word.Length;
                if ((at == 0 || !char.IsLetter(text[at - 1])) && (end >= text.Length || !char.IsLetter(text[end]))) { best = at; break; }
            }
        }
        return best;
    }

    /// <summary>Words that open a clause of time, whose event the main clause's time dates closely ("after", "when").</summary>
    private static readonly FrozenSet<string> TimeOpeners = FrozenSet.ToFrozenSet(
        ["after", "when", "as", "before", "while", "since", "until", "once"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that open another clause: of time (<see cref="TimeOpeners"/>), relative, reported or of reason and contrast.</summary>
    private static readonly FrozenSet<string> ClauseOpeners = FrozenSet.ToFrozenSet(
        ["after", "when", "as", "before", "while", "since", "until", "once", "who", "whom", "which", "that", "because", "although", "though", "but", "if", "whereas"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The clause around <paramref name="word"/> in [<paramref name="from"/>, <paramref name="to"/>): back to the
    /// nearest clause opener (<see cref="ClauseOpeners"/>) or mark (semicolon, colon, dash, bracket) and forward to the
    /// next; commas do not end it ("In January, undersea cables … were also damaged"). Also the opener it starts
    /// after, lower case, or "" at the sentence's start, a mark, or a "that" a speech verb reports ("adding that …").
    /// </summary>
    internal static (int From, int To, string Opener) Clause(string text, int from, int to, int word)
    {
        var start = word;
        var opener = "";
        for (var i = word; i > from;)
        {
            var c = text[i - 1];
            if (c is ';' or ':' or '—' or '–' or '(' or ')') break;
            if (!char.IsLetter(c)) { i--; start = i; continue; }
            var end = i;
            while (i > from && char.IsLetter(text[i - 1])) i--;
            if (ClauseOpeners.Contains(text[i..end]))
            {
                opener = text[i..end].ToLowerInvariant();
                // "authorities said, adding that 24 people were hurt": what a speech verb reports is the sentence's
                // news, which its other times date; only the telling's own time is left out.
                if (opener == "that" && Speech(WordBefore(text, from, i))) opener = "";
                break;
            }
            start = i;
        }
        var stop = word;
        while (stop < to && char.IsLetter(text[stop])) stop++;
        for (var i = stop; i < to;)
        {
            var c = text[i];
            if (c is ';' or ':' or '—' or '–' or '(' or ')') break;
            if (!char.IsLetter(c)) { i++; stop = i; continue; }
            var begin = i;
            while (i < to && char.IsLetter(text[i])) i++;
            if (ClauseOpeners.Contains(text[begin..i])) break;
            stop = i;
        }
        return (start, stop, opener);
    }

    /// <summary>True for a speech verb, also in its "-ing" form ("adding", "saying", "noting").</summary>
    private static bool Speech(string word)
    {
        var verbs = Extract.ExtractLexicon.SpeechVerbs;
        if (verbs.Contains(word)) return true;
        if (word.Length < 6 || !word.EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return false;
        var stem = word[..^3];
        return verbs.Contains(stem + "ed") || verbs.Contains(stem + "s") || verbs.Contains(stem + "d") || verbs.Contains(stem + "es");
    }

    /// <summary>The word ending right before <paramref name="end"/> past spaces, not before <paramref name="from"/>; "" when none.</summary>
    private static string WordBefore(string text, int from, int end)
    {
        var (begin, stop) = WordSpanBefore(text, from, end);
        return text[begin..stop];
    }

    /// <summary>Where the word ending right before <paramref name="end"/> past spaces stands, not before <paramref name="from"/>; empty when none.</summary>
    private static (int Begin, int End) WordSpanBefore(string text, int from, int end)
    {
        while (end > from && text[end - 1] is ' ' or '\t') end--;
        var begin = end;
        while (begin > from && char.IsLetter(text[begin - 1])) begin--;
        return (begin, end);
    }

    /// <summary>Whether [<paramref name="start"/>, <paramref name="end"/>) holds a time naming a moment, and that time when only one moment is named.</summary>
    private static (bool Any, TimeExpression? Time) Single(string text, int from, int start, int end, IReadOnlyList<TimeExpression> times)
    {
        TimeExpression? found = null;
        foreach (var t in times)
        {
            if (t.Span.Start < start || t.Span.End > end || t.Anchor == TimeAnchor.Event) continue;
            if (t.Start is null && t.Rule is null) continue;
            if (Told(text, from, t.Span.Start)) continue;
            if (found is null) found = t;
            else if (Day(found) != Day(t)) return (true, null);
        }
        return (found is not null, found);
    }

    /// <summary>
    /// True when two events' times can be one. Two times written relative to publication ("on Sunday", "tonight") are
    /// compared as written, by the periods their rules name (<see cref="Period"/>), not by the days they resolve to: a
    /// copy published two days after its source keeps the source's "on Sunday", which its own date would move a week.
    /// Otherwise both dated and overlapping; true when either has no time.
    /// </summary>
    /// <param name="aTime">The days the first time resolves to, or null.</param>
    /// <param name="aRule">The first time's rule when it is written relative to publication, else null.</param>
    /// <param name="bTime">The days the second time resolves to, or null.</param>
    /// <param name="bRule">The second time's rule when it is written relative to publication, else null.</param>
    public static bool Compatible(DateRange? aTime, string? aRule, DateRange? bTime, string? bRule)
    {
        if (aRule is not null && bRule is not null) return !Apart(Period(aRule), Period(bRule));
        if (DraftFeatures.Bounds(aTime) is { } x && DraftFeatures.Bounds(bTime) is { } y) return x.Start <= y.End && y.Start <= x.End;
        return true;
    }

    /// <summary>What an undated rule names: its kind ("weekday", "recent", "month-of-year", "year", "month") and which one (the weekday, month or offset).</summary>
    internal readonly record struct Named(string Kind, int Which);

    /// <summary>
    /// The period a publication-relative rule names, without a part of the day ("weekday:5:0@MO" is Friday): a weekday
    /// on or before publication, another day of its week ("day:-1", yesterday), a month of the year, a year or a month
    /// counted from publication's; null for anything else (an interval, a weekend, a day to come).
    /// </summary>
    internal static Named? Period(string rule)
    {
        var at = rule.IndexOf('@', StringComparison.Ordinal);
        var parts = (at < 0 ? rule : rule[..at]).Split(':');
        if (rule.Contains(" .. ", StringComparison.Ordinal) || rule.Contains('>', StringComparison.Ordinal) || parts.Length < 2) return null;
        int? Int(int i) => i < parts.Length && int.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
        return parts[0] switch
        {
            "weekday" when Int(1) is { } day && Int(2) is <= 0 => new Named("weekday", day % 7),
            "day" when Int(1) is >= -6 and <= 0 => new Named("recent", Int(1)!.Value),
            "month-of-year" when Int(1) is { } month && (Int(2) ?? 0) <= 0 => new Named("month-of-year", month),
            "year" when Int(1) is { } year && year <= 0 => new Named("year", year),
            "month" when Int(1) is { } months && months <= 0 => new Named("month", months),
            _ => null,
        };
    }

    /// <summary>True when two named periods cannot be one moment of documents published days apart.</summary>
    private static bool Apart(Named? a, Named? b)
    {
        if (a is not { } x || b is not { } y) return false;
        if (x.Kind == y.Kind) return x.Kind != "recent" && x.Which != y.Which;
        // A day of publication's week against a named month, last month or an earlier year.
        return (Recent(x) && Far(y)) || (Recent(y) && Far(x));
    }

    private static bool Recent(Named p) => p.Kind is "weekday" or "recent";

    private static bool Far(Named p) => p.Kind == "month-of-year" || (p.Kind is "year" or "month" && p.Which < 0);

    /// <summary>The day a time names, for telling two of one sentence apart: its dates when resolved, else its rule without a part of the day.</summary>
    private static string Day(TimeExpression t) =>
        t.Start is { } s ? s + ".." + t.End : t.Rule is { } r && r.IndexOf('@', StringComparison.Ordinal) is var at and >= 0 ? r[..at] : t.Rule ?? "";

    /// <summary>True when a speech verb stands within <see cref="TellingReach"/> words before <paramref name="start"/>, with no clause mark between.</summary>
    private static bool Told(string text, int from, int start)
    {
        var end = start;
        for (var n = 0; n < TellingReach; n++)
        {
            var (begin, stop) = WordSpanBefore(text, from, end);
            if (begin == stop) return false;
            if (Extract.ExtractLexicon.SpeechVerbs.Contains(text[begin..stop])) return true;
            end = begin;
        }
        return false;
    }
}
