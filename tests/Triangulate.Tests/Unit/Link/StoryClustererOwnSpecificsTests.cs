using Triangulate.Link.Stories;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryClustererOwnSpecificsTests
{
    private static readonly DateOnly Monday = new(2024, 3, 4);

    // One seismologist speaks of two quakes in two towns a day apart: his name is all the reports share besides the
    // words of a quake report; each names its own town, its own damaged structure and its own toll and magnitude.
    private const string First = """
        Quake shakes Tarvello
        The quake near Tarvello killed 12 people, seismologist Brezzini said. It measured 5.8 and damaged the Lornesi dam, according to Brezzini.
        """;

    private const string Other = """
        Quake shakes Castrambo
        The quake near Castrambo killed 30 people, seismologist Brezzini said. It measured 6.3 and damaged the Verdana bridge, according to Brezzini.
        """;

    // A later report of the first quake: a new person speaks, but it names the first quake's town and repeats its toll.
    private const string Later = """
        Tarvello counts its dead
        Rescuers searched the ruins after the quake near Tarvello killed 12 people, seismologist Brezzini said. Mayor Ilaria Fontecchio thanked them.
        """;

    private static (Document, DocumentAnalysis) Report(string text, string source, int published) => Dated(text, source, Monday.AddDays(published));

    [Fact]
    public void A_report_meeting_a_story_on_one_name_with_all_its_own_specifics_new_is_a_story_of_its_own()
    {
        var items = new[] { Report(First, "1.txt", 0), Report(Other, "2.txt", 1) };
        var placements = new List<StoryPlacement>();
        // Without the rule the seismologist's name (and the frame's words) carry the second quake into the first's story.
        var joined = Run(new StoryClusterer { HeadlineNameConflict = false, Splitter = new StorySplitter { Events = null }, OwnSpecificsShared = -1, NewFiguresSpecifics = -1, Placed = placements.Add }, items);
        Assert.Single(joined.Stories);
        var other = placements.Single(p => p.Document == "d-2.txt");
        Assert.Equal(StoryPlacement.Words, other.How);
        Assert.Equal(0, other.RestCoverage);
        Assert.True(other.RestAnchors > 0.5, $"rest anchors {other.RestAnchors:F2}");
        // With it: its town, structure and figures are all new to the story, so it reports another quake.
        Assert.Equal(2, Run(new StoryClusterer { NewFiguresSpecifics = -1 }, items).Stories.Count);
    }

    [Fact]
    public void A_report_repeating_the_storys_town_and_toll_beside_a_new_name_still_joins()
    {
        var items = new[] { Report(First, "1.txt", 0), Report(Later, "2.txt", 1) };
        var placements = new List<StoryPlacement>();
        Assert.Single(Run(new StoryClusterer { Placed = placements.Add }, items).Stories);
        var later = placements.Single(p => p.Document == "d-2.txt");
        Assert.Equal(StoryPlacement.Words, later.How);
        Assert.True(later.RestCoverage > 0.1, $"rest coverage {later.RestCoverage:F2}");
    }

    // The rule on a report's own figures (NewFiguresSpecifics). A storm agency's forecaster speaks of two floods a day
    // apart: her name and the words of a flood report are all the reports share; each names its own river, town and figures.
    private const string Flood = """
        Floods hit Marrowick
        The Tessel river flooded Marrowick, forecaster Quenby Aldous said. 240 homes were evacuated and 17 roads closed, according to Aldous, after 96 millimetres of rain.
        """;

    private const string OtherFlood = """
        Floods hit Dunhollow
        The Varrin river flooded Dunhollow, forecaster Quenby Aldous said. 615 homes were evacuated and 42 roads closed, according to Aldous, after 131 millimetres of rain.
        """;

    // A later report of the first flood: its figures are new (the water still rising), but it names the river and the town.
    private const string LaterFlood = """
        Marrowick flood waters rise
        The Tessel river kept rising in Marrowick, forecaster Quenby Aldous said. 380 homes were evacuated and 25 roads closed, according to Aldous.
        """;

    [Fact]
    public void A_report_with_figures_of_its_own_and_the_names_around_them_new_is_a_story_of_its_own_within_the_window()
    {
        var items = new[] { Report(Flood, "1.txt", 0), Report(OtherFlood, "2.txt", 1) };
        var placements = new List<StoryPlacement>();
        // The protagonist rule is set aside to show this one; without either, the forecaster's name and the frame join them.
        var joined = Run(new StoryClusterer { HeadlineNameConflict = false, Splitter = new StorySplitter { Events = null }, OwnSpecificsShared = -1, NewFiguresSpecifics = -1, Placed = placements.Add }, items);
        Assert.Single(joined.Stories);
        var other = placements.Single(p => p.Document == "d-2.txt");
        Assert.Equal(StoryPlacement.Words, other.How);
        Assert.Equal(0, other.NumberCoverage);
        Assert.True(other.RestCoverage < 0.2, $"rest coverage {other.RestCoverage:F2}");
        Assert.Equal(2, Run(new StoryClusterer { OwnSpecificsShared = -1 }, items).Stories.Count);
    }

    [Fact]
    public void A_later_report_with_new_figures_that_names_the_storys_river_and_town_still_joins()
    {
        var items = new[] { Report(Flood, "1.txt", 0), Report(LaterFlood, "2.txt", 1) };
        var placements = new List<StoryPlacement>();
        Assert.Single(Run(new StoryClusterer { Placed = placements.Add }, items).Stories);
        var later = placements.Single(p => p.Document == "d-2.txt");
        Assert.Equal(StoryPlacement.Words, later.How);
        Assert.Equal(0, later.NumberCoverage);
        Assert.True(later.RestCoverage >= 0.2, $"rest coverage {later.RestCoverage:F2}");
    }
}
