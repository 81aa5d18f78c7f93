using Triangulate.Link;
using Triangulate.Link.Evaluation;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Link;

public sealed class DerivationAncestryTests
{
    // Gold: a wire page w, a partner's syndication p of it, a scraper's copy c of the partner's page, and a second
    // licensee's syndication s of the wire (w → p → c, w → s), written as (derived, source).
    private static readonly (string, string)[] Gold = [("p", "w"), ("c", "p"), ("s", "w")];

    [Fact]
    public void TheClosureHoldsEachPageWithEveryPageItDescendsFromAndNoSiblings()
    {
        var closure = DerivationAncestry.Closure(Gold, _ => true);

        Assert.Equal(new HashSet<(string, string)> { ("p", "w"), ("c", "p"), ("c", "w"), ("s", "w") }, closure);
    }

    [Fact]
    public void TheGoldEdgesThemselvesScorePerfect()
    {
        var score = DerivationAncestry.Score(Gold, Gold, _ => true);

        Assert.Equal((1d, 1d, 4), score);
    }

    [Fact]
    public void NamingTheSourcesSourceKeepsTheTruePairAndMissesOnlyTheImmediateOne()
    {
        // The copy given the wire (its gold source's source): its edge c–w is a true "derived from" pair, c–p is missed.
        var score = DerivationAncestry.Score([("p", "w"), ("c", "w"), ("s", "w")], Gold, _ => true);

        Assert.Equal(1d, score.Precision, 9);
        Assert.Equal(3 / 4d, score.Recall, 9);
    }

    [Fact]
    public void NamingASiblingCountsThePairWithTheSiblingAsWrong()
    {
        // The second licensee given the partner's page (a sibling): s–p is false, s–w still holds through p.
        var score = DerivationAncestry.Score([("p", "w"), ("c", "p"), ("s", "p")], Gold, _ => true);

        Assert.Equal(4 / 5d, score.Precision, 9);
        Assert.Equal(1d, score.Recall, 9);
    }

    [Fact]
    public void TwoPagesGivenAsEachOthersSourceEndTheWalk()
    {
        var closure = DerivationAncestry.Closure([("a", "b"), ("b", "a")], _ => true);

        Assert.Equal(new HashSet<(string, string)> { ("a", "b") }, closure);
    }

    [Fact]
    public void OnlyThePairsOfIncludedDerivedPagesCount()
    {
        var closure = DerivationAncestry.Closure(Gold, page => page == "c");

        Assert.Equal(new HashSet<(string, string)> { ("c", "p"), ("c", "w") }, closure);
    }

    [Fact]
    public void TheGeneratorsGoldIsReadAsDirectedEdgesFromTheDerivedPage()
    {
        using var folder = new TempFolder();
        var path = folder.Write("gold.json", """
            {"stories": {"w": "s1", "p": "s1", "c": "s1"},
             "derivations": [{"from": "w", "to": "p", "kind": "syndication"}, {"from": "p", "to": "c", "kind": "copy"}]}
            """);

        var gold = StoryGold.Read(path);

        Assert.Equal([("p", "w"), ("c", "p")], gold.DerivationEdges!);
    }

    [Fact]
    public void TheEvaluationScoresEdgesAndDerivedFromPairsSideBySide()
    {
        // Gold w → p → c; the engine gives p the wire (right) and c the wire too (its gold source's source).
        var documents = new[] { ("w", "The wire's report of the flood."), ("p", "The partner's copy of the flood report."), ("c", "The scraper's copy of the flood story.") }
            .Select(x => Some.Document(x.Item2, x.Item1)).ToArray();
        var id = documents.ToDictionary(d => d.Source, d => d.Id);
        var corpus = new InMemoryCorpusReader(documents.Select(d => (d, new DocumentAnalysis { DocumentId = d.Id })));
        var result = new CorpusResult
        {
            Relations = [new Relation { From = id["p"], To = id["w"], Kind = RelationKind.Syndication }, new Relation { From = id["c"], To = id["w"], Kind = RelationKind.Copy }],
        };
        using var folder = new TempFolder();
        var gold = StoryGold.Read(folder.Write("gold.json", """
            {"stories": {"w": "s1", "p": "s1", "c": "s1"},
             "derivations": [{"from": "w", "to": "p", "kind": "syndication"}, {"from": "p", "to": "c", "kind": "copy"}]}
            """));

        var scored = StoryEvaluation.Run(corpus, result, gold);

        var (edgeP, edgeR, _) = scored.DerivationScore!.Value;
        Assert.Equal((0.5, 0.5), (edgeP, edgeR));
        var all = scored.DerivationAncestry!.Value.All;
        Assert.Equal(1d, all.Precision, 9);
        Assert.Equal(2 / 3d, all.Recall, 9);
        Assert.Equal(3, all.Gold);
    }
}
