using System.Text.Json.Nodes;
using Triangulate.Link.Evaluation;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

/// <summary>
/// The whole pipeline over every real corpus beside the repository: no corpus stage may fail, no reader or analyser
/// may throw, the dossier must meet the contract and every span in it must lie in its document and round-trip to its
/// excerpt. A green unit suite once hid a stage that threw on every product name; these runs would not have.
/// </summary>
public sealed class RealCorpusTests
{
    [DatasetFact("ecb-dev")]
    public void EcbDevAnalysesWithNoFailure() => AnalyseAndCheck(Path.Combine(Datasets.Folder("ecb-dev"), "ecb-dev.jsonl"), minimumDocuments: 700);

    [DatasetFact("extraction-dev")]
    public void ExtractionDevAnalysesWithNoFailure() => AnalyseAndCheck(Path.Combine(Datasets.Folder("extraction-dev"), "html"), minimumDocuments: 80);

    [DatasetFact("dates-dev")]
    public void DatesDevAnalysesWithNoFailure() => AnalyseAndCheck(Path.Combine(Datasets.Folder("dates-dev"), "html"), minimumDocuments: 250);

    [DatasetFact("meantime-dev")]
    public void MeantimeDevAnalysesWithNoFailure()
    {
        // MEANTIME is CAT XML, which no reader takes: its texts are written out as the plain captures a user would have.
        using var temp = new TempFolder();
        var count = 0;
        foreach (var article in MeantimeReader.Read(Datasets.Folder("meantime-dev")))
        {
            temp.Write($"in/{article.Topic}/{count++:D3}.txt", article.Document.Text);
        }
        AnalyseAndCheck(temp.File("in"), minimumDocuments: count);
    }

    private static void AnalyseAndCheck(string input, int minimumDocuments)
    {
        using var temp = new TempFolder();
        var pipeline = PipelineBuilder.CreateDefault().Build();
        using var store = SqliteStore.Open(temp.File("t.db"));
        var observer = new CollectingObserver();

        var summary = pipeline.Analyze([input], store, observer);

        Assert.Empty(summary.FailedStages);
        // A thrown exception anywhere per document is a problem saying "failed"; bad bytes in a real corpus are not.
        Assert.DoesNotContain(summary.Problems, p => p.Error.Contains("failed", StringComparison.Ordinal));
        Assert.True(store.DocumentCount >= minimumDocuments, $"{store.DocumentCount} documents stored, expected at least {minimumDocuments}");
        pipeline.WriteReports(store, temp.File("out"), ["json", "md", "html"], DateTimeOffset.UnixEpoch);
        var json = File.ReadAllText(temp.File("out/dossier.json"));
        Assert.Empty(DossierValidator.Errors(json));
        var dossier = JsonNode.Parse(json)!.AsObject();
        Assert.NotEmpty(dossier["stories"]!.AsArray());
        var texts = dossier["documents"]!.AsArray().ToDictionary(d => (string)d!["id"]!, d => (string)d!["text"]!);
        var bad = SpanChecks.Broken(dossier, texts).Take(5).ToList();
        Assert.True(bad.Count == 0, "spans that do not round-trip:\n" + string.Join('\n', bad));
    }
}
