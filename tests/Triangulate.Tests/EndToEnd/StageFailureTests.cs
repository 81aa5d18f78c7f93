using System.Text.Json.Nodes;
using Triangulate.Report;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

/// <summary>A corpus stage that throws: the others still run, and every output says loudly what is missing.</summary>
public sealed class StageFailureTests
{
    private sealed class ThrowingStage : ICorpusStage
    {
        public string Name => "exploding";

        public void Run(CorpusContext context) => throw new InvalidOperationException("index out of range\nsecond line");
    }

    [Fact]
    public void A_failed_stage_is_named_with_its_stack_trace_stored_and_every_report_says_the_dossier_is_incomplete()
    {
        using var temp = new TempFolder();
        var input = temp.Write("in/a.txt", "Officials said 12 people were hurt in the fire on Tuesday, the fire service said.");
        var builder = Some.PipelineBuilder();
        builder.CorpusStages.Insert(1, new ThrowingStage());
        var pipeline = builder.Build();
        using var store = SqliteStore.Open(temp.File("t.db"));
        var observer = new CollectingObserver();

        var summary = pipeline.Analyze([input], store, observer);

        var failure = Assert.Single(summary.FailedStages);
        Assert.Equal("exploding", failure.Stage);
        Assert.Equal("InvalidOperationException: index out of range second line", failure.Error);
        // The stages after the failed one still ran: the document is in a story.
        Assert.NotEmpty(store.LoadCorpus().Stories);
        var stored = Assert.Single(store.ReadProblems(), p => p.Source == "stage exploding");
        Assert.StartsWith("failed: InvalidOperationException: index out of range second line;", stored.Error, StringComparison.Ordinal);
        Assert.Contains(nameof(ThrowingStage), stored.Error, StringComparison.Ordinal);
        Assert.Contains(observer.Problems, p => p.Source == "stage exploding");

        pipeline.WriteReports(store, temp.File("out"), ["json", "md", "html"], DateTimeOffset.UnixEpoch);
        var json = JsonNode.Parse(File.ReadAllText(temp.File("out/dossier.json")))!.AsObject();
        var incomplete = Assert.Single(json["incomplete"]!.AsArray());
        Assert.Equal("exploding", (string)incomplete!["stage"]!);
        Assert.Equal("incomplete", json.Select(p => p.Key).ElementAt(2));
        Assert.Contains("**Incomplete:** stage `exploding` failed", File.ReadAllText(temp.File("out/dossier.md")), StringComparison.Ordinal);
        Assert.Contains("<strong>Incomplete:</strong> stage <code>exploding</code> failed", File.ReadAllText(temp.File("out/dossier.html")), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(temp.File("out")), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dossier_with_every_stage_run_has_no_incomplete_section()
    {
        using var temp = new TempFolder();
        var input = temp.Write("in/a.txt", "Officials said 12 people were hurt in the fire on Tuesday.");
        var pipeline = Some.PipelineBuilder().Build();
        using var store = SqliteStore.Open(temp.File("t.db"));
        Assert.Empty(pipeline.Analyze([input], store).FailedStages);
        pipeline.WriteReports(store, temp.File("out"), ["json"], DateTimeOffset.UnixEpoch);
        Assert.Null(JsonNode.Parse(File.ReadAllText(temp.File("out/dossier.json")))!["incomplete"]);
    }

    [Fact]
    public void A_stage_failure_is_forgotten_once_the_stage_runs_cleanly_again()
    {
        using var temp = new TempFolder();
        var input = temp.Write("in/a.txt", "Officials said 12 people were hurt in the fire on Tuesday.");
        var failing = Some.PipelineBuilder();
        failing.StoryStages.Add(new ThrowingStage());
        using var store = SqliteStore.Open(temp.File("t.db"));
        Assert.Single(failing.Build().Analyze([input], store).FailedStages);
        Assert.Contains(store.ReadProblems(), p => p.Source == "stage exploding");

        var fixedBuilder = Some.PipelineBuilder();
        fixedBuilder.StoryStages.Add(new QuietStage());
        var relinked = fixedBuilder.Build().Relink(store);

        Assert.Empty(relinked.FailedStages);
        Assert.DoesNotContain(store.ReadProblems(), p => p.Source == "stage exploding");
    }

    private sealed class QuietStage : ICorpusStage
    {
        public string Name => "exploding";

        public void Run(CorpusContext context) { }
    }
}
