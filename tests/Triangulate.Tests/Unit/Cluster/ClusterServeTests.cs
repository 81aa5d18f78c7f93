using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Triangulate.Cluster;
using Triangulate.CorpusGen;
using Triangulate.Store;
using Triangulate.Tests.Support;
using Triangulate.Web;

namespace Triangulate.Tests.Unit.Cluster;

/// <summary>
/// <c>serve --cluster</c>: a file uploaded to the web app is analysed by the cluster's workers (document batches and
/// stories), and the store then holds what an upload to a server analysing in its own process gives.
/// </summary>
public sealed class ClusterServeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AnUploadToAServerOnAClusterIsAnalysedByTheWorkersAsInProcess()
    {
        var folder = _temp.File("corpus");
        new CorpusGenerator(new GeneratorOptions(120, 5, folder)).Run();
        var corpus = await File.ReadAllBytesAsync(Path.Combine(folder, "corpus.jsonl"));

        using var single = SqliteStore.Open(_temp.File("single.db"));
        var expected = await UploadAsync(single, null, corpus, "single");

        await using var run = await ClusterRun.StartAsync(2, _temp.File("cluster.db"));
        using var executor = new ClusterExecutor(run.Cluster.Client);
        var counting = new CountingExecutor(executor);
        using var shared = SqliteStore.Open(run.Store);
        var actual = await UploadAsync(shared, counting, corpus, "cluster");

        Assert.True(counting.Batches > 0, "no document batch went to the workers");
        Assert.True(counting.Stories > 0, "no story went to the workers");
        Assert.Contains("\"stories\"", actual, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
        Assert.Equal(single.DocumentCount, shared.DocumentCount);
    }

    /// <summary>Serves <paramref name="store"/> (uploads analysed through <paramref name="executor"/>, or in process), uploads <paramref name="corpus"/>, and returns the JSON dossier once the job is done.</summary>
    private async Task<string> UploadAsync(SqliteStore store, IPipelineExecutor? executor, byte[] corpus, string name)
    {
        var options = new WebHostOptions { Urls = "http://127.0.0.1:0", UploadFolder = _temp.File("uploads-" + name), Executor = executor };
        await using var app = WebHost.Build(options, store);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        using var content = new MultipartFormDataContent { { new ByteArrayContent(corpus), "file", "corpus.jsonl" } };
        using var response = await http.PostAsync("/api/upload", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
        for (var i = 0; i < 1200; i++)
        {
            var state = JsonNode.Parse(await http.GetStringAsync($"/api/jobs/{job}"))!;
            Assert.NotEqual("failed", (string)state["state"]!);
            if ((string)state["state"]! == "done")
            {
                var pipeline = PipelineBuilder.CreateDefault().Build();
                return await File.ReadAllTextAsync(Assert.Single(pipeline.WriteReports(store, _temp.File("out-" + name), ["json"], DateTimeOffset.UnixEpoch)));
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("upload not analysed in 2 minutes");
    }

    /// <summary>Passes work on and counts the batches and stories it passed.</summary>
    private sealed class CountingExecutor(IPipelineExecutor inner) : IPipelineExecutor
    {
        private int _batches, _stories;

        public int Batches => _batches;

        public int Stories => _stories;

        public int BatchesInFlight => inner.BatchesInFlight;

        public Task<DocumentBatchResult> AnalyzeBatchAsync(IReadOnlyList<ArrivedDocument> batch, CancellationToken cancellation)
        {
            Interlocked.Increment(ref _batches);
            return inner.AnalyzeBatchAsync(batch, cancellation);
        }

        public Task<IReadOnlyList<StoryOutcome>> AnalyzeStoriesAsync(IReadOnlyList<StoryWork> stories, CancellationToken cancellation)
        {
            Interlocked.Add(ref _stories, stories.Count);
            return inner.AnalyzeStoriesAsync(stories, cancellation);
        }
    }
}
