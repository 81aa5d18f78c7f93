using Triangulate.Cli;

namespace Triangulate.Tests.EndToEnd;

/// <summary>The automatic classes of TIMEX3 value errors (counted for a held half without reading it).</summary>
public class TimexErrorClassesTests
{
    private static readonly DateOnly Created = new(2030, 6, 10);

    [Theory]
    [InlineData("DATE", "2030-06-06", "2030-06-13", "direction: future for past")]
    [InlineData("DATE", "2030-06-03", "2030-06-04", "anchor: another day (past for past)")]
    [InlineData("DATE", "2029-03-01", "2028-03-01", "year: same day another year")]
    [InlineData("DATE", "2030-06-03", "2030-06", "granularity: ours coarser (month for day)")]
    [InlineData("DATE", "2030", "2030-Q2", "granularity: ours finer (quarter for year)")]
    [InlineData("TIME", "2030-06-10T08:30", "2030-06-10T08:30Z", "time: zone (ours with)")]
    [InlineData("TIME", "2030-06-10T20:30", "2030-06-10T08:30", "time: twelve hours apart")]
    [InlineData("DURATION", "PXY", "P20Y", "duration: ours counted for vague")]
    [InlineData("DURATION", "P2D", "PT48H", "duration: unit")]
    [InlineData("DURATION", "P3Y", "P4Y", "duration: count")]
    [InlineData("DATE", "PRESENT_REF", "2030-06-10", "reference word: ours a value")]
    [InlineData("DATE", "2030-06-10", "P1D", "type: duration against date")]
    public void A_wrong_value_is_classed_from_the_two_values(string type, string gold, string found, string kind) =>
        Assert.Equal(kind, TimexErrorClasses.Kind(type, gold, found, Created));

    [Theory]
    [InlineData("June 3, 2030", "DATE", "2030-06-03", "DATE year written day past")]
    [InlineData("Friday", "DATE", "2030-06-14", "DATE anchored day future")]
    [InlineData("this week", "DATE", "2030-W24", "DATE anchored week on dct")]
    [InlineData("the 1990s", "DATE", "199", "DATE year written decade past")]
    [InlineData("now", "DATE", "PRESENT_REF", "DATE PRESENT_REF")]
    [InlineData("a few hours", "DURATION", "PTXH", "DURATION TH vague")]
    [InlineData("some day", "DATE", "XXXX-XX-XX", "DATE anchored other XXXX-XX-XX")]
    public void A_gold_is_classed_by_its_type_value_and_whether_it_writes_a_year(string text, string type, string value, string category) =>
        Assert.Equal(category, TimexErrorClasses.Category(text, type, value, Created));
}
