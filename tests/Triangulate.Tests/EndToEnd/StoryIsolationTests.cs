using System.Text.Json;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

/// <summary>
/// The isolation property: for corpora C and U about different stories, everything said about C's stories in
/// analyze(C ∪ U) equals what analyze(C) says (documents, dates, relations, claims, verdicts, contradictions, series,
/// timeline). One unrelated article once re-dated the example story by years.
/// </summary>
public sealed class StoryIsolationTests
{
    private static readonly string[] Unrelated = [.. Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "gold", "heldout"))];

    [Fact]
    public void TheExampleStoryIsUnchangedByArticlesAboutOtherStories() =>
        AssertIsolated([TestPaths.KurskExample], Unrelated);

    [DatasetFact("ecb-dev")]
    public void TheExampleStoryIsUnchangedByAHundredRealArticlesOnOtherEvents()
    {
        using var temp = new TempFolder();
        var lines = File.ReadLines(Path.Combine(Datasets.Folder("ecb-dev"), "ecb-dev.jsonl")).Where((_, i) => i % 7 == 0).Take(110);
        var unrelated = temp.Write("u/ecb-sample.jsonl", string.Join('\n', lines) + "\n");
        AssertIsolated([TestPaths.KurskExample], [unrelated]);
    }

    [DatasetFact("ecb-dev")]
    public void AnEcbEventIsUnchangedByTheOtherTopics()
    {
        using var temp = new TempFolder();
        var all = File.ReadLines(Path.Combine(Datasets.Folder("ecb-dev"), "ecb-dev.jsonl")).ToList();
        // Topic 18 (ecb half: a shooting at an office party) against topics that are about other kinds of events.
        var c = temp.Write("c/c.jsonl", string.Join('\n', all.Where(l => l.Contains("\"ecb://18_", StringComparison.Ordinal) && l.Contains("ecb\"", StringComparison.Ordinal))) + "\n");
        var u = temp.Write("u/u.jsonl", string.Join('\n', all.Where(l => l.Contains("\"ecb://3_", StringComparison.Ordinal) || l.Contains("\"ecb://30_", StringComparison.Ordinal))) + "\n");
        AssertIsolated([c], [u]);
    }

    private static void AssertIsolated(string[] c, string[] u)
    {
        var (alone, aloneEntities) = Analyse(c);
        var (together, togetherEntities) = Analyse([.. c, .. u]);
        var ownDocuments = alone.Stories.SelectMany(s => s.Documents).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(alone.Stories);
        foreach (var story in alone.Stories)
        {
            var same = Assert.Single(together.Stories, s => s.Id == story.Id);
            Assert.Equal(Json(story), Json(same));
            Assert.Equal(Json(alone.Claims.Where(x => x.Story == story.Id)), Json(together.Claims.Where(x => x.Story == story.Id)));
            Assert.Equal(Json(alone.Quotes.Where(x => x.Story == story.Id)), Json(together.Quotes.Where(x => x.Story == story.Id)));
            Assert.Equal(Json(alone.Contradictions.Where(x => x.Story == story.Id)), Json(together.Contradictions.Where(x => x.Story == story.Id)));
            Assert.Equal(Json(alone.Series.Where(x => x.Story == story.Id)), Json(together.Series.Where(x => x.Story == story.Id)));
            Assert.Equal(Json(alone.Timeline.Where(x => x.Story == story.Id)), Json(together.Timeline.Where(x => x.Story == story.Id)));
            Assert.Equal(Json(aloneEntities[story.Id]), Json(togetherEntities[story.Id]));
        }
        Assert.Equal(Json(alone.InferredPublished.Where(p => ownDocuments.Contains(p.Key))), Json(together.InferredPublished.Where(p => ownDocuments.Contains(p.Key))));
        Assert.Equal(Json(alone.Relations.Where(r => ownDocuments.Contains(r.From))), Json(together.Relations.Where(r => ownDocuments.Contains(r.From))));
    }

    /// <summary>The whole result, and the entities each story resolved (entities are resolved within a story).</summary>
    private static (CorpusResult Corpus, Dictionary<string, IReadOnlyList<Entity>> Entities) Analyse(string[] inputs)
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("t.db"));
        if (PipelineBuilder.CreateDefault().Build().Analyze(inputs, store) is not { FailedStages.Count: 0 }) throw new InvalidOperationException("a stage failed");
        return (store.LoadCorpus(), store.ReadStoryFindings().ToDictionary(f => f.Story.Id, f => f.Entities, StringComparer.Ordinal));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, IsolationJson.Options);
}
