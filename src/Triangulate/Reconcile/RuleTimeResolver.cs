using System.Globalization;
using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// Re-applies what a publication-relative time expression keeps: an offset in days ("three days ago" = -3), or a rule
/// ("month-day:01-20": the nearest 20 January; "month:-1": last month; "day:-1": yesterday; "weekday:-N": N days back to
/// the named weekday, as the extractor counted it). Unknown rules resolve to nothing rather than to a guess.
/// </summary>
internal sealed class RuleTimeResolver : ITimeResolver
{
    /// <inheritdoc />
    public DateRange? Resolve(TimeExpression expression, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Anchor != TimeAnchor.Publication) return null;
        if (expression.OffsetDays is { } offset) return Day(published.AddDays(offset), expression.Tolerance);
        if (expression.Rule is not { } rule) return null;
        var colon = rule.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return null;
        var kind = rule[..colon];
        var arg = rule[(colon + 1)..];
        switch (kind)
        {
            case "day" or "weekday" when int.TryParse(arg, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days):
                return Day(published.AddDays(days), expression.Tolerance);
            case "month" when int.TryParse(arg, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var months):
                var month = published.AddMonths(months);
                var partial = new PartialDate(month.Year, month.Month);
                return new DateRange { Start = partial, End = partial };
            case "month-day" when arg.Length == 5
                && int.TryParse(arg.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                && int.TryParse(arg.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                && m is >= 1 and <= 12 && d >= 1 && d <= 31:
                // A day-month without a year is the occurrence nearest the publication date (news speaks of the recent past and near future).
                DateOnly? best = null;
                for (var year = published.Year - 1; year <= published.Year + 1; year++)
                {
                    if (d > DateTime.DaysInMonth(year, m)) continue;
                    var candidate = new DateOnly(year, m, d);
                    if (best is null || Math.Abs(candidate.DayNumber - published.DayNumber) < Math.Abs(best.Value.DayNumber - published.DayNumber)) best = candidate;
                }
                return best is { } b ? Day(b, expression.Tolerance) : null;
            default:
                return null;
        }
    }

    private static DateRange Day(DateOnly day, int tolerance) => new()
    {
        Start = PartialDate.FromDate(day.AddDays(-tolerance)),
        End = PartialDate.FromDate(day.AddDays(tolerance)),
    };
}
