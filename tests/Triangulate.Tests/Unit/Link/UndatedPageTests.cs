using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// Pages that state no publication date: the day in their address orders them against the pages they copied (the
/// provenance stage's summary), and a credit sentence they repeat from a partner's page, read as body, says they took
/// the partner's page when the credited agency's own page lacks it (ProvenanceLinks' carrier of a credit).
/// </summary>
public sealed class UndatedPageTests
{
    // A sentence the copy adds (a scraper's own line with a name in it): without a date, the longer page, with more
    // names of its own, reads as the source.
    private const string Added = "\nReaders in Kellby can follow the live page of Quick News Feed for further updates.\n";

    [Fact]
    public void An_undated_copy_whose_address_names_a_later_day_is_the_derived_page_however_long()
    {
        var source = Doc(Texts.FloodOriginal, "https://www.fenwickledger.example/news/2024/05/01/marvale-floods", outlet: "Fenwick Ledger", published: new DateOnly(2024, 5, 1)) with { Id = "d-01" };
        var copy = Doc(Texts.FloodOriginal.TrimEnd() + Added, "https://quicknewsfeed.example/news/2024/05/03/marvale-floods", outlet: "quicknewsfeed.example") with { Id = "d-02" };
        var relation = Assert.Single(Derivations(Run(source, copy)));
        Assert.Equal((copy.Id, source.Id), (relation.From, relation.To));
    }

    [Fact]
    public void A_date_the_page_states_wins_over_the_day_in_its_address()
    {
        // The longer page states the earlier day: it is the source, whatever its address says.
        var shorter = Doc(Texts.FloodOriginal, "https://www.fenwickledger.example/news/2024/05/01/marvale-floods", outlet: "Fenwick Ledger", published: new DateOnly(2024, 5, 2)) with { Id = "d-01" };
        var longer = Doc(Texts.FloodOriginal.TrimEnd() + Added, "https://quicknewsfeed.example/news/2024/05/03/marvale-floods", outlet: "quicknewsfeed.example",
            published: new DateOnly(2024, 5, 1)) with
        { Id = "d-02" };
        var relation = Assert.Single(Derivations(Run(shorter, longer)));
        Assert.Equal((shorter.Id, longer.Id), (relation.From, relation.To));
    }

    [Fact]
    public void An_undated_page_repeating_a_partner_s_credit_sentence_in_its_body_took_the_partner_s_page()
    {
        var (wire, partner, copy) = Family(copyCarriesCredit: true);
        var relation = Assert.Single(Derivations(Run(wire, partner, copy)), r => r.From == copy.Id);
        Assert.Equal(partner.Id, relation.To);
    }

    [Fact]
    public void A_dateline_naming_the_agency_is_no_carried_credit_since_the_agency_s_page_has_it_too()
    {
        // The copy has the wire's text alone: its dateline "(HWS)" is in the partner's page and in the wire's.
        var (wire, partner, copy) = Family(copyCarriesCredit: false);
        var relation = Assert.Single(Derivations(Run(wire, partner, copy)), r => r.From == copy.Id);
        Assert.Equal(wire.Id, relation.To);
    }

    /// <summary>An agency's page, a partner's copy closing with a credit sentence read as body, and an undated page taken from one of them.</summary>
    private static (Document Wire, Document Partner, Document Copy) Family(bool copyCarriesCredit)
    {
        const string Credit = "Copyright 2024 Harbour Wire Service. All rights reserved.";
        var body = "TOLVERA (HWS) — " + Texts.FloodOriginal.TrimEnd() + "\n";
        var wire = Doc(body, "https://www.hws.example/2024/05/01/marvale-floods", outlet: "Harbour Wire Service", published: new DateOnly(2024, 5, 1)) with { Id = "d-01" };
        var partner = Doc(body + Credit + "\n", "https://www.fenwickledger.example/2024/05/01/marvale-floods", outlet: "Fenwick Ledger", origin: "Harbour Wire Service",
            published: new DateOnly(2024, 5, 1)) with
        { Id = "d-02" };
        var copy = Doc(copyCarriesCredit ? body + Credit + "\n" : body, "https://quicknewsfeed.example/marvale-floods", outlet: "quicknewsfeed.example",
            origin: "Harbour Wire Service") with
        { Id = "d-03", Sha256 = "copy" };
        return (wire, partner, copy);
    }
}
