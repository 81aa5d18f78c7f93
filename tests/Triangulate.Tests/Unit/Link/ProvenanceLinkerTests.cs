using System.Globalization;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class ProvenanceLinkerTests
{
    [Fact]
    public void An_exact_copy_on_the_same_site_is_a_copy_with_full_score()
    {
        var original = Doc(Texts.FloodOriginal, "a.txt", published: new DateOnly(2024, 5, 1));
        var copy = Doc(Texts.FloodOriginal.Replace("\n", "\n\n"), "b.txt", published: new DateOnly(2024, 5, 2));
        var relation = Assert.Single(Derivations(Run(original, copy)));
        Assert.Equal(RelationKind.Copy, relation.Kind);
        Assert.Equal(copy.Id, relation.From);
        Assert.Equal(original.Id, relation.To);
        Assert.Equal(1.0, relation.Score);
        Assert.NotEmpty(relation.Evidence);
    }

    [Fact]
    public void The_same_text_under_another_outlet_with_a_credit_line_is_syndication_from_the_credited_outlet()
    {
        // No dates: only the credit line tells which way it went.
        var original = Doc(Texts.FloodOriginal, "a.txt", outlet: "Valley Courier");
        var syndicated = Doc(Texts.FloodOriginal + "\nCre: Valley Courier\n", "b.txt", outlet: "Daily Star", origin: "Valley Courier");
        var context = Run(original, syndicated);
        var relation = Assert.Single(Derivations(context));
        Assert.Equal(RelationKind.Syndication, relation.Kind);
        Assert.Equal(syndicated.Id, relation.From);
        Assert.Equal(original.Id, relation.To);
        var cites = Assert.Single(context.Relations, r => r.Kind == RelationKind.Cites);
        Assert.Equal("valley courier", cites.ToOutlet);
        Assert.Equal(original.Id, cites.To);
    }

    [Fact]
    public void Partner_copies_crediting_an_agency_by_its_initials_each_take_the_agency_page_not_each_other()
    {
        // The agency page names itself "(AP)" and its partners credit "AP": the full outlet name is never written. No
        // dates: only the credits tell the agency page from its copies, which also verify against each other.
        var wire = Doc("MARVALE (AP) — " + Texts.FloodOriginal, "wire.txt", outlet: "Associated Press");
        var first = Doc("MARVALE (AP) — " + Texts.FloodOriginal + "\nSource: AP\n", "first.txt", outlet: "Valley Courier");
        var second = Doc("MARVALE (AP) — " + Texts.FloodOriginal + "\nSource: AP\n", "second.txt", outlet: "Daily Star");
        // Ids so that the sibling sorts first: a tie between the two sources would pick it.
        (wire, first, second) = (wire with { Id = "d-03" }, first with { Id = "d-01" }, second with { Id = "d-02", Sha256 = "second" });
        var derivations = Derivations(Run(wire, first, second));
        Assert.Equal(2, derivations.Count);
        Assert.All(derivations, d => Assert.Equal(wire.Id, d.To));
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), derivations.Select(d => d.From).Order(StringComparer.Ordinal));
        Assert.All(derivations, d => Assert.Equal(RelationKind.Syndication, d.Kind));
    }

    [Fact]
    public void Two_agencies_own_reports_that_read_alike_are_not_derived_from_each_other()
    {
        // Each page opens with its own agency's dateline: two agencies wrote the same frame. Without the rule the later
        // one is a syndication of the earlier.
        var first = Doc("MARVALE (AP) — " + Texts.FloodOriginal, "ap.txt", outlet: "Associated Press", published: new DateOnly(2024, 5, 1));
        var second = Doc("MARVALE, May 1 (Northwire) - " + Texts.FloodOriginal, "nw.txt", outlet: "Northwire", published: new DateOnly(2024, 5, 2));
        Assert.Empty(Derivations(Run(first, second)));
        // The same two pages under one agency's name are its own update: still derived.
        Assert.Single(Derivations(Run(first, second with { Outlet = "Associated Press" })));
    }

    [Fact]
    public void One_agency_s_own_reports_in_other_words_or_another_language_are_not_derived_from_each_other()
    {
        // Each page opens with the agency's own dateline: its desk wrote each, one in other words, one in Dutch. Without
        // the rule the reworded page is a rewrite of the first and the Dutch page a translation.
        var report = Doc("MARVALE (Northwire) - " + Texts.FloodOriginal, "report.txt", outlet: "Northwire");
        var reworded = Doc("MARVALE (Northwire) - " + Texts.FloodRewrite, "reworded.txt", outlet: "Northwire");
        var dutch = Doc("MARVALE (Northwire) - " + Texts.FloodDutch, "dutch.txt", outlet: "Northwire", language: "nl");
        Assert.Empty(Derivations(Run(report, reworded)));
        Assert.Empty(Derivations(Run(report, dutch)));
        // A page without the agency's dateline is no own report: the reworded text is taken from the report, on the
        // agency's site or a paper's.
        var undated = Doc(Texts.FloodRewrite, "plain.txt", outlet: "Northwire");
        Assert.Equal(RelationKind.Rewrite, Assert.Single(Derivations(Run(report, undated))).Kind);
        Assert.Single(Derivations(Run(report, reworded with { Outlet = "Valley Courier" })));
    }

    private const string TollFrame = """
        The number of people killed in Monday's fire at a warehouse in Marvale has risen to TOLL, the fire service said on Wednesday.
        Investigators suspect that a faulty heater on the ground floor started the blaze shortly after midnight.
        Firefighters battled intense heat and thick smoke for several hours before the roof collapsed.
        The warehouse owner said the building had passed its last safety inspection in the spring.
        Neighbours described hearing a series of loud bangs before the flames spread along the roof.
        """;

    private static string Toll(int toll) => TollFrame.Replace("TOLL", toll.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [Fact]
    public void Two_reports_of_one_template_with_other_lone_digit_figures_are_not_derived_from_each_other()
    {
        // The toll is a single digit, too common to be a name key, but a figure all the same: "risen to 7" and "risen to
        // 9" are the fire service's two updates, each reported anew. The same toll is a copy.
        var first = Doc(Toll(7), "first.txt", outlet: "Valley Courier", published: new DateOnly(2024, 5, 1));
        var update = Doc(Toll(9), "update.txt", outlet: "Daily Star", published: new DateOnly(2024, 5, 3));
        var copy = Doc(Toll(7), "copy.txt", outlet: "Daily Star", published: new DateOnly(2024, 5, 2)) with { Id = "d-c0b1", Sha256 = "copy" };
        Assert.Empty(Derivations(Run(first, update)));
        var relation = Assert.Single(Derivations(Run(first, copy)));
        Assert.Equal(copy.Id, relation.From);
    }

    [Fact]
    public void The_day_of_a_wire_dateline_is_no_figure_of_the_report()
    {
        // The wire's first sentence states no figure but its dateline's day; the rewrite's gives the vote share. The day
        // says when the page was filed: the two sentences do not disagree on a figure.
        var wire = Doc("""
            MARVALE, May 7 (Northwire) - Voters in Marvale elected Ilse Varnhagen as their new mayor on Sunday, handing the Green candidate a clear win over Tomas Brel.
            Turnout was low, the electoral commission said, with long queues reported only in the town centre.
            Varnhagen promised to rebuild the levee along the river before the autumn rains arrive.
            The campaign was dominated by housing costs and the state of local roads.
            Her opponent congratulated the winner but said his party would learn the lessons of the vote.
            """, "wire.txt", outlet: "Northwire");
        var rewrite = Doc("""
            Voters in Marvale elected Ilse Varnhagen as their new mayor on Sunday, handing the Green candidate 59.5% of the vote.
            Turnout was low, the electoral commission said, with long queues reported only in the town centre.
            Varnhagen promised to rebuild the levee along the river before the autumn rains arrive.
            The campaign was dominated by housing costs and the state of local roads.
            Her opponent congratulated the winner but said his party would learn the lessons of the vote.
            """, "rewrite.txt", outlet: "Valley Courier");
        var relation = Assert.Single(Derivations(Run(wire, rewrite)));
        Assert.Equal(rewrite.Id, relation.From);
    }

    [Fact]
    public void A_page_reading_like_an_agency_s_own_report_is_taken_from_it_even_when_longer()
    {
        // No dates and no credit: information loss alone would make the shorter agency page the derived one. The agency's
        // own dateline says its text starts there; the paper's page, with a closing line of its own, took it.
        var wire = Doc("MARVALE (Northwire) - " + Texts.FloodOriginal, "wire.txt", outlet: "Northwire");
        var paper = Doc(Texts.FloodOriginal + "\nThe town council meets on Thursday to discuss the damage to the harbour wall.\n", "paper.txt", outlet: "Valley Courier");
        var relation = Assert.Single(Derivations(Run(wire, paper)));
        Assert.Equal(paper.Id, relation.From);
        Assert.Equal(wire.Id, relation.To);
    }

    [Fact]
    public void An_agency_s_own_report_published_after_a_page_that_reads_alike_is_not_derived_from_it()
    {
        var paper = Doc(Texts.FloodOriginal, "paper.txt", outlet: "Valley Courier", published: new DateOnly(2024, 5, 1));
        var wire = Doc("MARVALE (Northwire) - " + Texts.FloodOriginal, "wire.txt", outlet: "Northwire", published: new DateOnly(2024, 5, 3));
        Assert.Empty(Derivations(Run(paper, wire)));
        // Crediting the paper, the agency's report is derived from it.
        var crediting = Doc("MARVALE (Northwire) - " + Texts.FloodOriginal + "\nValley Courier first reported the floods.\n", "credit.txt", outlet: "Northwire", published: new DateOnly(2024, 5, 3));
        Assert.Single(Derivations(Run(paper, crediting)));
    }

    [Fact]
    public void The_same_text_under_another_outlet_without_credit_is_syndication_directed_by_date()
    {
        var original = Doc(Texts.MineOriginal, "a.txt", outlet: "Mining Weekly", published: new DateOnly(2024, 3, 20));
        var taken = Doc(Texts.MineOriginal, "b.txt", outlet: "Copper Times", published: new DateOnly(2024, 3, 21)) with { Sha256 = "x" };
        var relation = Assert.Single(Derivations(Run(original, taken with { Id = "d-ffff" })));
        Assert.Equal(RelationKind.Syndication, relation.Kind);
        Assert.Equal("d-ffff", relation.From);
    }

    [Fact]
    public void A_rewrite_that_drops_names_and_figures_is_derived_from_the_text_that_has_them()
    {
        var original = Doc(Texts.FloodOriginal, "a.txt");
        var rewrite = Doc(Texts.FloodRewrite, "b.txt");
        var relation = Assert.Single(Derivations(Run(original, rewrite)));
        Assert.Equal(RelationKind.Rewrite, relation.Kind);
        Assert.Equal(rewrite.Id, relation.From);
        Assert.Equal(original.Id, relation.To);
        Assert.InRange(relation.Evidence.Count, 3, 10);
        Assert.All(relation.Evidence, e =>
        {
            Assert.Equal(rewrite.Id, e.From.Document);
            Assert.Equal(rewrite.Text[e.From.Start..e.From.End], e.From.Excerpt);
            Assert.Equal(original.Text[e.To.Start..e.To.End], e.To.Excerpt);
        });
        Assert.Contains(relation.Evidence, e => e.To.Excerpt!.Contains("never seen water", StringComparison.Ordinal));
        Assert.InRange(relation.Score!.Value, 0.3, 1.0);
    }

    [Fact]
    public void A_known_earlier_date_outweighs_information_loss()
    {
        // The detailed text came later (an expanded follow-up): dates decide.
        var rewrite = Doc(Texts.FloodRewrite, "b.txt", published: new DateOnly(2024, 5, 1));
        var expanded = Doc(Texts.FloodOriginal, "a.txt", published: new DateOnly(2024, 5, 3));
        var relation = Assert.Single(Derivations(Run(rewrite, expanded)));
        Assert.Equal(expanded.Id, relation.From);
    }

    [Fact]
    public void A_text_in_another_language_sharing_numbers_and_transliterated_names_is_a_translation()
    {
        var original = Doc(Texts.FloodOriginal, "a.txt");
        var dutch = Doc(Texts.FloodDutch, "b.txt", language: "nl");
        var relation = Assert.Single(Derivations(Run(original, dutch)));
        Assert.Equal(RelationKind.Translation, relation.Kind);
        Assert.True(relation.Evidence.Count >= 3);
    }

    [Fact]
    public void Independent_reports_of_the_same_event_are_not_derived_from_each_other()
    {
        var context = Run(Doc(Texts.FloodOriginal, "a.txt"), Doc(Texts.FloodIndependent, "b.txt"),
            Doc(Texts.MineOriginal, "c.txt"), Doc(Texts.MineIndependent, "d.txt"));
        Assert.Empty(Derivations(context));
        Assert.Equal(4, context.IndependenceGroups.Values.Distinct().Count());
    }

    [Fact]
    public void Copies_share_an_independence_group_named_by_their_smallest_id()
    {
        var a = Doc(Texts.FloodOriginal, "a.txt");
        var b = Doc(Texts.FloodRewrite, "b.txt");
        var c = Doc(Texts.FloodIndependent, "c.txt");
        var context = Run(a, b, c);
        var smallest = string.CompareOrdinal(a.Id, b.Id) < 0 ? a.Id : b.Id;
        Assert.Equal(smallest, context.IndependenceGroups[a.Id]);
        Assert.Equal(smallest, context.IndependenceGroups[b.Id]);
        Assert.Equal(c.Id, context.IndependenceGroups[c.Id]);
    }

    [Fact]
    public void Documents_crediting_the_same_origin_form_one_group_but_a_cited_statement_does_not()
    {
        // Two reports of one event, both credited to one agency (not copies of each other), and a report of another
        // event that cites the agency for one statement.
        var a = Doc(Texts.MineIndependent, "a.txt", origin: "Wire Agency");
        var b = Doc(Texts.MineOriginal, "b.txt", origin: "Wire Agency");
        var c = Doc(Texts.FloodOriginal, "c.txt");
        var citation = new Citation { Outlet = "Wire Agency", Span = new TextSpan(c.Id, 0, 10), Credit = false };
        var context = Run((a, new DocumentAnalysis { DocumentId = a.Id }), (b, new DocumentAnalysis { DocumentId = b.Id }),
            (c, new DocumentAnalysis { DocumentId = c.Id, Citations = [citation] }));
        Assert.Equal(context.IndependenceGroups[a.Id], context.IndependenceGroups[b.Id]);
        Assert.Equal(c.Id, context.IndependenceGroups[c.Id]);
        Assert.Contains(context.Relations, r => r.From == c.Id && r.Kind == RelationKind.Cites && r.ToOutlet == "wire agency");
    }

    [Fact]
    public void Independent_reports_sharing_figures_names_and_verbatim_quotes_are_not_derived()
    {
        // Both carry the same two quotes word for word and the same figures; neither takes the other's wording.
        var context = Run(Doc(Texts.HarbourReportA, "a.txt", outlet: "Coast Daily"), Doc(Texts.HarbourReportB, "b.txt", outlet: "Harbour Mail"));
        Assert.Empty(Derivations(context));
        Assert.Single(context.Stories);
    }

    [Fact]
    public void A_rewrite_crediting_the_outlet_of_a_vaguer_text_is_derived_from_it_despite_having_more_specifics()
    {
        // Information loss alone would point the other way; the credit line decides.
        var vague = Doc(Texts.FloodRewrite, "a.txt", outlet: "River Post");
        var credited = Doc(Texts.FloodOriginal + "\nCre: River Post\n", "b.txt", outlet: "Valley Courier", origin: "River Post");
        var relation = Assert.Single(Derivations(Run(vague, credited)));
        Assert.Equal(RelationKind.Rewrite, relation.Kind);
        Assert.Equal(credited.Id, relation.From);
        Assert.Equal(vague.Id, relation.To);
    }

    [Fact]
    public void A_translation_crediting_its_source_outlet_is_derived_from_that_outlet_s_text()
    {
        var original = Doc(Texts.FloodOriginal, "a.txt", outlet: "Valley Courier");
        var dutch = Doc(Texts.FloodDutch + "\nBron: Valley Courier\n", "b.txt", language: "nl", outlet: "Dagblad Oost", origin: "Valley Courier");
        var relation = Assert.Single(Derivations(Run(original, dutch)));
        Assert.Equal(RelationKind.Translation, relation.Kind);
        Assert.Equal(dutch.Id, relation.From);
        Assert.Equal(original.Id, relation.To);
    }

    [Fact]
    public void A_partial_copy_under_another_outlet_without_credit_or_dates_is_syndication_from_the_fuller_text()
    {
        var lines = Texts.FloodOriginal.Split('\n');
        var partial = Doc(string.Join('\n', lines[..5]), "b.txt", outlet: "Daily Star");
        var original = Doc(Texts.FloodOriginal, "a.txt", outlet: "Valley Courier");
        var relation = Assert.Single(Derivations(Run(original, partial)));
        Assert.Equal(RelationKind.Syndication, relation.Kind);
        Assert.Equal(partial.Id, relation.From);
        Assert.Equal(original.Id, relation.To);
        Assert.Equal(5, relation.Evidence.Count); // the headline and four sentences, each aligned with its original
    }

    [Fact]
    public void A_copy_taken_by_another_outlet_without_credit_or_dates_names_no_cited_outlet()
    {
        var original = Doc(Texts.MineOriginal, "a.txt", outlet: "Mining Weekly");
        var taken = Doc(Texts.MineOriginal + "\n", "b.txt", outlet: "Copper Times");
        var context = Run(original, taken);
        var relation = Assert.Single(Derivations(context));
        Assert.Equal(RelationKind.Syndication, relation.Kind);
        Assert.DoesNotContain(context.Relations, r => r.Kind == RelationKind.Cites);
        Assert.Equal(context.IndependenceGroups[original.Id], context.IndependenceGroups[taken.Id]);
    }
}
