using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// A page whose text comes from an agency (its dateline names the agency: the origin) and whose credit line names a
/// partner paper took the partner's copy of the agency's report: the credit beside the origin says whose page it was.
/// </summary>
public sealed class CreditBesideOriginTests
{
    [Fact]
    public void A_copy_crediting_a_partner_beside_the_agency_of_its_dateline_took_the_partner_s_page()
    {
        var (wire, partner, copy) = Family();
        var creditLine = copy.Text.IndexOf("Source: Fenwick Ledger", StringComparison.Ordinal) + "Source: ".Length;
        var credit = new Citation { Outlet = "Fenwick Ledger", Span = new TextSpan(copy.Id, creditLine, creditLine + "Fenwick Ledger".Length), Credit = true };
        var context = Run((wire, Analysis(wire)), (partner, Analysis(partner)), (copy, Analysis(copy) with { Citations = [credit] }));
        var relation = Assert.Single(Derivations(context), r => r.From == copy.Id);
        Assert.Equal(partner.Id, relation.To);
    }

    [Fact]
    public void A_copy_naming_only_the_agency_of_its_dateline_took_the_agency_s_page()
    {
        // The same pages without the credit line: the dateline's agency is the only outlet the copy names.
        var (wire, partner, copy) = Family(creditLine: false);
        var context = Run((wire, Analysis(wire)), (partner, Analysis(partner)), (copy, Analysis(copy)));
        var relation = Assert.Single(Derivations(context), r => r.From == copy.Id);
        Assert.Equal(wire.Id, relation.To);
    }

    private static DocumentAnalysis Analysis(Document document) => new() { DocumentId = document.Id };

    /// <summary>
    /// An agency's page, a partner paper's copy of it a day later, and a third page with the agency's dateline and (when
    /// <paramref name="creditLine"/>) the partner's credit line.
    /// </summary>
    private static (Document Wire, Document Partner, Document Copy) Family(bool creditLine = true)
    {
        var body = "TOLVERA (HWS) — " + Texts.FloodOriginal.TrimEnd();
        var wire = Doc(body + "\n", "wire.txt", outlet: "Harbour Wire Service", published: new DateOnly(2024, 5, 1)) with { Id = "d-01" };
        var partner = Doc(body + "\n", "partner.txt", outlet: "Fenwick Ledger", origin: "Harbour Wire Service",
            published: new DateOnly(2024, 5, 2)) with
        { Id = "d-02", Sha256 = "partner" };
        var copy = Doc(body + (creditLine ? "\nSource: Fenwick Ledger\n" : "\n"), "copy.txt", outlet: "Ostry Gazette", origin: "Harbour Wire Service",
            published: new DateOnly(2024, 5, 2)) with
        { Id = "d-03", Sha256 = "copy" };
        return (wire, partner, copy);
    }
}
