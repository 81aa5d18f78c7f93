using Triangulate.Link;
using Triangulate.Link.Provenance;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// A site prints the same lines on every page (a newsletter line, a standing note to readers) and the ingest does not
/// always tell them from the body. Two of its pages about two events then share those lines and nothing else, and a
/// short page aligned on them reads as a copy. The lines that several pages of one site carry, found from the site's
/// own pages, are not aligned.
/// </summary>
public sealed class SiteFurnitureTests
{
    private const string Site = "https://www.valeobserver.example/world/";

    private const string Furniture = """
        Readers can send their stories and photographs to our newsroom at any hour of the day.
        Our reporters follow every council meeting and court hearing across the whole valley region.
        """;

    private static readonly string[] Events =
    [
        "The Ardmoor bridge reopened on Monday after 14 months of repairs costing 3.2 million.\nTraffic wardens said 2,400 cars crossed it in the first hour.",
        "Brisk Harbour council approved a new ferry timetable with 9 daily crossings.\nThe first boat under the new plan leaves at 6:15 on Saturday.",
        "A storm cut power to 1,800 homes in Corrin Vale overnight.\nEngineers restored supply to all but 120 of them by noon.",
        "Dunmere Rovers signed striker Tal Oduya on a 3-year contract.\nThe club paid a fee of 450,000 for the forward.",
        "The Eskton library will extend its opening hours to 10 p.m. from October.\nLibrarians counted 52,000 visits last year.",
        "Fallow Street market reopened with 64 stalls after a fire in June.\nTraders said takings were half of last summer's.",
    ];

    /// <summary>A page of the site; its id is "d-" and its slug, so that pages arrive in the order of their slugs.</summary>
    private static Document Page(string body, string slug, string host = Site, string outlet = "The Vale Observer") =>
        Doc(body + "\n" + Furniture, host + slug + ".html", outlet: outlet, published: new DateOnly(2024, 10, 7)) with { Id = "d-" + slug };

    private static readonly Document Court = Page("The Glenrow court jailed Maro Tessick for arson on Tuesday.\nThe prosecution had asked for a longer sentence.", "x1-glenrow-court");

    private static readonly Document Quake = Page("A quake shook Harran Fell early on Wednesday morning.\nNo damage was reported in the villages nearby.", "x2-harran-quake");

    [Fact]
    public void Two_pages_of_one_site_that_share_only_its_standing_lines_are_not_derived_once_the_site_shows_them()
    {
        var earlier = Events.Select((body, i) => Page(body, "e" + i)).ToArray();
        var context = Run([.. earlier, Court, Quake]);
        Assert.DoesNotContain(Derivations(context), r => r.From == Quake.Id || r.From == Court.Id);
    }

    [Fact]
    public void Before_the_site_shows_its_standing_lines_the_two_pages_read_as_one_text()
    {
        // What the rule learns from: alone, the two short pages align on the standing lines and are taken as derived.
        var context = Run(Court, Quake);
        Assert.Contains(Derivations(context), r => (r.From, r.To) == (Quake.Id, Court.Id) || (r.From, r.To) == (Court.Id, Quake.Id));
    }

    [Fact]
    public void A_copy_of_a_sites_page_on_another_site_is_still_derived_from_it()
    {
        var earlier = Events.Select((body, i) => Page(body, "e" + i)).ToArray();
        var copy = Doc("The Glenrow court jailed Maro Tessick for arson on Tuesday.\nThe prosecution had asked for a longer sentence.\nThis story first appeared in a regional newspaper.",
            "https://newsfeed.example/article/glenrow-court", outlet: "Newsfeed", published: new DateOnly(2024, 10, 8)) with
        { Id = "d-x3-copy" };
        var context = Run([.. earlier, Court, copy]);
        Assert.Contains(Derivations(context), r => r.From == copy.Id && r.To == Court.Id);
    }

    [Fact]
    public void A_line_is_furniture_once_five_pages_of_one_site_carry_it()
    {
        var furniture = new SiteFurniture(LinkState.Fresh());
        var pages = Events.Select((body, i) => Page(body, "e" + i)).ToArray();
        var line = TextProfile.Build(pages[0]).Sentences[^1].Line;
        for (var i = 0; i < SiteFurniture.MinPages - 1; i++)
            Assert.DoesNotContain(line, furniture.Count(SiteFurniture.SiteOf(pages[i]), TextProfile.Build(pages[i])) ?? []);
        var fifth = furniture.Count(SiteFurniture.SiteOf(pages[SiteFurniture.MinPages - 1]), TextProfile.Build(pages[SiteFurniture.MinPages - 1]));
        Assert.NotNull(fifth);
        Assert.Contains(line, fifth);
        // The page's own sentences are on one page only.
        Assert.DoesNotContain(TextProfile.Build(pages[SiteFurniture.MinPages - 1]).Sentences[0].Line, fifth);
    }

    [Fact]
    public void Lines_of_pages_of_different_sites_are_counted_apart()
    {
        var furniture = new SiteFurniture(LinkState.Fresh());
        HashSet<ulong>? last = null;
        for (var i = 0; i < Events.Length; i++)
        {
            var page = Page(Events[i], "e" + i, host: $"https://site{i}.example/news/", outlet: "Outlet " + i);
            last = furniture.Count(SiteFurniture.SiteOf(page), TextProfile.Build(page));
        }
        Assert.Null(last);
    }

    [Fact]
    public void A_page_is_counted_under_its_web_host_else_its_outlet()
    {
        Assert.Equal(SiteFurniture.SiteOf(Page("x", "a")), SiteFurniture.SiteOf(Page("y", "b", host: "https://valeobserver.example/sport/", outlet: "valeobserver.example")));
        Assert.Equal(SiteFurniture.SiteOf(Doc("x", "a.txt", outlet: "The Vale Observer")), SiteFurniture.SiteOf(Doc("y", "b.txt", outlet: "Vale Observer")));
        Assert.Null(SiteFurniture.SiteOf(Doc("x", "a.txt")));
    }
}
