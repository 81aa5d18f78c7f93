using System.Globalization;
using Triangulate.Model;

namespace Triangulate.Extract.Time;

/// <summary>
/// Re-applies the rule of a publication-relative <see cref="TimeExpression"/> to a publication date, so expressions
/// found in undated articles ("last weekend", "20 January") can be resolved once the date is inferred. Rules:
/// <c>day:N</c>, <c>week:N</c>, <c>weekend:N</c>, <c>weekday:D:N</c> (D 1=Monday; N 0 = on or before publication,
/// -1 = strictly before, 1 = on or after), <c>month:N</c>, <c>year:N</c>, <c>fiscal-year:N</c> (FY and publication's year moved by N), <c>decade:N</c>, <c>month-of-year:M</c> and
/// <c>month-day:MM-DD</c> (the occurrence nearest publication), <c>quarter-in-year:Q:N</c> and <c>half-in-year:H:N</c> (of
/// publication's year moved by N), <c>season:M:N</c> (N -1 the last one over, 1 the first not yet over, 0 publication's year's, p the latest begun), <c>recent:D</c> (the D days before
/// publication), <c>earlier:week|month|year</c> (from its start to publication), <c>present</c> (PRESENT_REF), <c>quarter:Q:N</c> (Q 1-4: the latest such quarter begun by publication,
/// or with N = 1 the first not yet over; Q 0: publication's quarter moved by N), <c>half:H:N</c> (H 1-2, read as a quarter is),
/// <c>ago:DURATION:RULE</c> (the point RULE names, valued as the duration before "ago"),
/// <c>RULE&gt;N</c> (N days after the day RULE names; <c>RULE&gt;yN</c>, <c>RULE&gt;mN</c>: N years or months after the point
/// it names), a part of day or clock time after <c>@</c> ("day:0@MO", "day:0@1800Z"), and <c>A .. B</c> for intervals.
/// Stateless and thread-safe.
/// </summary>
public static class TimeResolver
{
    /// <summary>The expression with <see cref="TimeExpression.Start"/>, <see cref="TimeExpression.End"/> and <see cref="TimeExpression.Value"/> computed from its rule; unchanged when it has no rule or the rule is unknown.</summary>
    public static TimeExpression Resolve(TimeExpression expression, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Rule is null || !TryResolve(expression.Rule, published, out var start, out var end, out var value)) return expression;
        return expression with { Start = start, End = end, Value = value };
    }

    /// <summary>
    /// Splits an "ago" rule into the duration the text states and the point it reaches back to ("ago:P3W:day:-21" →
    /// "P3W", "day:-21"); false for any other rule.
    /// </summary>
    internal static bool SplitAgo(string rule, out string duration, out string point)
    {
        if (rule.StartsWith("ago:", StringComparison.Ordinal) && rule.IndexOf(':', 4) is > 4 and var colon)
        {
            (duration, point) = (rule[4..colon], rule[(colon + 1)..]);
            return true;
        }
        (duration, point) = ("", rule);
        return false;
    }

    /// <summary>Applies <paramref name="rule"/> to <paramref name="published"/>.</summary>
    public static bool TryResolve(string rule, DateOnly published, out PartialDate start, out PartialDate end, out string value)
    {
        ArgumentNullException.ThrowIfNull(rule);
        start = end = default;
        value = "";
        // "ago:P3W:day:-21" ("three weeks ago"): TimeML marks the stretch, the DURATION "three weeks", with "ago" its
        // signal; the point it reaches back to (the rule after the duration) is what the app dates by.
        if (SplitAgo(rule, out var duration, out var reachedBack))
        {
            if (!TryResolve(reachedBack, published, out start, out end, out _)) return false;
            value = duration;
            return true;
        }
        var interval = rule.IndexOf(" .. ", StringComparison.Ordinal);
        if (interval > 0)
        {
            var second = rule[(interval + 4)..];
            if (!TryResolve(rule[..interval], published, out start, out _, out var v1)
                || !TryResolve(second, published, out _, out end, out var v2)) return false;
            // "between April and June": a range runs forward, so an end resolved before its start (each end was
            // placed near publication on its own) is the next year's.
            if (end.Earliest < start.Earliest && second.StartsWith("month-", StringComparison.Ordinal)
                && !TryResolve(second, published.AddYears(1), out _, out end, out v2)) return false;
            value = v1 + "/" + v2;
            return true;
        }
        // "day:0@MO", "day:0@1800Z": a part of day or a clock time after the day ("2008-01-09TMO", "2009-12-15T18:00Z").
        var at = rule.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            if (!TryResolve(rule[..at], published, out start, out end, out var day)) return false;
            var time = rule[(at + 1)..];
            value = day + "T" + (time.Length >= 4 && char.IsDigit(time[0]) ? time[..2] + ":" + time[2..] : time);
            return true;
        }
        // "date:2009-06-15>1": the day after the day a rule names ("the next day" after a dated event).
        var shifted = rule.LastIndexOf('>');
        if (shifted > 0)
        {
            // "RULE>y1", "RULE>m-1": a year or month from the point RULE names; "RULE>1": days from its day.
            var unit = rule[shifted + 1] is 'y' or 'm' ? rule[shifted + 1] : 'd';
            if (!int.TryParse(rule.AsSpan(shifted + (unit == 'd' ? 1 : 2)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                || !TryResolve(rule[..shifted], published, out var point, out _, out _)) return false;
            if (unit == 'y') start = end = new PartialDate(point.Year + n);
            else if (unit == 'm' && point.Month is { } month)
            {
                var m = new DateOnly(point.Year, month, 1).AddMonths(n);
                start = end = new PartialDate(m.Year, m.Month);
            }
            else if (unit == 'd' && point.Day is not null) start = end = PartialDate.FromDate(point.Earliest.AddDays(n));
            else return false;
            value = start.ToString();
            return true;
        }
        var parts = rule.Split(':');
        try
        {
            switch (parts[0])
            {
                case "date":
                    start = end = PartialDate.Parse(parts[1]);
                    value = parts[1];
                    return true;
                case "day":
                    start = end = PartialDate.FromDate(published.AddDays(Int(parts[1])));
                    value = start.ToString();
                    return true;
                case "week":
                    {
                        var monday = Monday(published.AddDays(7 * Int(parts[1])));
                        start = PartialDate.FromDate(monday);
                        end = PartialDate.FromDate(monday.AddDays(6));
                        value = Week(monday);
                        return true;
                    }
                case "weekend":
                    {
                        // The weekend containing publication or the latest before it; -1: the latest one over before publication.
                        var sunday = published;
                        while (sunday.DayOfWeek != DayOfWeek.Sunday) sunday = sunday.AddDays(1);
                        // "w": the weekend of publication's week, even when it is still to come.
                        if (parts[1] != "w" && (sunday.AddDays(-1) > published || (Int(parts[1]) < 0 && sunday >= published))) sunday = sunday.AddDays(-7);
                        start = PartialDate.FromDate(sunday.AddDays(-1));
                        end = PartialDate.FromDate(sunday);
                        value = Week(Monday(sunday)) + "-WE";
                        return true;
                    }
                case "weekday":
                    {
                        var day = Int(parts[1]) % 7;
                        var n = Int(parts[2]);
                        // Ahead: the first such day on or after publication ("will land on Monday", written on a Monday: that day).
                        var d = n < 0 ? published.AddDays(-1) : published;
                        var step = n > 0 ? 1 : -1;
                        while ((int)d.DayOfWeek != day) d = d.AddDays(step);
                        start = end = PartialDate.FromDate(d);
                        value = start.ToString();
                        return true;
                    }
                case "month":
                    {
                        var m = new DateOnly(published.Year, published.Month, 1).AddMonths(Int(parts[1]));
                        start = end = new PartialDate(m.Year, m.Month);
                        value = start.ToString();
                        return true;
                    }
                case "year":
                    start = end = new PartialDate(published.Year + Int(parts[1]));
                    value = start.ToString();
                    return true;
                case "fiscal-year":
                    // "the current fiscal year": the business year named by publication's year moved by N ("FY2008"); the
                    // company's own calendar is not known, so the year it mostly falls in stands for it.
                    start = end = new PartialDate(published.Year + Int(parts[1]));
                    value = "FY" + start.Year.ToString(CultureInfo.InvariantCulture);
                    return true;
                case "decade":
                    {
                        // The decade of publication moved by N decades: "198" for the 1980s, as TIMEX3 writes a decade.
                        var decade = published.Year / 10 + Int(parts[1]);
                        start = new PartialDate(decade * 10);
                        end = new PartialDate(decade * 10 + 9);
                        value = decade.ToString(CultureInfo.InvariantCulture);
                        return true;
                    }
                case "month-of-year":
                    {
                        var month = Int(parts[1]);
                        var year = parts.Length > 2 && Int(parts[2]) != 0
                            ? Directed(published, Int(parts[2]), month, 1, sameMonth: true)
                            : Nearest(published, y => new DateOnly(y, month, 15));
                        start = end = new PartialDate(year, month);
                        value = start.ToString();
                        return true;
                    }
                case "month-day":
                    {
                        var month = Int(parts[1][..2]);
                        var dayOfMonth = Int(parts[1][3..]);
                        var year = parts.Length > 2 && Int(parts[2]) != 0
                            ? Directed(published, Int(parts[2]), month, dayOfMonth, sameMonth: false)
                            : Nearest(published, y => new DateOnly(y, month, Math.Min(dayOfMonth, DateTime.DaysInMonth(y, month))));
                        if (dayOfMonth > DateTime.DaysInMonth(year, month)) return false;
                        start = end = new PartialDate(year, month, dayOfMonth);
                        value = start.ToString();
                        return true;
                    }
                case "month-in-year":
                    start = end = new PartialDate(published.Year + Int(parts[2]), Int(parts[1]));
                    value = start.ToString();
                    return true;
                case "quarter-in-year":
                    return PartOfYear(Int(parts[1]), published.Year + Int(parts[2]), 3, "Q", out start, out end, out value);
                case "half-in-year":
                    return PartOfYear(Int(parts[1]), published.Year + Int(parts[2]), 6, "H", out start, out end, out value);
                case "season":
                    {
                        var first = Int(parts[1]);
                        // "p": the latest such season begun by publication ("sales fell in the spring").
                        var begun = parts[2] == "p";
                        var n = begun ? 0 : Int(parts[2]);
                        var s = new DateOnly(published.Year, first, 1);
                        if (begun) { while (s > published) s = s.AddYears(-1); }
                        else if (n < 0) { while (s.AddMonths(3) > published) s = s.AddYears(-1); }
                        // Ahead: the first such season not yet over ("will ship in the fall", said in September: this fall).
                        else if (n > 0) { s = s.AddYears(-1); while (s.AddMonths(3) <= published) s = s.AddYears(1); }
                        var e = s.AddMonths(3).AddDays(-1);
                        start = new PartialDate(s.Year, s.Month);
                        end = new PartialDate(e.Year, e.Month);
                        value = s.Year.ToString(CultureInfo.InvariantCulture) + "-" + TimeWords.SeasonCode(first);
                        return true;
                    }
                case "half":
                    {
                        // "the second half" with no year: the latest such half begun by publication, or with N = 1 (said of
                        // what is to come) the first such half not yet over, as a quarter without its year is read.
                        var h = Int(parts[1]);
                        var current = published.Month <= 6 ? 1 : 2;
                        var year = published.Year;
                        if (Int(parts[2]) > 0 ? h < current : h > current) year += Int(parts[2]) > 0 ? 1 : -1;
                        return PartOfYear(h, year, 6, "H", out start, out end, out value);
                    }
                case "present":
                    start = end = PartialDate.FromDate(published);
                    value = "PRESENT_REF";
                    return true;
                case "quarter":
                    {
                        // N 1-4: the latest such quarter begun by publication; N 0: publication's quarter moved by the offset.
                        var q = Int(parts[1]);
                        var current = (published.Month - 1) / 3 + 1;
                        var year = published.Year;
                        int quarter;
                        // Looking ahead ("will ... in the fourth quarter"): the first such quarter not yet over.
                        if (q > 0) { quarter = q; if (Int(parts[2]) > 0 ? q < current : q > current) year += Int(parts[2]) > 0 ? 1 : -1; }
                        else
                        {
                            var index = year * 4 + current - 1 + Int(parts[2]);
                            year = index / 4;
                            quarter = index % 4 + 1;
                        }
                        start = new PartialDate(year, quarter * 3 - 2);
                        end = new PartialDate(year, quarter * 3);
                        value = year.ToString(CultureInfo.InvariantCulture) + "-Q" + quarter.ToString(CultureInfo.InvariantCulture);
                        return true;
                    }
                case "recent":
                    start = PartialDate.FromDate(published.AddDays(-Math.Abs(Int(parts[1]))));
                    end = PartialDate.FromDate(published);
                    value = "PAST_REF";
                    return true;
                case "earlier":
                    {
                        var from = parts[1] switch
                        {
                            "week" => Monday(published),
                            "month" => new DateOnly(published.Year, published.Month, 1),
                            _ => new DateOnly(published.Year, 1, 1),
                        };
                        start = PartialDate.FromDate(from);
                        end = PartialDate.FromDate(published);
                        value = parts[1] switch { "week" => Week(from), "month" => from.ToString("yyyy-MM", CultureInfo.InvariantCulture), _ => from.Year.ToString(CultureInfo.InvariantCulture) };
                        return true;
                    }
                default:
                    return false;
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>The <paramref name="index"/>-th part of <paramref name="months"/> months of a year (a quarter, a half): its months and TIMEX3 value ("2009-Q3", "2009-H2").</summary>
    private static bool PartOfYear(int index, int year, int months, string label, out PartialDate start, out PartialDate end, out string value)
    {
        start = new PartialDate(year, index * months - months + 1);
        end = new PartialDate(year, index * months);
        value = year.ToString(CultureInfo.InvariantCulture) + "-" + label + index.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static string Week(DateOnly d) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):D2}");

    /// <summary>Days a yearless day in a past (or future) sentence may lie after (or before) publication and still be that year's.</summary>
    private const int DaySlack = 3;

    // The year of month/day looking ahead (direction 1: the first occurrence on or after publication, the month of
    // publication itself included when sameMonth) or back (-1: the last on or before).
    private static int Directed(DateOnly published, int direction, int month, int day, bool sameMonth)
    {
        if (!sameMonth)
        {
            // A day a few days on the other side of publication is that occurrence, not one a year away: a news
            // creation date is often a day or two off the writing ("was released on June 11" dated June 10), while a
            // yearless day is written only of days near publication.
            var reference = published.AddDays(direction > 0 ? -DaySlack : DaySlack);
            var best = direction > 0 ? published.Year + 1 : published.Year - 1;
            for (var y = published.Year - 1; y <= published.Year + 1; y++)
            {
                var d = new DateOnly(y, month, Math.Min(day, DateTime.DaysInMonth(y, month)));
                if (direction > 0 ? d >= reference && y < best : d <= reference && y > best) best = y;
            }
            return best;
        }
        var key = month * 100 + day;
        var now = published.Month * 100 + (sameMonth ? (direction > 0 ? 1 : 31) : published.Day);
        if (direction > 0) return key >= now ? published.Year : published.Year + 1;
        return key <= now ? published.Year : published.Year - 1;
    }

    // The year whose occurrence lies nearest publication; on a tie the earlier one, since news mostly reports the past.
    private static int Nearest(DateOnly published, Func<int, DateOnly> occurrence)
    {
        var best = published.Year;
        var bestDistance = int.MaxValue;
        for (var y = published.Year - 1; y <= published.Year + 1; y++)
        {
            var distance = Math.Abs(occurrence(y).DayNumber - published.DayNumber);
            if (distance < bestDistance) { best = y; bestDistance = distance; }
        }
        return best;
    }
}
