using Triangulate.Link.Stories;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryClustererFollowTests
{
    [Fact]
    public void A_derived_document_follows_its_source_only_while_its_words_fit_the_sources_story()
    {
        // The rewrite drops the original's names and figures: a verified derivation whose words fit the original's
        // story loosely (between half and 0.8 of the similarity it needs).
        var original = Doc(Texts.FloodOriginal, "a.txt");
        var rewrite = Doc(Texts.FloodRewrite, "b.txt");
        bool Together(StoryClusterer clusterer) => Run(clusterer, original, rewrite).Stories.Any(s => s.Documents.Contains(original.Id) && s.Documents.Contains(rewrite.Id));

        Assert.True(Together(new StoryClusterer()));
        Assert.True(Together(new StoryClusterer { FollowFit = 0 }));
        // Asked for a closer fit, the derivation is doubted and the rewrite is placed by its words alone: a story of its own.
        Assert.False(Together(new StoryClusterer { FollowFit = 0.8 }));
    }
}
