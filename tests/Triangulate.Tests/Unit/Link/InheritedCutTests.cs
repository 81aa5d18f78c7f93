using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// A page that lacks the same closing sentences of an agency's report as a partner's copy of it took the partner's page:
/// a copy keeps its source's cuts. Without a shared cut, the agency's own (earlier) page stays the source.
/// </summary>
public sealed class InheritedCutTests
{
    private static readonly string[] Sentences =
    [
        "Harbour cranes at Pellow stood idle on Monday after dock workers walked out over a new shift rota, the union said.",
        "About 1,200 members of the Pellow Dockers Guild joined the stoppage at dawn, according to guild secretary Orla Quint.",
        "The port authority said eleven container ships were waiting at anchor outside the breakwater by the afternoon.",
        "Managers had proposed replacing three eight-hour shifts with two longer ones from the start of next month.",
        "“Nobody asked the people who actually load the ships,” Quint told a rally outside the customs house.",
        "Talks between the guild and the port's operators are due to resume on Wednesday under a state mediator.",
        "Freight companies warned that perishable cargo could spoil if the ships are not unloaded within days.",
        "The last strike at the port, in 2019, lasted nine days and cost the regional economy an estimated 40 million euros.",
    ];

    [Fact]
    public void A_copy_missing_the_closing_sentences_a_partner_cut_took_the_partner_s_page()
    {
        // The partner cut the last two sentences; the copy carries the partner's text as it is.
        var (wire, partner, copy) = Family(partnerKeeps: 6, copyKeeps: 6);
        var context = Run(wire, partner, copy);
        var relation = Assert.Single(Derivations(context), r => r.From == copy.Id);
        Assert.Equal(partner.Id, relation.To);
        Assert.Equal(wire.Id, Assert.Single(Derivations(context), r => r.From == partner.Id).To);
    }

    [Fact]
    public void A_copy_of_the_whole_report_took_the_agency_s_page_though_a_partner_carries_it_whole_too()
    {
        // Neither page cut anything: nothing the copy lacks tells the partner's page from the agency's.
        var (wire, partner, copy) = Family(partnerKeeps: 8, copyKeeps: 8);
        var context = Run(wire, partner, copy);
        var relation = Assert.Single(Derivations(context), r => r.From == copy.Id);
        Assert.Equal(wire.Id, relation.To);
    }

    /// <summary>An agency's page, a partner's copy a day later keeping its first sentences, and a page of the day after keeping its first sentences.</summary>
    private static (Document Wire, Document Partner, Document Copy) Family(int partnerKeeps, int copyKeeps)
    {
        static string Body(int keep) => "Dockers strike halts Pellow port\n" + string.Join("\n", Sentences.Take(keep)) + "\n";
        var wire = Doc(Body(Sentences.Length), "wire.txt", outlet: "Harbour Wire Service", published: new DateOnly(2024, 5, 1)) with { Id = "d-01" };
        var partner = Doc(Body(partnerKeeps), "partner.txt", outlet: "Fenwick Ledger", published: new DateOnly(2024, 5, 2)) with { Id = "d-02", Sha256 = "partner" };
        var copy = Doc(Body(copyKeeps), "copy.txt", outlet: "Ostry Gazette", published: new DateOnly(2024, 5, 3)) with { Id = "d-03", Sha256 = "copy" };
        return (wire, partner, copy);
    }
}
