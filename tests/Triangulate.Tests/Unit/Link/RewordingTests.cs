using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// A page that repeats, word for word, the sentences a desk reworded in its rewrite of an agency's report took the
/// rewrite, even when it keeps the rewrite's line crediting the agency (ProvenanceLinks' rewording). A page that
/// rewrote the agency's report itself shares none of that desk's wording and stays the agency's.
/// </summary>
public sealed class RewordingTests
{
    private const string Lead = "Dockers strike halts Pellow port";

    private static readonly string[] Agency =
    [
        "Harbour cranes at Pellow stood idle on Monday after dock workers walked out over a new shift rota, the union said.",
        "About 1,200 members of the Pellow Dockers Guild joined the stoppage at dawn, according to guild secretary Orla Quint.",
        "The port authority said eleven container ships were waiting at anchor outside the breakwater by the afternoon.",
        "Managers had proposed replacing three eight-hour shifts with two longer ones from the start of next month.",
        "Talks between the guild and the port's operators are due to resume on Wednesday under a state mediator.",
        "Freight companies warned that perishable cargo could spoil if the ships are not unloaded within days.",
        "The last strike at the port, in 2019, lasted nine days and cost the regional economy an estimated 40 million euros.",
    ];

    // The desk's own wording of the third and sixth sentences, and its credit to the agency.
    private const string DeskThird = "By the afternoon eleven container ships lay at anchor beyond the breakwater, officials at the port authority said.";
    private const string DeskSixth = "Perishable cargo could spoil unless the waiting ships are unloaded within days, freight companies warned.";
    private const string Credit = "Harbour Wire Service first reported the strike.";

    [Fact]
    public void A_page_repeating_a_rewrite_s_own_wording_took_the_rewrite_not_the_agency_s_report()
    {
        var (wire, desk) = AgencyAndDesk();
        // Keeps the desk's reworded sentences and its credit line, rewords the closing sentence in its own words.
        var page = Page([Agency[0], Agency[1], DeskThird, Agency[3], Agency[4], DeskSixth,
            "The port's last stoppage, in 2019, ran for nine days and cost the region an estimated 40 million euros.", Credit]);
        var context = Run(wire, desk, page);
        Assert.Equal(wire.Id, Assert.Single(Derivations(context), r => r.From == desk.Id).To);
        Assert.Equal(desk.Id, Assert.Single(Derivations(context), r => r.From == page.Id).To);
    }

    [Fact]
    public void A_page_that_rewrote_the_agency_s_report_itself_stays_the_agency_s()
    {
        var (wire, desk) = AgencyAndDesk();
        // The agency's third and sixth sentences as the agency wrote them, the closing one in the page's own words.
        var page = Page([Agency[0], Agency[1], Agency[2], Agency[3], Agency[4], Agency[5],
            "The port's last stoppage, in 2019, ran for nine days and cost the region an estimated 40 million euros.", Credit]);
        var context = Run(wire, desk, page);
        Assert.Equal(wire.Id, Assert.Single(Derivations(context), r => r.From == page.Id).To);
    }

    private static (Document Wire, Document Desk) AgencyAndDesk()
    {
        var wire = Doc(Lead + "\n" + string.Join("\n", Agency) + "\n", "wire.txt", outlet: "Harbour Wire Service", published: new DateOnly(2024, 5, 1)) with { Id = "d-01" };
        var desk = Doc("Pellow port at a standstill as dockers walk out\n" + string.Join("\n", [Agency[0], Agency[1], DeskThird, Agency[3], Agency[4], DeskSixth, Agency[6], Credit]) + "\n",
            "desk.txt", outlet: "Fenwick Ledger", published: new DateOnly(2024, 5, 2)) with
        { Id = "d-02", Sha256 = "desk" };
        return (wire, desk);
    }

    private static Document Page(string[] sentences) =>
        Doc("Cargo backlog grows\n" + string.Join("\n", sentences) + "\n", "page.txt", outlet: "Ostry Gazette", published: new DateOnly(2024, 5, 3)) with
        { Id = "d-03", Sha256 = "page" };
}
