using Triangulate.Link.Stories;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryClustererHeadlineFiguresTests
{
    private static readonly DateOnly Tuesday = new(2024, 4, 9);

    [Fact]
    public void A_headline_figure_stands_under_the_plain_words_beside_it()
    {
        var slots = HeadlineFigures.Of("Tremor of magnitude 4.6 rattles Quillan valley");
        Assert.Equal(["46"], slots["<magnitude"]);
        Assert.Equal(["46"], slots[">rattles"]);
        // A currency sign stands between a figure and the word before it; a name and a short word are no slot words.
        var profit = HeadlineFigures.Of("Ostrava Mills posts quarterly profit of $412 million, rising 8% to Dorne");
        Assert.True(profit.ContainsKey(">million"));
        Assert.False(profit.ContainsKey("<of"));
        Assert.Equal(["8"], profit["<rising"]);
        // A score's numbers stand beside names only: no slot of a word, the score's own slot.
        Assert.Equal([HeadlineFigures.ScoreSlot], HeadlineFigures.Of("Hallan Rovers 2-0 Ketter Town").Keys);
    }

    [Fact]
    public void A_score_is_one_figure_whichever_side_is_named_first()
    {
        var first = HeadlineFigures.Of("Hallan Rovers 2-0 Ketter Town: Rovers win at home");
        Assert.Equal(["0-2"], first[HeadlineFigures.ScoreSlot]);
        Assert.False(HeadlineFigures.Conflict(HeadlineFigures.Of("Ketter Town lose 0–2 to Hallan Rovers"), first));
        Assert.True(HeadlineFigures.Conflict(HeadlineFigures.Of("Hallan Rovers beat Ketter Town 3-1 in league clash"), first));
        // A sentence's years, a date and a range of three digits are no score.
        Assert.False(HeadlineFigures.Of("Dorne clerk gets 9-year sentence").ContainsKey(HeadlineFigures.ScoreSlot));
        Assert.False(HeadlineFigures.Of("Ketter Town results of 2024-09-04").ContainsKey(HeadlineFigures.ScoreSlot));
        Assert.False(HeadlineFigures.Of("Between 100-150 evacuated in Dorne").ContainsKey(HeadlineFigures.ScoreSlot));
    }

    [Fact]
    public void Two_headlines_conflict_when_they_state_different_values_in_one_slot()
    {
        var first = HeadlineFigures.Of("Tremor of magnitude 3.9 rattles Quillan valley");
        Assert.True(HeadlineFigures.Conflict(HeadlineFigures.Of("Tremor of magnitude 4.6 rattles Quillan valley"), first));
        // The same value written with a decimal comma is the same figure; a headline without the slot states nothing against it.
        Assert.False(HeadlineFigures.Conflict(HeadlineFigures.Of("Séisme de magnitude 3,9 dans la vallée de Quillan"), first));
        Assert.False(HeadlineFigures.Conflict(HeadlineFigures.Of("Quillan valley tremor: 14 homes damaged"), first));
    }

    [Fact]
    public void A_count_written_out_is_a_figure_as_its_digits_are()
    {
        var words = HeadlineFigures.Of("Warehouse fire in Dorrel kills five");
        Assert.True(HeadlineFigures.Conflict(HeadlineFigures.Of("Warehouse fire in Dorrel kills 3"), words));
        Assert.False(HeadlineFigures.Conflict(HeadlineFigures.Of("Warehouse fire kills 5, officials say"), words));
        Assert.Equal(["25"], HeadlineFigures.Of("Ferry fire kills twenty-five")["<kills"]);
        Assert.Equal(["21"], HeadlineFigures.Of("Ferry fire kills twenty-one")["<kills"]);
        // "One" stands for a person as often as for a count, and a scale word is no count of its own.
        Assert.Empty(HeadlineFigures.Of("No one hurt as roof collapses"));
        Assert.Empty(HeadlineFigures.Of("Hundreds evacuated from towers"));
    }

    // One observatory's seismologist reports two tremors in one valley two days apart: the valley, the observatory and
    // her name are in both; each states its own magnitude, depth, distance and damaged homes.
    private const string First = """
        Tremor of magnitude 3.9 rattles Quillan valley
        A tremor of magnitude 3.9 struck the Quillan valley at a depth of 17 kilometres, 41 kilometres from Sarnow, seismologist Odile Brastow of the Kestrel Observatory said. 23 homes were damaged.
        """;

    private const string Second = """
        Tremor of magnitude 4.6 rattles Quillan valley
        A tremor of magnitude 4.6 struck the Quillan valley at a depth of 9 kilometres, 28 kilometres from Sarnow, seismologist Odile Brastow of the Kestrel Observatory said. 64 homes were damaged.
        """;

    // A later report of the first tremor that leads with its revised magnitude and repeats its depth, distance and homes.
    private const string Revised = """
        Tremor of magnitude 4.1 rattles Quillan valley, observatory says
        The tremor that struck the Quillan valley at a depth of 17 kilometres, 41 kilometres from Sarnow, measured 4.1, seismologist Odile Brastow of the Kestrel Observatory said. 23 homes were damaged.
        """;

    private static (Document, DocumentAnalysis) Report(string text, string source, int published) => Dated(text, source, Tuesday.AddDays(published));

    [Fact]
    public void A_report_whose_headline_states_another_value_of_the_storys_headline_figure_is_a_story_of_its_own()
    {
        var items = new[] { Report(First, "1.txt", 0), Report(Second, "2.txt", 2) };
        var placements = new List<StoryPlacement>();
        // Without the rule the valley, the observatory and the seismologist carry the second tremor into the first's story.
        var joined = Run(new StoryClusterer { HeadlineConflictFigures = -1, Placed = placements.Add }, items);
        Assert.Single(joined.Stories);
        var second = placements.Single(p => p.Document == "d-2.txt");
        Assert.Equal(StoryPlacement.Words, second.How);
        Assert.True(second.NumberCoverage < 0.5, $"number coverage {second.NumberCoverage:F2}");
        // With it: the headline states another magnitude and most of its figures are new, so it is another tremor.
        Assert.Equal(2, Run(new StoryClusterer(), items).Stories.Count);
    }

    [Fact]
    public void A_report_leading_with_another_value_that_repeats_most_of_the_storys_figures_still_joins()
    {
        var items = new[] { Report(First, "1.txt", 0), Report(Revised, "2.txt", 1) };
        var placements = new List<StoryPlacement>();
        Assert.Single(Run(new StoryClusterer { Placed = placements.Add }, items).Stories);
        var revised = placements.Single(p => p.Document == "d-2.txt");
        Assert.Equal(StoryPlacement.Words, revised.How);
        Assert.True(HeadlineFigures.Conflict(HeadlineFigures.Of(Revised.Split('\n')[0]), HeadlineFigures.Of(First.Split('\n')[0])));
        Assert.True(revised.NumberCoverage >= 0.5, $"number coverage {revised.NumberCoverage:F2}");
    }

    // The tremor's first report leads with no figure in its headline; its second gives the magnitude there.
    private const string Unfigured = """
        Quillan valley shaken by tremor, homes damaged
        A tremor of magnitude 3.9 struck the Quillan valley at a depth of 17 kilometres, 41 kilometres from Sarnow, seismologist Odile Brastow of the Kestrel Observatory said. 23 homes were damaged.
        """;

    [Fact]
    public void A_headline_is_compared_with_the_storys_first_reports_not_only_its_first()
    {
        var items = new[] { Report(Unfigured, "0.txt", 0), Report(First, "1.txt", 0), Report(Second, "2.txt", 2) };
        // Against the first headline alone nothing conflicts (it states no magnitude), so the second tremor joins.
        Assert.Single(Run(new StoryClusterer { HeadlineConflictLeads = 1 }, items).Stories);
        // The story's second report states the magnitude 3.9 in its headline: 4.6 beside the same word is another tremor.
        var stories = Run(new StoryClusterer(), items).Stories;
        Assert.Equal(2, stories.Count);
        Assert.Contains(stories, s => s.Documents.Count == 2);
    }
}
