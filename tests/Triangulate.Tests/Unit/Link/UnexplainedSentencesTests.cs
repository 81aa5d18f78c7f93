using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// Choosing a copy's source by the sentences each candidate leaves unexplained does not count lines that name an
/// outlet: republishers add the same newsletter line or credit from shared templates, and a sibling copy carrying
/// that line explains nothing about where the text came from.
/// </summary>
public sealed class UnexplainedSentencesTests
{
    [Fact]
    public void A_copy_whose_only_extra_line_names_its_own_outlet_takes_the_original_not_a_sibling_with_the_same_template()
    {
        var wire = Doc(Texts.FloodOriginal, "wire.txt", outlet: "Harbour Wire Service", published: new DateOnly(2024, 5, 1)) with { Id = "d-03" };
        var sibling = Doc(Texts.FloodOriginal + "\n" + Briefing("Fenwick Ledger"), "sibling.txt", outlet: "Fenwick Ledger",
            published: new DateOnly(2024, 5, 1)) with
        { Id = "d-01", Sha256 = "sibling" };
        var copy = Doc(Texts.FloodOriginal + "\n" + Briefing("Quayside Courier"), "copy.txt", outlet: "Quayside Courier",
            published: new DateOnly(2024, 5, 2)) with
        { Id = "d-02", Sha256 = "copy" };
        // The premise: the newsletter line is read as body text on both republished pages, so the sibling aligns with it.
        Assert.All(new[] { sibling, copy }, d => Assert.Contains(d.Blocks, b => b.Kind == BlockKind.Body && d.Text[b.Start..b.End].Contains("briefing", StringComparison.Ordinal)));
        var relation = Assert.Single(Derivations(Run(wire, sibling, copy)), r => r.From == copy.Id);
        Assert.Equal(wire.Id, relation.To);
    }

    [Fact]
    public void A_copy_keeping_a_sentence_only_a_sibling_has_takes_the_sibling()
    {
        // The same layout, but the shared extra line is text, not furniture: the sibling is the copy's source.
        const string Added = "Residents of the lower town were told to move their cars to higher ground before nightfall.";
        var wire = Doc(Texts.FloodOriginal, "wire.txt", outlet: "Harbour Wire Service", published: new DateOnly(2024, 5, 1)) with { Id = "d-03" };
        var sibling = Doc(Texts.FloodOriginal + "\n" + Added + "\n", "sibling.txt", outlet: "Fenwick Ledger",
            published: new DateOnly(2024, 5, 1)) with
        { Id = "d-01", Sha256 = "sibling" };
        var copy = Doc(Texts.FloodOriginal + "\n" + Added + "\n", "copy.txt", outlet: "Quayside Courier",
            published: new DateOnly(2024, 5, 2)) with
        { Id = "d-02", Sha256 = "copy" };
        var relation = Assert.Single(Derivations(Run(wire, sibling, copy)), r => r.From == copy.Id);
        Assert.Equal(sibling.Id, relation.To);
    }

    private static string Briefing(string outlet) => $"Sign up for the morning briefing from {outlet}, free in your inbox every weekday.\n";
}
