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
        var joined = Run(new StoryClusterer { OwnSpecificsShared = -1, Placed = placements.Add }, items);
        Assert.Single(joined.Stories);
        var other = placements.Single(p => p.Document == "d-2.txt");
        Assert.Equal(StoryPlacement.Words, other.How);
        Assert.Equal(0, other.RestCoverage);
        Assert.True(other.RestAnchors > 0.5, $"rest anchors {other.RestAnchors:F2}");
        // With it: its town, structure and figures are all new to the story, so it reports another quake.
        Assert.Equal(2, Run(new StoryClusterer(), items).Stories.Count);
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
}
