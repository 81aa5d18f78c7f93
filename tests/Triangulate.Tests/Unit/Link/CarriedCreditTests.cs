using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// A page that repeats another republisher's credit line word for word took that republisher's page, not the credited
/// agency's (ProvenanceLinks' carrier of a credit), but only when the page is undated: a licensee dates its page. A dated
/// page took the partner's when it also keeps the partner's own headline and the closing sentences the partner cut.
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

    [Fact]
    public void A_dated_page_with_a_partner_s_credit_line_headline_and_cut_took_the_partner_s_page()
    {
        // The partner wrote its own headline and cut the closing sentence; the page repeats all three, so the agency's
        // name in its credit line is the partner's credit, carried with the rest.
        var (wire, partner, copy) = Family(copyDated: true, partnerHeadline: "Marvale floods drive 214 families from their homes", partnerCuts: true);
        var relation = Assert.Single(Derivations(Run(wire, partner, copy)), r => r.From == copy.Id);
        Assert.Equal(partner.Id, relation.To);
    }

    [Fact]
    public void A_dated_page_with_the_partner_s_cut_and_credit_line_but_the_agency_s_headline_took_the_agency_s_page()
    {
        // Without the partner's headline the credit line and the cut could be the page's own: the agency stays the source.
        var (wire, partner, copy) = Family(copyDated: true, partnerHeadline: "Marvale floods drive 214 families from their homes", partnerCuts: true, copyKeepsHeadline: false);
        var relation = Assert.Single(Derivations(Run(wire, partner, copy)), r => r.From == copy.Id);
        Assert.Equal(wire.Id, relation.To);
    }

    /// <summary>An agency page, a partner's syndicated page with a credit line, and a third page with the partner's credit line.</summary>
    private static (Document Wire, Document Partner, Document Copy) Family(bool copyDated, string? partnerHeadline = null, bool partnerCuts = false, bool copyKeepsHeadline = true)
    {
        var body = "TOLVERA (HWS) — " + Texts.FloodOriginal.TrimEnd();
        // A partner that cuts drops the closing sentence, and the page taken from it lacks it too.
        var kept = partnerCuts ? body[..body.LastIndexOf('\n')] : body;
        var wire = Doc(body + "\n", "wire.txt", outlet: "Harbour Wire Service", published: new DateOnly(2024, 5, 1)) with { Id = "d-01" };
        var partner = WithCreditLine(Doc(kept + "\n" + Credit + "\n", "partner.txt", outlet: "Fenwick Ledger",
            origin: "Harbour Wire Service", published: new DateOnly(2024, 5, 1)) with
        { Id = "d-02" });
        var copy = WithCreditLine(Doc(kept + "\n" + Credit + "\n", "copy.txt", outlet: "quicknewsfeed.site", origin: "Harbour Wire Service",
            published: copyDated ? new DateOnly(2024, 5, 2) : null) with
        { Id = "d-03", Sha256 = "copy" });
        if (partnerHeadline is not null)
        {
            partner = partner with { Title = partnerHeadline };
            if (copyKeepsHeadline) copy = copy with { Title = partnerHeadline };
        }
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
