using System.Text.Json;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

/// <summary>
/// Runs as news arrives: a story whose inputs did not change keeps its stored findings and is not analysed again, and
/// the store after adding documents batch by batch holds exactly what one run over the same documents makes.
/// </summary>
public sealed class IncrementalRunTests
{
    private static readonly string[] Heldout = [.. Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "gold", "heldout")).Order(StringComparer.Ordinal)];

    [Fact]
    public void AnalysingTheSameInputsAgainAnalysesNoStoryAgain()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("t.db"));
        var pipeline = PipelineBuilder.CreateDefault().Build();
        var first = pipeline.Analyze([TestPaths.KurskExample], store);
        var before = Json(store.LoadCorpus());
        var second = pipeline.Analyze([TestPaths.KurskExample], store);
        Assert.True(first.Stories > 0);
        Assert.Equal(first.Stories, first.StoriesAnalysed);
        Assert.Equal(first.Stories, second.Stories);
        Assert.Equal(0, second.StoriesAnalysed);
        Assert.Equal(before, Json(store.LoadCorpus()));
    }

    [Fact]
    public void AnArticleOnAnotherStoryLeavesTheExampleStoryAsStored()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("t.db"));
        var pipeline = PipelineBuilder.CreateDefault().Build();
        pipeline.Analyze([TestPaths.KurskExample], store);
        var example = Assert.Single(store.ReadStories());
        var fingerprint = store.ReadStoryFingerprints()[example.Id];
        var findings = Json(store.LoadStory(example.Id));

        var added = pipeline.Analyze([Heldout[0]], store);

        Assert.Equal(2, added.Stories);
        Assert.Equal(1, added.StoriesAnalysed);
        Assert.Equal(fingerprint, store.ReadStoryFingerprints()[example.Id]);
        Assert.Equal(findings, Json(store.LoadStory(example.Id)));
    }

    [Fact]
    public void TheLinkingStagesReadOnlyWhatArrivedSinceTheLastRun()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("t.db"));
        var builder = PipelineBuilder.CreateDefault();
        var counter = new FreshCounter();
        builder.CorpusStages.Add(counter);
        var pipeline = builder.Build();
        pipeline.Analyze([TestPaths.KurskExample], store);
        var first = counter.Seen;
        pipeline.Analyze([Heldout[0]], store);
        var second = counter.Seen - first;
        pipeline.Relink(store);

        Assert.Equal(Directory.GetFiles(TestPaths.KurskExample).Length, first);
        Assert.Equal(1, second);
        Assert.Equal(first + second, counter.Seen);
        Assert.Empty(store.ReadForLinking(all: false));
    }

    [Fact]
    public void AnotherLinkConfigurationStartsTheLinkingAgainFromScratch()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("t.db"));
        PipelineBuilder.CreateDefault().Build().Analyze([TestPaths.KurskExample], store);
        var before = Json(store.LoadCorpus());
        var builder = PipelineBuilder.CreateDefault();
        var counter = new FreshCounter();
        builder.CorpusStages.Add(counter);
        builder.Build().Relink(store);

        Assert.Equal(Directory.GetFiles(TestPaths.KurskExample).Length, counter.Seen);
        Assert.Equal(before, Json(store.LoadCorpus()));
    }

    /// <summary>A corpus stage that only counts the documents the linking stages are given.</summary>
    private sealed class FreshCounter : ICorpusStage
    {
        public int Seen { get; private set; }

        public int Runs { get; private set; }

        public string Name => "count";

        public void Run(CorpusContext context)
        {
            Seen += context.Fresh.Count();
            Runs++;
        }
    }

    [Fact]
    public void BatchByBatchEqualsOneRun() =>
        AssertBatchesEqualOneRun([[.. Directory.GetFiles(TestPaths.KurskExample).Order(StringComparer.Ordinal).Take(3)],
            [.. Directory.GetFiles(TestPaths.KurskExample).Order(StringComparer.Ordinal).Skip(3), Heldout[0]], [.. Heldout.Skip(1)]]);

    [DatasetFact("ecb-dev")]
    public void BatchByBatchEqualsOneRunOnRealArticles()
    {
        using var temp = new TempFolder();
        // Three topics' articles (so stories grow, merge and gain members across batches), in three batches.
        var lines = File.ReadLines(Path.Combine(Datasets.Folder("ecb-dev"), "ecb-dev.jsonl"))
            .Where(l => l.Contains("\"ecb://1_", StringComparison.Ordinal) || l.Contains("\"ecb://3_", StringComparison.Ordinal) || l.Contains("\"ecb://4_", StringComparison.Ordinal))
            .ToList();
        Assert.True(lines.Count > 20);
        var batches = new List<string[]>();
        for (var b = 0; b < 3; b++)
            batches.Add([temp.Write($"b{b}.jsonl", string.Join('\n', lines.Where((_, i) => i % 3 == b)) + "\n")]);
        AssertBatchesEqualOneRun(batches);
    }

    [Fact]
    public void BatchByBatchEqualsOneRunOnGeneratedNews()
    {
        using var temp = new TempFolder();
        // Wire copies, rewrites, translations and same-kind events of one week, written in publication order; cut
        // into uneven consecutive batches, as a feed delivers them.
        new Triangulate.CorpusGen.CorpusGenerator(new Triangulate.CorpusGen.GeneratorOptions(300, 11, temp.File("gen"))).Run();
        var lines = File.ReadAllLines(Path.Combine(temp.File("gen"), "corpus.jsonl"));
        int[] cuts = [0, 37, 38, 190, lines.Length];
        var batches = new List<string[]>();
        for (var b = 0; b + 1 < cuts.Length; b++)
            batches.Add([temp.Write($"b{b}.jsonl", string.Join('\n', lines[cuts[b]..cuts[b + 1]]) + "\n")]);
        AssertBatchesEqualOneRun(batches);
    }

    [Fact]
    public void ARunInPartsEqualsOneRunInOnePart()
    {
        using var temp = new TempFolder();
        new Triangulate.CorpusGen.CorpusGenerator(new Triangulate.CorpusGen.GeneratorOptions(300, 12, temp.File("gen"))).Run();
        var corpus = Path.Combine(temp.File("gen"), "corpus.jsonl");
        var builder = PipelineBuilder.CreateDefault();
        builder.LinkPart = 40;
        var counter = new FreshCounter();
        builder.CorpusStages.Add(counter);
        var parts = builder.Build();
        using var inParts = SqliteStore.Open(temp.File("parts.db"));
        var summary = parts.Analyze([corpus], inParts);
        Assert.Empty(summary.FailedStages);
        // Linked part by part, analysed once: a story that grew in several parts is not analysed in each.
        Assert.Equal(summary.Stories, summary.StoriesAnalysed);
        var wholeBuilder = PipelineBuilder.CreateDefault();
        wholeBuilder.CorpusStages.Add(new FreshCounter());
        var onePart = wholeBuilder.Build();
        using var whole = SqliteStore.Open(temp.File("whole.db"));
        Assert.Empty(onePart.Analyze([corpus], whole).FailedStages);

        // Every stored document linked once, forty at a time, the last part holding the rest.
        Assert.Equal(whole.DocumentCount, counter.Seen);
        Assert.Equal((whole.DocumentCount + 39) / 40, counter.Runs);
        Assert.Empty(inParts.ReadForLinking(all: false));
        Assert.True(whole.ReadStories().Count > 5);
        Assert.Equal(Json(whole.LoadCorpus()), Json(inParts.LoadCorpus()));
        var written = onePart.WriteReports(whole, temp.File("whole"), ["json"], DateTimeOffset.UnixEpoch);
        var partsWritten = parts.WriteReports(inParts, temp.File("parts"), ["json"], DateTimeOffset.UnixEpoch);
        Assert.Equal(File.ReadAllText(written[0]), File.ReadAllText(partsWritten[0]));
    }

    [Fact]
    public void DeferredStoriesAreBatchedInOrderUpToThePartSize()
    {
        // After the last part the stories are read from the store and saved a batch at a time: about a part's
        // documents each, in the stories' order, never a story split; a story larger than a part is a batch alone.
        Story[] stories = [Of("a", 3), Of("b", 4), Of("c", 2), Of("d", 1), Of("e", 6), Of("large", 50), Of("after", 1)];

        var batches = Pipeline.Batches(stories, documents: 7);

        Assert.Equal(["a b", "c d", "e", "large", "after"], batches.Select(b => string.Join(' ', b.Select(s => s.Id))));
        Assert.Empty(Pipeline.Batches([], documents: 7));

        static Story Of(string id, int documents) => new() { Id = id, Title = id, Documents = [.. Enumerable.Range(0, documents).Select(i => $"{id}-{i}")] };
    }

    private static void AssertBatchesEqualOneRun(IReadOnlyList<string[]> batches)
    {
        using var temp = new TempFolder();
        var pipeline = PipelineBuilder.CreateDefault().Build();
        using var stepwise = SqliteStore.Open(temp.File("stepwise.db"));
        foreach (var batch in batches) Assert.Empty(pipeline.Analyze(batch, stepwise).FailedStages);
        using var whole = SqliteStore.Open(temp.File("whole.db"));
        Assert.Empty(pipeline.Analyze([.. batches.SelectMany(b => b)], whole).FailedStages);

        Assert.NotEmpty(whole.ReadStories());
        Assert.Equal(Json(whole.LoadCorpus()), Json(stepwise.LoadCorpus()));
        var written = pipeline.WriteReports(whole, temp.File("whole"), ["json"], DateTimeOffset.UnixEpoch);
        var stepwiseWritten = pipeline.WriteReports(stepwise, temp.File("stepwise"), ["json"], DateTimeOffset.UnixEpoch);
        Assert.Equal(File.ReadAllText(written[0]), File.ReadAllText(stepwiseWritten[0]));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, IsolationJson.Options);
}
