using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Triangulate.Ingest;
using Triangulate.Ingest.Evaluation;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Ingest.Evaluation;

public class ExtractionErrorsTests
{
    private const string First = "The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.";
    private const string Second = "Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.";
    private const string Extra = "Shipping companies said delays would last, at least, until the weekend, and asked travellers to check online.";
    private const string Closing = "Readers may write to the harbour desk with their own photographs of the storm.";

    [Fact]
    public void Only_look_pages_are_listed_with_the_blocks_kept_or_dropped_against_the_truth()
    {
        using var folder = new TempFolder();
        var html = $"<html><body><article class=\"story\"><p>{First}</p><p>{Second}</p><p>{Extra}</p></article><footer><p>{Closing}</p></footer></body></html>";
        // "a" is a look page and "b" a held-back one (EvaluationSplitTests pins the hash).
        var truth = new Dictionary<string, object>();
        foreach (var id in new[] { "a", "b" })
        {
            using var memory = new MemoryStream();
            using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(html));
            folder.Write($"html/{id}.html.gz", memory.ToArray());
            truth[id] = new { articleBody = $"{First}\n{Second}\n{Closing}" };
        }
        folder.Write("ground-truth.json", JsonSerializer.Serialize(truth));

        var errors = ExtractionEvaluation.Open(folder.Path).LookErrors(new HtmlBlockClassifier()).ToList();

        Assert.All(errors, e => Assert.Equal("a", e.Page));
        var kept = Assert.Single(errors, e => e.Kept);
        Assert.StartsWith("Shipping companies", kept.Text, StringComparison.Ordinal);
        var dropped = Assert.Single(errors, e => !e.Kept);
        Assert.StartsWith("Readers may write", dropped.Text, StringComparison.Ordinal);
        Assert.True(dropped.Tokens >= 10);
    }
}
