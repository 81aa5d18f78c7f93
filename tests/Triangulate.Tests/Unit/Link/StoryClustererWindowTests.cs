using Triangulate.Link.Stories;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryClustererWindowTests
{
    // One hailstorm told over a week (its town, mayor and grower in every report), then a second hailstorm in the same
    // town a week later, told in other words of the same frame (orchards, walnut-sized stones, claims).
    private const string First = """
        Hail flattens orchards in Brindlemere
        A hailstorm flattened apple orchards around Brindlemere on Monday, the Halden Weather Service said.
        Mayor Tove Arnsen said forty farms lost most of their crop.
        Grower Pell Marrick said the stones were the size of walnuts.
        Insurers expect claims to rise.
        """;

    private const string FollowUp = """
        Brindlemere counts hail losses
        Farmers in Brindlemere are still counting losses after the hailstorm, mayor Tove Arnsen said.
        Pell Marrick said his apple orchards will need years to recover from the hail.
        """;

    private const string Aid = """
        Aid for Brindlemere growers after hail
        The council approved aid for Brindlemere apple growers hit by the hailstorm, mayor Tove Arnsen said.
        Grower Pell Marrick welcomed the money for the forty farms of Brindlemere.
        """;

    private const string Other = """
        Second hailstorm hits Brindlemere
        Orchards around Brindlemere were battered by another hailstorm on Tuesday night, forecasters said.
        Idris Connagh, a farmer near the river, said stones as big as walnuts stripped his trees.
        Insurance companies are bracing for a new wave of claims.
        """;

    // The first storm's three reports over six days, then the second storm's report two days after the last of them.
    private static Triangulate.Model.Document[] Hailstorms()
    {
        var day = new DateOnly(2024, 6, 3);
        return
        [
            Doc(First, "1.txt", published: day),
            Doc(FollowUp, "2.txt", published: day.AddDays(3)),
            Doc(Aid, "3.txt", published: day.AddDays(6)),
            Doc(Other, "4.txt", published: day.AddDays(8)),
        ];
    }

    [Fact]
    public void A_report_a_week_after_a_story_began_needs_the_strong_similarity_however_recent_the_storys_last_report()
    {
        var documents = Hailstorms();
        // The in-memory corpus hands documents over in id order: the second hailstorm's report arrives last.
        Assert.Equal(documents[3].Id, documents.Select(d => d.Id).Order(StringComparer.Ordinal).Last());
        // The window mechanism at thresholds these short texts were written for (the defaults are tuned on real news).
        var cosine = 0.0;
        StoryClusterer Clusterer(bool anchored) => new()
        {
            JoinThreshold = 0.17,
            StrongThreshold = 0.35,
            AnchoredWindow = anchored,
            Trace = (document, _, c, _, _, _) => { if (document == documents[3].Id) cosine = c; },
        };

        // Counted from the latest report (two days before), the second hailstorm joins the first at the lenient threshold.
        var ranged = Run(Clusterer(anchored: false), documents).Stories;
        Assert.Single(ranged);
        // Counted from the day the story began (eight days before), it needs the strong similarity its frame does not reach.
        var anchored = Run(Clusterer(anchored: true), documents).Stories;
        Assert.InRange(cosine, 0.17, 0.35);
        Assert.Equal(2, anchored.Count);
        // The first hailstorm's own follow-ups, alike in its names, still join it.
        Assert.Contains(anchored, s => s.Documents.Count == 3 && !s.Documents.Contains(documents[3].Id));
    }

    [Fact]
    public void The_similarity_needed_counts_from_the_first_day_of_a_story_not_its_last()
    {
        var clusterer = new StoryClusterer { JoinThreshold = 0.15, WindowDays = 3, DecayDays = 7, StrongThreshold = 0.3 };
        var story = new StoryState();
        var day = new DateOnly(2024, 6, 3);
        story.Add(Doc(First, "1.txt", published: day), [], 160);
        story.Add(Doc(Aid, "3.txt", published: day.AddDays(6)), [], 160);
        (int, int) At(int offset) => (day.DayNumber + offset, day.DayNumber + offset);
        Assert.Equal(0.15, clusterer.Required(At(2), story));
        Assert.Equal(0.15 * Math.Exp(2 / 7.0), clusterer.Required(At(5), story), 6);
        Assert.Equal(0.3, clusterer.Required(At(8), story));
        Assert.Equal(0.15, clusterer.Required(At(-3), story));
        Assert.Equal(0.15, new StoryClusterer { JoinThreshold = 0.15, StrongThreshold = 0.3, AnchoredWindow = false }.Required(At(8), story));
    }

    [Fact]
    public void Each_placement_is_reported_with_the_evidence_it_rests_on()
    {
        var documents = Hailstorms();
        var placements = new List<StoryPlacement>();
        Run(new StoryClusterer { JoinThreshold = 0.15, StrongThreshold = 0.3, AnchoredWindow = false, Placed = placements.Add }, documents);

        Assert.Equal(documents.Length, placements.Count);
        Assert.Equal(StoryPlacement.New, placements[0].How);
        // The second storm's report, last to arrive, joins by its words two days after the story's latest report.
        var last = placements[^1];
        Assert.Equal((documents[3].Id, StoryPlacement.Words, 2), (last.Document, last.How, last.Gap));
        Assert.Equal(placements[0].Story, last.Story);
        Assert.InRange(last.Cosine, last.Required, 1);
        Assert.NotEmpty(last.Evidence);
        Assert.Equal(last.Cosine, last.Evidence.Sum(e => e.Share), 6);
    }
}
