using Triangulate.Link.Stories;
using Triangulate.Model;
using Triangulate.Reconcile;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// Two nominations to one office by one minister, told in one wire frame: the minister, the office, the party and
/// every template sentence are shared; each headline puts its own nominee in the frame's slot, and neither report
/// names the other's nominee.
/// </summary>
public sealed class StoryClustererHeadlineNamesTests
{
    private const string Brampton = """
        Harwick nominates Odile Brampton as head of the audit office
        Minister Tobias Harwick has picked Odile Brampton, currently a senior judge, as head of the audit office, the government announced. "She has the experience and the independence this office needs," Harwick said in a statement. The nomination goes to the Calder Assembly, where the Unity Party holds a majority.
        """;

    private const string Falk = """
        Harwick nominates Teodor Falk as head of the audit office
        Teodor Falk, a career diplomat, is the choice of minister Tobias Harwick to run the audit office, officials said on the record. Harwick praised his independence. The Calder Assembly must confirm him; the Unity Party has most of its seats.
        """;

    // The Brampton nomination told by another desk under another headline frame.
    private const string BramptonProfile = """
        Odile Brampton picked to lead the audit office
        The senior judge Odile Brampton was chosen by minister Tobias Harwick to head the audit office. The Calder Assembly, where the Unity Party holds a majority, votes on the nomination next month.
        """;

    // The Brampton nomination under the first report's frame, naming the nominee the office had before (Falk).
    private const string BramptonSucceeds = """
        Harwick nominates Odile Brampton as head of the audit office
        Minister Tobias Harwick has picked Odile Brampton, who would succeed Teodor Falk, as head of the audit office. The Calder Assembly, where the Unity Party holds a majority, votes next month.
        """;

    private static (Document, DocumentAnalysis) Undated(string text, string source)
    {
        var document = Doc(text, source) with { Id = "d-" + source };
        return (document, new DocumentAnalysis { DocumentId = document.Id });
    }

    [Fact]
    public void A_headline_frame_with_another_name_in_one_slot_is_substituted()
    {
        var brampton = HeadlineNames.Of("Harwick nominates Odile Brampton as head of the audit office");
        var falk = HeadlineNames.Of("Harwick nominates Teodor Falk as head of the audit office");
        Assert.Equal(("odile brampton", "teodor falk"), HeadlineNames.Substituted(brampton, falk));
        // A name opening the headline is a slot too ("Odile Brampton picked …").
        Assert.Equal(("odile brampton", "teodor falk"),
            HeadlineNames.Substituted(HeadlineNames.Of("Odile Brampton picked to lead the audit office"), HeadlineNames.Of("Teodor Falk picked to lead the audit office")));
        // A single capitalised opener is a sentence's capital, not a name: "Three" and "Four" are no slot.
        Assert.Null(HeadlineNames.Substituted(HeadlineNames.Of("Three dead in hotel fire in Dunmere"), HeadlineNames.Of("Four dead in hotel fire in Dunmere")));
    }

    [Fact]
    public void One_name_written_two_ways_or_given_by_one_side_only_is_no_substitution()
    {
        // Names that share a word (a maker's two devices, a town with or without its country) are not told apart here.
        Assert.Null(HeadlineNames.Substituted(HeadlineNames.Of("Corvane unveils Corvane Lumen 5, priced at $499"), HeadlineNames.Of("Corvane unveils Corvane Halo 5, priced at $499")));
        // Another frame: one headline leads with the nominee, the other with the minister.
        Assert.Null(HeadlineNames.Substituted(HeadlineNames.Of("Odile Brampton picked to lead the audit office"), HeadlineNames.Of("Harwick nominates Teodor Falk as head of the audit office")));
        // A name one side adds beside the frame's is a detail, not another event.
        Assert.Null(HeadlineNames.Substituted(HeadlineNames.Of("Harwick nominates Odile Brampton as head of the audit office"), HeadlineNames.Of("Harwick nominates Odile Brampton as head of the Calder audit office")));
    }

    [Fact]
    public void A_document_that_names_the_other_headlines_name_is_no_conflict()
    {
        var falk = HeadlineNames.Of("Harwick nominates Teodor Falk as head of the audit office");
        var brampton = HeadlineNames.Of("Harwick nominates Odile Brampton as head of the audit office");
        Assert.True(HeadlineNames.Conflict(brampton, new DocumentWords(Brampton), falk));
        Assert.False(HeadlineNames.Conflict(brampton, new DocumentWords(BramptonSucceeds), falk));
    }

    [Fact]
    public void Two_nominees_to_one_office_told_in_one_frame_are_two_stories()
    {
        var items = new[] { Undated(Brampton, "1.txt"), Undated(Falk, "2.txt") };
        var placements = new List<StoryPlacement>();
        // Without the rule the minister, the office, the assembly and the party carry one nomination into the other's
        // story (the splitter's separation off too: it reads the same headlines).
        var without = new StoryClusterer { HeadlineNameConflict = false, Splitter = new StorySplitter { Events = null }, Placed = placements.Add };
        Assert.Single(Run(without, items).Stories);
        Assert.Equal(StoryPlacement.Words, placements.Single(p => p.Document == "d-2.txt").How);
        Assert.Equal(2, Run(new StoryClusterer(), items).Stories.Count);
    }

    [Fact]
    public void A_report_of_the_same_nomination_under_another_frame_or_naming_the_other_still_joins()
    {
        Assert.Single(Run(new StoryClusterer(), Undated(Brampton, "1.txt"), Undated(BramptonProfile, "2.txt")).Stories);
        Assert.Single(Run(new StoryClusterer(), Undated(Falk, "1.txt"), Undated(BramptonSucceeds, "2.txt")).Stories);
    }

    [Fact]
    public void The_splitter_parts_a_story_that_holds_both_nominations()
    {
        // Joined without the clusterer's rule; the separation reads the headlines of the story's reports.
        var items = new[] { Undated(Brampton, "1.txt"), Undated(BramptonProfile, "2.txt"), Undated(Falk, "3.txt") };
        var stories = Run(new StoryClusterer { HeadlineNameConflict = false }, items).Stories;
        Assert.Equal(2, stories.Count);
        Assert.Contains(stories, s => s.Documents.SequenceEqual(["d-3.txt"]));
        Assert.Single(Run(new StoryClusterer { HeadlineNameConflict = false, Splitter = new StorySplitter { Events = null } }, items).Stories);
    }
}
