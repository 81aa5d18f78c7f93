using Triangulate.Cluster;

namespace Triangulate.Tests.Unit.Cluster;

/// <summary>
/// A worker's warm-up analyses its built-in sample through the grains' own calls into a throwaway store, and leaves
/// the store it serves untouched (<see cref="WorkerWarmUp"/>).
/// </summary>
public sealed class WorkerWarmUpTests
{
    [Fact]
    public void TheWarmUpAnalysesEverySampleArticleAndItsStoriesWithoutTouchingTheWorkersStore()
    {
        var folder = Directory.CreateTempSubdirectory("warm-up-test-");
        try
        {
            var served = Path.Combine(folder.FullName, "served.db");
            using var worker = new Worker(served);
            var summary = WorkerWarmUp.Run(worker, stories: 4);
            Assert.Equal(4 * 6, summary.DocumentsStored);
            Assert.Empty(summary.Problems);
            Assert.Empty(summary.FailedStages);
            // Copies of a wire report are linked into one story, so there are fewer stories than articles.
            Assert.InRange(summary.StoriesAnalysed, 4, 4 * 6 - 1);
            Assert.False(File.Exists(served));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheSampleIsTheSameForTheSameSeedAndEachArticleHasItsOwnAddress()
    {
        var first = WarmUpSample.Articles(6, seed: 3);
        Assert.Equal(first, WarmUpSample.Articles(6, seed: 3));
        Assert.NotEqual(first, WarmUpSample.Articles(6, seed: 4));
        Assert.Equal(6 * 6, first.Count);
        Assert.Equal(first.Count, first.Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("url").GetString()).Distinct().Count());
    }
}
