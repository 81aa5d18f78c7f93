using Triangulate.Link;
using Triangulate.Link.Stories;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryClustererNewFiguresTests
{
    private static readonly DateOnly Saturday = new(2024, 6, 1);

    // One club's two matches five days apart: the club's name is all they share besides the words of a match report,
    // and each states its own goals' minutes and its own crowd.
    private const string First = """
        Match report: Corrigan beaten by Ravensholt
        A crowd of 12,480 saw Ravensholt beat Corrigan, as Tobin Achterberg scored for Ravensholt after 23 minutes and 67 minutes.
        The win lifts Ravensholt to third place in the table.
        """;

    private const string Next = """
        Match report: Pellworth win at Ravensholt
        A crowd of 9,315 saw Pellworth beat Ravensholt, as Idris Kowalczyk scored against Ravensholt after 38 minutes and 81 minutes.
        The defeat leaves Ravensholt in fifth place in the table.
        """;

    // A later report of the first match, five days on: it repeats the first's crowd.
    private const string Later = """
        Coach hails Achterberg after Ravensholt win
        Coach Elna Vastergaard said Tobin Achterberg won the game for Ravensholt against Corrigan in front of 12,480 fans.
        """;

    private static (Document, DocumentAnalysis) Report(string text, string source, int published) => Dated(text, source, Saturday.AddDays(published));

    [Fact]
    public void A_clubs_next_match_stating_figures_of_its_own_on_the_clubs_name_alone_is_a_story_of_its_own()
    {
        var items = new[] { Report(First, "1.txt", 0), Report(Next, "2.txt", 5) };
        var placements = new List<StoryPlacement>();
        // Without the rule the club's name carries the next match into the first's story (the rules on a report's own
        // specifics, which refuse it too, set aside).
        var joined = Run(new StoryClusterer { NewFiguresTopShare = 2, QuietDays = -1, OwnSpecificsShared = -1, NewFiguresSpecifics = -1, Placed = placements.Add }, items);
        Assert.Single(joined.Stories);
        var next = placements.Single(p => p.Document == "d-2.txt");
        Assert.Equal(0, next.NumberCoverage);
        Assert.True(next.TopShare > 0.5, $"top share {next.TopShare:F2}");
        // With it: none of its figures is the story's and one name carries the join, so it is another event.
        Assert.Equal(2, Run(new StoryClusterer { OwnSpecificsShared = -1, NewFiguresSpecifics = -1 }, items).Stories.Count);
        Assert.Equal(2, Run(new StoryClusterer(), items).Stories.Count);
    }

    [Fact]
    public void A_later_report_repeating_one_of_the_storys_figures_still_joins()
    {
        var items = new[] { Report(First, "1.txt", 0), Report(Later, "2.txt", 5) };
        var placements = new List<StoryPlacement>();
        Assert.Single(Run(new StoryClusterer { Placed = placements.Add }, items).Stories);
        Assert.True(placements.Single(p => p.Document == "d-2.txt").NumberCoverage > 0);
    }

    // One club's two home matches ten days apart, told in one frame by one desk: the club, its ground, its coach and its
    // scorer are all shared, so no one name carries the join; only the figures (crowd, minutes) tell the matches apart.
    private const string Home = """
        Ravensholt beat Corrigan at Holmfjord Park
        A crowd of 12,480 at Holmfjord Park saw Ravensholt beat Corrigan, coach Elna Vastergaard said after the match.
        Tobin Achterberg scored for Ravensholt after 23 minutes.
        """;

    private const string NextHome = """
        Ravensholt beat Pellworth at Holmfjord Park
        A crowd of 9,315 at Holmfjord Park saw Ravensholt beat Pellworth, coach Elna Vastergaard said after the match.
        Tobin Achterberg scored for Ravensholt after 38 minutes.
        """;

    [Fact]
    public void A_report_with_figures_of_its_own_days_after_a_story_went_quiet_is_a_story_of_its_own()
    {
        var items = new[] { Report(Home, "1.txt", 0), Report(NextHome, "2.txt", 10) };
        var placements = new List<StoryPlacement>();
        // Without the quiet rule the shared names carry the next match in: many of them, so no one carries over half.
        var joined = Run(new StoryClusterer { HeadlineNameConflict = false, Splitter = new StorySplitter { Events = null }, QuietDays = -1, Placed = placements.Add }, items);
        Assert.Single(joined.Stories);
        var next = placements.Single(p => p.Document == "d-2.txt");
        Assert.Equal(0, next.NumberCoverage);
        Assert.True(next.TopShare <= 0.5, $"top share {next.TopShare:F2}");
        // Ten days after the story's latest report, with none of its figures: another match.
        Assert.Equal(2, Run(new StoryClusterer(), items).Stories.Count);
    }

    [Fact]
    public void A_report_with_new_figures_while_the_story_is_current_still_joins()
    {
        // The same second report four days on, past the time window but while the story is current: new figures are as
        // likely the event's own update.
        // (The headlines' frame with another opponent parts the two matches on its own since session 37: that rule is off
        // here, to show the quiet rule alone.)
        var items = new[] { Report(Home, "1.txt", 0), Report(NextHome, "2.txt", 4) };
        var words = new StoryClusterer { HeadlineNameConflict = false, Splitter = new StorySplitter { Events = null } };
        Assert.Single(Run(words, items).Stories);
        // Counted as quiet from four days on, the story no longer takes it.
        Assert.Equal(2, Run(new StoryClusterer { QuietDays = 4, HeadlineNameConflict = false, Splitter = new StorySplitter { Events = null } }, items).Stories.Count);
        // "Ravensholt beat Corrigan" and "Ravensholt beat Pellworth": another opponent in one headline frame, never named in
        // the other report, is another match.
        Assert.Equal(2, Run(new StoryClusterer(), items).Stories.Count);
    }
}
