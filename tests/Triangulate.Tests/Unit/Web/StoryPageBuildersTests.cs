using Triangulate.Store;
using Triangulate.Tests.Support;
using Triangulate.Web;

namespace Triangulate.Tests.Unit.Web;

/// <summary>Story pages are rendered into reused builders: what one page leaves in a builder never reaches the next.</summary>
public class StoryPageBuildersTests
{
    [Fact]
    public void A_story_page_is_the_same_whichever_pages_were_rendered_into_the_builders_before_it()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("builders.db"));
        PipelineBuilder.CreateDefault().Build().Analyze([TestPaths.KurskExample, Path.Combine(TestPaths.Fixtures, "gold", "heldout")], store);
        var stories = store.ReadStories().OrderByDescending(s => s.Documents.Count).Select(s => s.Id).ToList();
        Assert.True(stories.Count > 2);

        // Largest first, so every later page is rendered into a builder a longer page has filled before.
        var reused = new Pages(store, new StoreIndex(store), 50);
        var afterOthers = stories.Select(id => reused.Story(id)!).ToList();

        // Smallest first this time, each from an app of its own.
        for (var i = stories.Count - 1; i >= 0; i--)
        {
            var alone = new Pages(store, new StoreIndex(store), 50).Story(stories[i])!;
            Assert.Equal(alone, afterOthers[i]);
        }
        Assert.True(afterOthers[0].Length > afterOthers[^1].Length);
    }
}
