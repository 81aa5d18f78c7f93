using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryClustererTests
{
    [Fact]
    public void Two_interleaved_stories_are_told_apart()
    {
        var flood1 = Doc(Texts.FloodOriginal, "1.txt", published: new DateOnly(2024, 5, 1));
        var mine1 = Doc(Texts.MineOriginal, "2.txt", published: new DateOnly(2024, 3, 20));
        var flood2 = Doc(Texts.FloodIndependent, "3.txt", published: new DateOnly(2024, 5, 3));
        var mine2 = Doc(Texts.MineIndependent, "4.txt", published: new DateOnly(2024, 3, 22));
        var flood3 = Doc(Texts.FloodRewrite, "5.txt");
        var context = Run(flood1, mine1, flood2, mine2, flood3);
        Assert.Equal(2, context.Stories.Count);
        var flood = Assert.Single(context.Stories, s => s.Documents.Contains(flood1.Id));
        Assert.Equal(new[] { flood1.Id, flood2.Id, flood3.Id }.Order(StringComparer.Ordinal), flood.Documents);
        Assert.Equal("2024-05-01", flood.First.ToString());
        Assert.Equal("2024-05-03", flood.Last.ToString());
        // The rewrite counts with its source: two independent sources.
        Assert.Equal(2, flood.IndependentSources);
        Assert.Contains("Marvale", flood.Title, StringComparison.Ordinal);
        var mine = Assert.Single(context.Stories, s => s.Documents.Contains(mine1.Id));
        Assert.Equal(new[] { mine1.Id, mine2.Id }.Order(StringComparer.Ordinal), mine.Documents);
    }

    [Fact]
    public void Clustering_is_deterministic()
    {
        var docs = new[] { Doc(Texts.FloodOriginal, "1.txt"), Doc(Texts.MineOriginal, "2.txt"), Doc(Texts.FloodIndependent, "3.txt") };
        var first = Run(docs).Stories;
        var second = Run(docs.Reverse().ToArray()).Stories;
        Assert.Equal(first.Select(s => s.Id + string.Join(",", s.Documents)), second.Select(s => s.Id + string.Join(",", s.Documents)));
    }
}
