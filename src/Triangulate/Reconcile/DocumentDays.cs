using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// When a claim's document says its event happened, for claims whose own words give no time: the days the document
/// names near its publication. Two fires of one town told in one frame share every template sentence ("Our crews faced
/// intense heat", "the mayor declared a day of mourning") and the officials who say them, so neither words nor speakers
/// part them; each report names its own fire's day, and every report of one event that names its day names the same
/// one (a follow-up names its event's day beside its update's). Two mentions are then of two happenings when the days
/// they can be about never meet: a mention's own time where its words give one, else its document's named days.
/// </summary>
internal static class DocumentDays
{
    /// <summary>
    /// Days from publication within which a named day may be the document's event's: a follow-up names its event's day
    /// up to two weeks on, while a season's record or an earlier case it recalls lies further back (the reach of
    /// the stories stage's event separation).
    /// </summary>
    public const int Reach = 14;

    /// <summary>
    /// Days either way by which two named days still meet: the reports of one event name days of its week (a game's
    /// day and the next day's reactions, a night's event dated to either day, an arraignment days on), while two events
    /// of one kind told alike lie weeks apart. With one day (a night's event, two time zones' "today"), ecb-dev's
    /// game and crash reports lost 20 of 830 true corroborations.
    /// </summary>
    public const int Slack = 7;

    /// <summary>
    /// The days (day numbers, ascending, distinct) that the time expressions of a document name to the day, resolved on
    /// its inferred day when it had no date (<paramref name="inferred"/>), and within <see cref="Reach"/> of its
    /// publication when that is known; expressions relative to a named event are left out, as their day is that event's.
    /// </summary>
    public static int[] Named(string text, IReadOnlyList<TimeExpression> times, DateOnly? inferred, DateOnly? publishedEarliest, DateOnly? publishedLatest)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(times);
        SortedSet<int>? days = null;
        foreach (var expression in times)
        {
            if (expression.Anchor == TimeAnchor.Event) continue;
            var resolved = expression.Start is null && expression.Rule is not null && inferred is { } day ? Tense.Resolve(expression, day, text) : expression;
            if (resolved.Start is not { Day: not null } start || (resolved.End is { } end && end != start)) continue;
            var number = start.Earliest.DayNumber;
            if (publishedEarliest is { } first && number < first.DayNumber - Reach) continue;
            if (publishedLatest is { } last && number > last.DayNumber + Reach) continue;
            (days ??= []).Add(number);
        }
        return days is null ? [] : [.. days];
    }

    /// <summary>
    /// True when two mentions of different documents can be about no one happening (their days are more than
    /// <see cref="Slack"/> apart): a mention's days are its own time where its words give one (a status's or statement's event time, a figure's time), else its document's named
    /// days; mentions whose own words both give times are left to those (<see cref="ClaimMatcher.OtherEventTimes"/>,
    /// <see cref="DraftFeatures.TimesCompatible"/>), and a mention with neither says nothing.
    /// </summary>
    public static bool Apart(DraftFeatures a, DraftFeatures b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.DocumentId == b.DocumentId || a.DocumentDays.Length == 0 || b.DocumentDays.Length == 0 || Dated(a) || Dated(b)) return false;
        foreach (var day in a.DocumentDays)
            if (Meets((day, day), b.DocumentDays)) return false;
        return true;
    }

    /// <summary>
    /// True when a mention's own words give it a time (a status's or statement's event time, a figure's time): that time
    /// is compared by the rules for it, not by its document's days. A figure's time may be a passage's year ("drafted in
    /// 1978 … played 11 seasons"), which its document's days of this week would wrongly part from another report's.
    /// </summary>
    private static bool Dated(DraftFeatures d) =>
        DraftFeatures.Bounds(d.Draft.Kind is ClaimKind.Status or ClaimKind.Statement ? d.EventTime : d.Time) is not null;

    /// <summary>True when one of <paramref name="days"/> lies within <see cref="Slack"/> of <paramref name="range"/>.</summary>
    private static bool Meets((int First, int Last) range, int[] days)
    {
        foreach (var day in days)
            if (day >= range.First - Slack && day <= range.Last + Slack) return true;
        return false;
    }
}
