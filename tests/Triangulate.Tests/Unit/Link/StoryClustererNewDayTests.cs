using Triangulate.Link;
using Triangulate.Link.Stories;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryClustererNewDayTests
{
    // A warehouse fire in one town (its fire chief and mayor quoted), then ten days later a second fire in the same town,
    // told by the same officials; and a late follow-up of the first fire that names the day it broke out.
    private const string First = """
        Fire destroys warehouse in Quarrendon
        A fire destroyed a furniture warehouse on Millbank Road in Quarrendon on Monday, fire chief Odessa Fenwright said.
        Mayor Lucan Thorley said two workers were taken to hospital with burns.
        Firefighters fought the blaze for six hours before bringing it under control.
        """;

    private const string FollowUp = """
        Quarrendon warehouse fire: two workers still in hospital
        Two workers hurt in the Millbank Road warehouse fire in Quarrendon on Monday remain in hospital, mayor Lucan Thorley said.
        Fire chief Odessa Fenwright said investigators were examining the furniture warehouse.
        """;

    private const string Second = """
        Fire guts bakery in Quarrendon
        A fire gutted a bakery on Fenner Lane in Quarrendon on Thursday, fire chief Odessa Fenwright said.
        Mayor Lucan Thorley said the owner escaped unhurt.
        Firefighters fought the blaze for three hours before bringing it under control.
        """;

    private const string Late = """
        Cause of Quarrendon warehouse fire found
        Investigators said a faulty heater started the Millbank Road warehouse fire in Quarrendon on Monday, fire chief Odessa Fenwright said.
        Mayor Lucan Thorley thanked the firefighters who fought the blaze.
        """;

    private static readonly DateOnly Monday = new(2024, 6, 3);

    // Ids in arrival order (the in-memory corpus hands documents over in id order).
    private static (Document, DocumentAnalysis) Report(string text, string source, int published, int named) =>
        NamingDay(text, source, Monday.AddDays(published), Monday.AddDays(named));

    private static CorpusContext Cluster(StoryClusterer clusterer, params (Document, DocumentAnalysis)[] items) => Run(clusterer, items);

    [Fact]
    public void A_report_naming_a_new_day_ten_days_after_a_story_began_is_a_new_event()
    {
        // Fire one on Monday (day 0) and its follow-up (day 2, naming Monday); fire two on day 10, named that day.
        var items = new[] { Report(First, "1.txt", 0, 0), Report(FollowUp, "2.txt", 2, 0), Report(Second, "3.txt", 10, 10) };
        var placements = new List<StoryPlacement>();
        // Without the rule the second fire joins the first: the town, its fire chief and its mayor carry it past the strong
        // threshold (the rule on the leads' places and the splitter's separation of events, which refuse it too, set aside:
        // its street and building are its own).
        var joined = Cluster(new StoryClusterer { NewDayAfter = -1, LeadPlaceConflict = false, Splitter = new StorySplitter { Events = null }, Placed = placements.Add }, items);
        Assert.Single(joined.Stories);
        var second = placements.Single(p => p.Document == "d-3.txt");
        Assert.InRange(second.Cosine, 0.35, 1);
        Assert.Equal((0, 1), (second.SharedDays, second.NewDays));
        // With it the second fire, naming its own day and none of the first's, starts a story of its own.
        var apart = Cluster(new StoryClusterer(), items);
        Assert.Equal(2, apart.Stories.Count);
        Assert.Contains(apart.Stories, s => s.Documents.Count == 2);
    }

    [Fact]
    public void A_late_report_naming_the_storys_own_day_still_joins_it()
    {
        // The cause found ten days on: it names the Monday the story named, so it is the same fire.
        var items = new[] { Report(First, "1.txt", 0, 0), Report(FollowUp, "2.txt", 2, 0), Report(Late, "3.txt", 10, 0) };
        Assert.Single(Cluster(new StoryClusterer(), items).Stories);
    }

    [Fact]
    public void Soon_after_the_storys_last_report_a_new_day_is_a_development_not_a_new_event()
    {
        // The second fire's report a day after the follow-up: within the gap the rule leaves alone, the words decide.
        var items = new[] { Report(First, "1.txt", 0, 0), Report(FollowUp, "2.txt", 6, 0), Report(Second, "3.txt", 7, 7) };
        var rule = Cluster(new StoryClusterer(), items).Stories.Count;
        var none = Cluster(new StoryClusterer { NewDayAfter = -1 }, items).Stories.Count;
        Assert.Equal(none, rule);
    }

    // Two companies' quarterly results on one day, told in one frame: only the frame's words are shared.
    private const string Results1 = """
        Quarterly results at Harrowgate
        Revenue for the quarter rose to 412 million, the company said in its quarterly report.
        Earnings per share of 31 cents beat the average analyst forecast, and the full-year outlook was raised to 1.6 billion.
        Shares rose 4 percent in early trading after the quarterly results.
        """;

    private const string Results2 = """
        Quarterly results at Velloran
        Revenue for the quarter rose to 97 million, the company said in its quarterly report.
        Earnings per share of 12 cents beat the average analyst forecast, and the full-year outlook was raised to 0.4 billion.
        Shares rose 2 percent in early trading after the quarterly results.
        """;

    [Fact]
    public void A_join_resting_on_the_words_of_a_kind_of_event_alone_is_refused()
    {
        var day = new DateOnly(2024, 6, 3);
        var documents = new[] { Doc(Results1, "1.txt", published: day) with { Id = "d-1" }, Doc(Results2, "2.txt", published: day) with { Id = "d-2" } };
        var placements = new List<StoryPlacement>();
        // Without the rule the second report joins on the frame: "quarter", "revenue", "earnings per share", "forecast".
        var joined = Run(new StoryClusterer { HeadlineNameConflict = false, Splitter = new StorySplitter { Events = null }, MaxWordShare = 2, MinNameShare = 0, Placed = placements.Add }, documents);
        Assert.Single(joined.Stories);
        Assert.InRange(placements.Single(p => p.Document == "d-2").WordShare, 0.6, 1);
        // With it the two companies' results are two stories.
        Assert.Equal(2, Run(new StoryClusterer(), documents).Stories.Count);
        // A copy of the first (a derivation, evidence of its own) still follows it, however much of it is the frame.
        var again = Doc(Results1.Replace("in early trading", "in morning trading", StringComparison.Ordinal), "3.txt", published: day) with { Id = "d-3" };
        Assert.Single(Run(new StoryClusterer(), documents[0], again).Stories);
    }
}
