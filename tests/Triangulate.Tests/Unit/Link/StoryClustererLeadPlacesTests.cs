using Triangulate.Link.Stories;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryClustererLeadPlacesTests
{
    private static readonly DateOnly Monday = new(2024, 4, 8);

    [Fact]
    public void A_lead_gives_the_street_and_the_venue_by_their_structure()
    {
        var english = LeadPlaces.Of("A fire tore through a disused warehouse on Corbel Street in Dunmere early on Friday, officials said.");
        Assert.Equal(["corbel"], english[LeadPlaces.Street]);
        Assert.Equal(["warehouse"], english[LeadPlaces.Venue]);
        // A lower-case street noun before its name, the venue after an elided article, one place in any language.
        var french = LeadPlaces.Of("Quatre personnes sont mortes dans l'incendie d'une usine de la rue Corbel, à Dunmere.");
        Assert.Equal(["corbel"], french[LeadPlaces.Street]);
        Assert.Equal(["factory"], french[LeadPlaces.Venue]);
        Assert.Equal(["factory"], LeadPlaces.Of("Bei einem Brand in einer Fabrik in Dunmere sind zwei Menschen gestorben.")[LeadPlaces.Venue]);
        Assert.Equal(["care home"], LeadPlaces.Of("Smoke spread through a nursing home in Dunmere.")[LeadPlaces.Venue]);
    }

    [Fact]
    public void A_place_noun_out_of_its_structure_gives_no_place()
    {
        // Taken to a hospital: no locative preposition before the article. A headline in title case: no lower-case word
        // before the name. A comma between the name and the noun: no street.
        Assert.Empty(LeadPlaces.Of("Three firefighters were taken to a hospital after the blaze."));
        Assert.Empty(LeadPlaces.Of("Blaze On Corbel Street Leaves Two Dead"));
        Assert.Empty(LeadPlaces.Of("The blaze spread to Dunmere, Street vendors said."));
        Assert.Empty(LeadPlaces.Of("A school teacher was among the injured."));
    }

    [Fact]
    public void A_document_conflicts_with_first_reports_that_give_another_place_and_none_its_own()
    {
        var hotel = LeadPlaces.Of("A fire broke out in a hotel on Ashgrove Road in Dunmere.");
        var warehouse = LeadPlaces.Of("A fire tore through a warehouse on Corbel Street in Dunmere.");
        Assert.True(LeadPlaces.Conflict(hotel, [warehouse]));
        // One first report gives the document's own street: the story holds its event, nothing is proved.
        Assert.False(LeadPlaces.Conflict(hotel, [warehouse, LeadPlaces.Of("Crews fought a blaze on Ashgrove Road.")]));
        // First reports that give no place say nothing against it, nor does a document that gives none.
        Assert.False(LeadPlaces.Conflict(hotel, [LeadPlaces.Of("A fire broke out in Dunmere on Monday.")]));
        Assert.False(LeadPlaces.Conflict(LeadPlaces.Of("A fire broke out in Dunmere on Monday."), [warehouse]));
    }

    // One town's two fires two days apart, told by its fire chief and mayor in one frame, the injured counted alike:
    // each gives its own building and street.
    private const string Warehouse = """
        Dunmere fire: crews at the scene
        A fire tore through a warehouse on Corbel Street in Dunmere, injuring 6 people, fire chief Aldous Pemberthy said. Mayor Rosalind Quaritch visited the site and thanked the crews of the Dunmere brigade.
        """;

    private const string Hotel = """
        Dunmere blaze: guests evacuated overnight
        Flames swept through a hotel on Ashgrove Road in Dunmere overnight and 6 people were treated for burns, said fire chief Aldous Pemberthy. Guests were moved to a sports hall while mayor Rosalind Quaritch praised the Dunmere brigade for its quick response.
        """;

    // A later report of the warehouse fire that names its street, not the building.
    private const string Cause = """
        Dunmere fire: cause under investigation
        Investigators searched the ruins on Corbel Street in Dunmere, where 6 people were injured, fire chief Aldous Pemberthy said. Mayor Rosalind Quaritch thanked the crews of the Dunmere brigade.
        """;

    private static (Document, DocumentAnalysis) Report(string text, string source, int published) => Dated(text, source, Monday.AddDays(published));

    [Fact]
    public void A_report_that_gives_its_event_another_building_and_street_is_a_story_of_its_own()
    {
        var items = new[] { Report(Warehouse, "1.txt", 0), Report(Hotel, "2.txt", 2) };
        var placements = new List<StoryPlacement>();
        // Without the rule the town, the fire chief, the mayor and the count carry the hotel fire into the warehouse's story.
        Assert.Single(Run(new StoryClusterer { LeadPlaceConflict = false, Placed = placements.Add }, items).Stories);
        Assert.Equal(StoryPlacement.Words, placements.Single(p => p.Document == "d-2.txt").How);
        Assert.Equal(2, Run(new StoryClusterer(), items).Stories.Count);
    }

    [Fact]
    public void A_later_report_that_gives_the_storys_street_still_joins()
    {
        var items = new[] { Report(Warehouse, "1.txt", 0), Report(Cause, "2.txt", 2) };
        Assert.Single(Run(new StoryClusterer(), items).Stories);
    }
}
