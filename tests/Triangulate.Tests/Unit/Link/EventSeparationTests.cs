using Triangulate.Link;
using Triangulate.Link.Stories;
using Triangulate.Model;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// Two events of one kind in one town, told in one frame: the same fire chief's quote word for word, the same mayor, the
/// same town; each report names its own day and its own building and street.
/// </summary>
public sealed class EventSeparationTests
{
    private static readonly DateOnly Monday = new(2024, 4, 8);

    private const string Warehouse = """
        Two dead in warehouse fire in Dunmere
        Two people died when a fire broke out in a warehouse on Corbel Street in Dunmere on Monday, the fire service said. "It was a very difficult operation," said Aldous Pemberthy, head of the Dunmere fire service. Crews from Ostley and Brannock helped to contain the flames before dawn.
        """;

    // The warehouse fire told again in other words by another desk: the same day, building and street.
    private const string WarehouseRewrite = """
        Dunmere warehouse blaze leaves two dead
        A blaze in a warehouse on Corbel Street in Dunmere killed two people on Monday. Fire chief Aldous Pemberthy called it a very difficult operation; neighbours from Ostley watched the smoke for hours.
        """;

    // A follow-up: another figure in its headline, but it names the fire's day beside its own.
    private const string WarehouseToll = """
        Dunmere fire death toll rises to four
        The number of people killed in Monday's fire at a warehouse in Dunmere has risen to four, the fire service said on Wednesday. Investigators from Ostley are questioning the owner.
        """;

    private const string Hotel = """
        Three dead in hotel fire in Dunmere
        Flames swept through a hotel on Ashgrove Road in Dunmere on Friday, killing three guests, police said. "It was a very difficult operation," said Aldous Pemberthy, head of the Dunmere fire service. Guests were moved to a sports hall near the Brannock road.
        """;

