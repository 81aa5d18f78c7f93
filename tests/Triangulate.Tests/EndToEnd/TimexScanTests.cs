using Triangulate.Cli;

namespace Triangulate.Tests.EndToEnd;

/// <summary>
/// The coverage scan (<c>eval timex-scan</c>): words that head time expressions are counted by class, found where an
/// extracted span covers them and missed where none does.
/// </summary>
public class TimexScanTests
{
    [Fact]
    public void Counts_a_covered_head_as_found_and_a_bare_unit_as_missed()
    {
        var text = "The ferry sank three weeks ago. The crew worked all day to raise it.";
        var tally = EvalTimexScanCommand.Scan([("https://example.test/a", text, new DateOnly(2010, 6, 3))]);
        // "three weeks" is extracted, and "ago" after it is its signal: both found.
        Assert.Equal((1, 1), tally.ByClass["measure: week"]);
        Assert.Equal((1, 1), tally.ByClass["ago"]);
        // "all day" is no time expression the extractor keeps: a candidate miss, listed with its context.
        Assert.Equal((1, 0), tally.ByClass["unit: day"]);
        var miss = Assert.Single(tally.Misses);
        Assert.Equal("day", miss.Words);
        Assert.Contains("all [day] to raise", miss.Context, StringComparison.Ordinal);
    }
}
