using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// A desk rewrite that rewords most of its source and keeps two of its sentences is a rewrite when it names the
/// source's outlet ("X first reported the news"); the same text without that line is not enough to call it one.
/// </summary>
public sealed class AttributedRewriteTests
{
    private const string Source = """
        The Tolvera council voted 7 to 2 on Tuesday to close the Marrick Street bridge for repairs.

        Engineers found cracks in two supporting piers during a routine inspection last month.

        The closure will last about 14 weeks and traffic will be diverted along the river road.

        Shopkeepers on Marrick Street said they feared losing customers during the busy summer season.

        Councillor Edda Pravin said the repairs could not wait another winter.

        The work is expected to cost 2.4 million euros, paid from the regional infrastructure fund.
        """;

    private const string Rewrite = """
        Marrick Street bridge in Tolvera will shut for repairs after councillors backed the plan 7 to 2 on Tuesday.

        Engineers found cracks in two supporting piers during a routine inspection last month.

        The closure will last about 14 weeks and traffic will be diverted along the river road.

        Local traders worry that the shutdown will hurt them this summer.

        Tolvera has three other crossings over the Ambel.
        """;

    [Fact]
    public void A_rewrite_keeping_two_sentences_and_naming_the_source_outlet_is_derived_from_it()
    {
        var (source, rewrite) = Pair("The Harbour Ledger first reported the news.");
        var relation = Assert.Single(Derivations(Run(source, rewrite)));
        Assert.Equal(rewrite.Id, relation.From);
        Assert.Equal(source.Id, relation.To);
    }

    [Fact]
    public void The_same_rewrite_without_naming_the_source_outlet_is_not_derived()
    {
        var (source, rewrite) = Pair("Work on the crossing is due to begin next week.");
        Assert.Empty(Derivations(Run(source, rewrite)));
    }

    private static (Document Source, Document Rewrite) Pair(string lastLine)
    {
        var source = Doc(Source, "ledger.txt", outlet: "Harbour Ledger", published: new DateOnly(2024, 5, 1)) with { Id = "d-01" };
        var rewrite = Doc(Rewrite + "\n\n" + lastLine + "\n", "courier.txt", outlet: "Quayside Courier",
            published: new DateOnly(2024, 5, 2)) with
        { Id = "d-02" };
        return (source, rewrite);
    }
}