    /// <summary>An undated report (the clusterer's time and place rules leave it alone) whose analysis names the day <paramref name="named"/> days after Monday.</summary>
    private static (Document, DocumentAnalysis) Report(string text, string source, params int[] named)
    {
        var document = Doc(text, source) with { Id = "d-" + source };
        var times = named.Select(n =>
        {
            var day = PartialDate.Parse(Monday.AddDays(n).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            return new TimeExpression { Span = new TextSpan(document.Id, 0, 1), Start = day, End = day };
        }).ToList();
        return (document, new DocumentAnalysis { DocumentId = document.Id, Times = times });
    }

    private static List<List<string>> Split(StorySplitter splitter, params (Document Document, DocumentAnalysis Analysis)[] items) =>
        splitter.Split([.. items.Select(i => i.Document.Id)], new InMemoryCorpusReader(items), []);

    [Fact]
    public void Two_fires_of_one_town_sharing_a_template_sentence_are_two_stories()
    {
        var items = new[] { Report(Warehouse, "1.txt", 0), Report(Hotel, "2.txt", 4) };
        // The town, the fire chief and his quote word for word carry the hotel fire into the warehouse fire's story;
        // without the separation it stays there (two units are under the splitter's smallest story).
        Assert.Single(Run(new StoryClusterer { Splitter = new StorySplitter { Events = null } }, items).Stories);
        var stories = Run(new StoryClusterer(), items).Stories;
        Assert.Equal(2, stories.Count);
        Assert.Equal(["d-1.txt", "d-2.txt"], stories.Select(s => s.Documents.Single()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_wire_report_its_rewrite_and_its_follow_up_stay_one_story()
    {
        var items = new[] { Report(Warehouse, "1.txt", 0), Report(WarehouseRewrite, "2.txt", 0), Report(WarehouseToll, "3.txt", 0, 2), Report(Hotel, "4.txt", 4) };
        var parts = Split(new StorySplitter(), items);
        Assert.Equal(2, parts.Count);
        Assert.Contains(["d-1.txt", "d-2.txt", "d-3.txt"], parts);
        Assert.Contains(["d-4.txt"], parts);
    }

    [Fact]
    public void Another_place_on_the_same_day_or_on_no_day_named_proves_nothing()
    {
        // The hotel fire said to be on Monday: another street, but the warehouse fire's day (one event, told otherwise).
        Assert.Single(Split(new StorySplitter(), Report(Warehouse, "1.txt", 0), Report(Hotel, "2.txt", 0)));
        // A report that names no day: nothing says when its event was.
        Assert.Single(Split(new StorySplitter(), Report(Warehouse, "1.txt", 0), Report(Hotel, "2.txt")));
        // Another day, but the same building, street and figure: a later report of one fire.
        Assert.Single(Split(new StorySplitter(), Report(Warehouse, "1.txt", 0), Report(WarehouseRewrite, "2.txt", 3)));
    }

    [Fact]
    public void A_derived_family_is_one_unit_however_its_members_read()
    {
        var items = new[] { Report(Warehouse, "1.txt", 0), Report(Hotel, "2.txt", 4) };
        var copy = new Relation { From = "d-2.txt", To = "d-1.txt", Kind = RelationKind.Copy };
        Assert.Single(new StorySplitter().Split(["d-1.txt", "d-2.txt"], new InMemoryCorpusReader(items), [copy]));
    }

    [Fact]
    public void Headlines_that_agree_on_one_figure_report_one_event()
    {
        // One match told by both sides: the score alike, each side's player's yards apart.
        const string Winners = "Colts beat Chiefs 20-13 as Luck throws for 205 yards\nThe Colts beat the Chiefs in Indianapolis.";
        const string Losers = "Chiefs lose 20-13 despite Charles' 226 yards\nThe Chiefs lost to the Colts in Indianapolis.";
        Assert.True(HeadlineFigures.Agree(HeadlineFigures.Of("Chiefs lose 20-13 despite Charles' 226 yards"), HeadlineFigures.Of("Colts beat Chiefs 20-13 as Luck throws for 205 yards")));
        Assert.Single(Split(new StorySplitter(), Report(Winners, "1.txt", 0), Report(Losers, "2.txt", 1)));
        // The same two without the score: the yards alone conflict, and the days named are apart.
        Assert.Equal(2, Split(new StorySplitter(), Report(Winners.Replace(" 20-13", "", StringComparison.Ordinal), "1.txt", 0), Report(Losers.Replace(" 20-13", "", StringComparison.Ordinal), "2.txt", 1)).Count);
    }

    [Fact]
    public void A_day_named_long_before_publication_is_background_not_the_event()
    {
        // Published on Monday; one report also names a record day decades before: that day tells nothing of its event.
        var hotel = Report(Hotel, "2.txt", -9000);
        var dated = (hotel.Item1 with { Published = Some.DatedDocument("x", Monday, "x").Published }, hotel.Item2);
        Assert.Single(Split(new StorySplitter(), Report(Warehouse, "1.txt", 0), dated));
        Assert.Equal(2, Split(new StorySplitter { Events = new EventSeparation { Reach = 100000 } }, Report(Warehouse, "1.txt", 0), dated).Count);
    }

    [Fact]
    public void A_small_story_whose_headlines_and_leads_agree_is_kept_whole_without_reading_its_analyses()
    {
        var agreeing = new[] { Report(Warehouse, "1.txt", 0), Report(WarehouseRewrite, "2.txt", 3) };
        var corpus = new AnalysisCounter(new InMemoryCorpusReader(agreeing));
        Assert.False(EventSeparation.MayConflict([[0], [1]], ["d-1.txt", "d-2.txt"], corpus));
        Assert.Single(new StorySplitter().Split(["d-1.txt", "d-2.txt"], corpus, []));
        Assert.Equal(0, corpus.AnalysesRead);
        // Another street and another figure: the analyses are read, and the days they name part the two.
        var apart = new AnalysisCounter(new InMemoryCorpusReader([Report(Warehouse, "1.txt", 0), Report(Hotel, "2.txt", 4)]));
        Assert.True(EventSeparation.MayConflict([[0], [1]], ["d-1.txt", "d-2.txt"], apart));
        Assert.Equal(2, new StorySplitter().Split(["d-1.txt", "d-2.txt"], apart, []).Count);
        Assert.True(apart.AnalysesRead > 0);
    }

    /// <summary>A corpus that counts the analyses asked of it.</summary>
    private sealed class AnalysisCounter(ICorpusReader inner) : ICorpusReader
    {
        public int AnalysesRead { get; private set; }

        public int DocumentCount => inner.DocumentCount;

        public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses() => inner.ReadAnalyses();

        public Document? FindDocument(string id) => inner.FindDocument(id);

        public DocumentAnalysis? FindAnalysis(string id)
        {
            AnalysesRead++;
            return inner.FindAnalysis(id);
        }
    }
}
