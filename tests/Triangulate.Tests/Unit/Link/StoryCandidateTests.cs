using Triangulate.Link.Stories;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryCandidateTests
{
    // Two reports of a harbour fire (its harbour master and tanker in both), then an unrelated council vote.
    private const string Fire = """
        Fire on tanker in Quillport harbour
        A fire broke out on the tanker Saren Vale in Quillport harbour on Friday, harbour master Odile Framp said.
        Crews from three tugs sprayed the tanker for six hours before the fire was out.
        """;

    private const string FireFollowUp = """
        Quillport tanker fire inquiry opens
        Harbour master Odile Framp opened an inquiry into the fire on the tanker Saren Vale in Quillport harbour.
        The tugs that fought the fire were back at their berths on Saturday.
        """;

    private const string Vote = """
        Council approves new library
        The Westerby council voted nine to two to build a library beside the old market hall.
        Councillor Amos Teague said building starts next spring.
        """;

    [Fact]
    public void Every_story_scored_for_a_document_is_reported_with_its_members_then_and_the_score_that_placed_it()
    {
        Triangulate.Model.Document[] documents = [Doc(Fire, "1.txt"), Doc(FireFollowUp, "2.txt"), Doc(Vote, "3.txt")];
        var order = documents.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        var scored = new List<StoryCandidate>();
        var placements = new List<StoryPlacement>();
        Run(new StoryClusterer { Scored = c => scored.Add(c with { Members = [.. c.Members] }), Placed = placements.Add }, order);

        // The first document has no story to be scored against; each later one is scored against the stories before it.
        Assert.DoesNotContain(scored, c => c.Document == order[0].Id);
        Assert.All(scored, c => Assert.DoesNotContain(c.Document, c.Members));
        Assert.Contains(placements, p => p.How == StoryPlacement.Words);
        // A document that joined by its words joined its best-scored story, with the cosine and need it was scored at.
        foreach (var placement in placements.Where(p => p.How == StoryPlacement.Words))
        {
            var best = scored.Where(c => c.Document == placement.Document).MaxBy(c => c.Cosine / c.Required)!;
            Assert.Equal((placement.Story, placement.Cosine, placement.Required), (best.Story, best.Cosine, best.Required));
            Assert.True(best.Cosine >= best.Required);
        }
        // The two fire reports are one story: whichever came second was scored against the one holding the first.
        var fire = new[] { documents[0].Id, documents[1].Id };
        var second = order.Select(d => d.Id).Where(fire.Contains).Last();
        Assert.Contains(scored, c => c.Document == second && c.Members.SequenceEqual(fire.Where(f => f != second)));
    }
}
