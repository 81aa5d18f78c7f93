using System.Text.Json;
using Triangulate.Model;

namespace Triangulate.Tests.Unit.Model;

public class PartialDateTests
{
    [Theory]
    [InlineData("2024", "2024-01-01", "2024-12-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2024-11-25", "2024-11-25", "2024-11-25")]
    public void A_date_covers_the_days_its_precision_allows(string text, string earliest, string latest)
    {
        var date = PartialDate.Parse(text);
        Assert.Equal(DateOnly.Parse(earliest), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest), date.Latest);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2023-02-29")]
    [InlineData("24-11-25")]
    [InlineData("2024/11/25")]
    [InlineData("")]
    public void Malformed_or_impossible_dates_do_not_parse(string text) =>
        Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void Coarser_dates_sort_before_finer_ones_starting_the_same_day()
    {
        var dates = new[] { PartialDate.Parse("2024-11-01"), PartialDate.Parse("2024-11"), PartialDate.Parse("2024") };
        Array.Sort(dates);
        Assert.Equal(["2024", "2024-11", "2024-11-01"], dates.Select(d => d.ToString()));
    }

    [Fact]
    public void Dates_round_trip_through_json_as_iso_strings()
    {
        var estimate = new DateEstimate { Earliest = PartialDate.Parse("2024-11"), Latest = PartialDate.Parse("2024-12-03"), Basis = DateBasis.Inferred };
        var json = JsonSerializer.Serialize(estimate, ModelJsonContext.Default.Options);
        Assert.Contains("\"earliest\":\"2024-11\"", json);
        Assert.Contains("\"basis\":\"inferred\"", json);
        var back = JsonSerializer.Deserialize<DateEstimate>(json, ModelJsonContext.Default.Options);
        Assert.Equal(estimate.Latest, back!.Latest);
    }

    [Fact]
    public void Enum_members_are_written_in_the_contracts_spelling()
    {
        var json = JsonSerializer.Serialize(Verdict.SingleSource, ModelJsonContext.Default.Options);
        Assert.Equal("\"single-source\"", json);
    }
}
