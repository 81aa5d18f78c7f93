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
    public void Two_derived_families_of_one_event_meet_in_one_story()
    {
        // Every document is in a derivation, so each family is placed whole after the pass; the story the first family
        // starts must be findable by the second (it was not indexed, and each family became a story of its own).
        var day = new DateOnly(2024, 5, 1);
        var original = Doc(Texts.FloodOriginal, "1.txt", outlet: "Valley Courier", published: day);
        var copy = Doc(Texts.FloodOriginal, "2.txt", outlet: "Daily Star", published: day.AddDays(1)) with { Sha256 = "copy" };
        var report = Doc(Texts.FloodIndependent, "3.txt", outlet: "River Post", published: day.AddDays(1));
        var reportCopy = Doc(Texts.FloodIndependent, "4.txt", outlet: "Town Crier", published: day.AddDays(2)) with { Sha256 = "report-copy" };
        var mine = Doc(Texts.MineOriginal, "5.txt", outlet: "Mining Weekly", published: day);
        var mineCopy = Doc(Texts.MineOriginal, "6.txt", outlet: "Copper Times", published: day.AddDays(1)) with { Sha256 = "mine-copy" };
        var context = Run(original with { Id = "d-01" }, copy with { Id = "d-02" }, report with { Id = "d-03" }, reportCopy with { Id = "d-04" },
            mine with { Id = "d-05" }, mineCopy with { Id = "d-06" });
        Assert.Equal(3, Derivations(context).Count);
        Assert.Equal(2, context.Stories.Count);
        Assert.Equal(["d-01", "d-02", "d-03", "d-04"], Assert.Single(context.Stories, s => s.Documents.Contains("d-01")).Documents);
        Assert.Equal(["d-05", "d-06"], Assert.Single(context.Stories, s => s.Documents.Contains("d-05")).Documents);
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
