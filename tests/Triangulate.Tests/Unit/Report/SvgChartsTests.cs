using Triangulate.Report;

namespace Triangulate.Tests.Unit.Report;

public class SvgChartsTests
{
    private static int Day(int y, int m, int d) => new DateOnly(y, m, d).DayNumber;

    [Fact]
    public void Ticks_over_months_fall_on_month_starts_and_over_years_on_year_starts()
    {
        var months = SvgCharts.DateTicks(Day(2024, 1, 15), Day(2024, 11, 25));
        Assert.Equal("2024-01-15", months[0].Label);
        Assert.All(months.Skip(1), t => Assert.Equal(1, DateOnly.FromDayNumber(t.Day).Day));
        Assert.InRange(months.Count, 3, 7);
        var years = SvgCharts.DateTicks(Day(2010, 3, 1), Day(2024, 6, 1));
        Assert.All(years.Skip(1), t => Assert.Matches("^[0-9]{4}$", t.Label));
        Assert.InRange(years.Count, 3, 7);
        var days = SvgCharts.DateTicks(Day(2024, 11, 20), Day(2024, 11, 30));
        Assert.Equal("2024-11-20", days[0].Label);
        Assert.InRange(days.Count, 3, 7);
    }

    [Fact]
    public void Wrapped_labels_fit_their_width_and_say_when_text_was_cut()
    {
        const string text = "Officials said the bridge over the river would stay closed for repairs until the end of the month at the earliest";
        var lines = TextWidth.Wrap(text, 200, 2);
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.True(TextWidth.Of(l) <= 200, l));
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        Assert.Equal(["Short label"], TextWidth.Wrap("Short label", 200, 2));
        Assert.True(TextWidth.Of("WWWW") > TextWidth.Of("iiii"));
    }

    [Theory]
    [InlineData("A headline much too long for the narrow column it is drawn in", 120)]
    [InlineData("Mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm and more words after it", 90)]
    [InlineData("Fits easily", 300)]
    [InlineData("Ends in an ellipsis already…", 60)]
    [InlineData("W", 3)]
    public void A_label_is_cut_and_wrapped_exactly_where_measuring_each_shorter_text_would_cut_it(string text, double width)
    {
        Assert.Equal(SlowFit(text, width), TextWidth.Fit(text, width));
        Assert.Equal(SlowWrap(text, width, 2), TextWidth.Wrap(text, width, 2));
        Assert.Equal(SlowWrap(text, width, 3), TextWidth.Wrap(text, width, 3));
    }

    /// <summary>The cut as it was first written: one character off at a time, each shorter text measured whole.</summary>
    private static string SlowFit(string text, double width)
    {
        if (TextWidth.Of(text) <= width) return text;
        var cut = text.TrimEnd('…');
        while (cut.Length > 0 && TextWidth.Of(cut + "…") > width) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }

    private static List<string> SlowWrap(string text, double width, int lines)
    {
        var result = new List<string>();
        var words = new Queue<string>(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        while (words.Count > 0 && result.Count < lines)
        {
            var line = words.Dequeue();
            while (TextWidth.Of(line) > width && line.Length > 1) line = line[..^1];
            while (words.Count > 0 && TextWidth.Of(line + " " + words.Peek()) <= width) line += " " + words.Dequeue();
            result.Add(line);
        }
        if (words.Count > 0 && result.Count > 0) result[^1] = SlowFit(result[^1] + "…", width);
        return result;
    }
}
