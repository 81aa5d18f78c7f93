using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// A page that repeats another republisher's credit line word for word took that republisher's page, not the credited
/// agency's (ProvenanceLinks' carrier of a credit), but only when the page is undated: a licensee dates its page.
/// </summary>
public sealed class CarriedCreditTests
{
    private const string Credit = "Distributed by Harbour Wire Service.";

    [Fact]
    public void An_undated_page_repeating_a_partner_s_credit_line_took_the_partner_s_page()
    {
        var (wire, partner, copy) = Family(copyDated: false);
        var relation = Assert.Single(Derivations(Run(wire, partner, copy)), r => r.From == copy.Id);
        Assert.Equal(partner.Id, relation.To);
    }

    [Fact]
    public void A_dated_republisher_with_the_same_credit_line_still_took_the_credited_agency_s_page()
    {
        // A licensee dates its page and writes its own credit: the same wording as another licensee's is no copy of it.
        var (wire, partner, copy) = Family(copyDated: true);
        var relation = Assert.Single(Derivations(Run(wire, partner, copy)), r => r.From == copy.Id);
        Assert.Equal(wire.Id, relation.To);
    }

    /// <summary>An agency page, a partner's syndicated page with a credit line, and a third page with the partner's credit line.</summary>
    private static (Document Wire, Document Partner, Document Copy) Family(bool copyDated)
    {
        var body = "TOLVERA (HWS) — " + Texts.FloodOriginal.TrimEnd();
        var wire = Doc(body + "\n", "wire.txt", outlet: "Harbour Wire Service", published: new DateOnly(2024, 5, 1)) with { Id = "d-01" };
        var partner = WithCreditLine(Doc(body + "\n" + Credit + "\n", "partner.txt", outlet: "Fenwick Ledger",
            origin: "Harbour Wire Service", published: new DateOnly(2024, 5, 1)) with
        { Id = "d-02" });
        var copy = WithCreditLine(Doc(body + "\n" + Credit + "\n", "copy.txt", outlet: "quicknewsfeed.site", origin: "Harbour Wire Service",
            published: copyDated ? new DateOnly(2024, 5, 2) : null) with
        { Id = "d-03", Sha256 = "copy" });
        return (wire, partner, copy);
    }

    /// <summary>The document with its credit line as a credit block (the ingest stage's classification), not body.</summary>
    private static Document WithCreditLine(Document document)
    {
        var start = document.Text.IndexOf(Credit, StringComparison.Ordinal);
        var blocks = document.Blocks.Where(b => b.End <= start || b.Start >= start + Credit.Length).ToList();
        blocks.Add(new Block(BlockKind.Credit, start, start + Credit.Length));
        return document with { Blocks = [.. blocks.OrderBy(b => b.Start)] };
    }
}
