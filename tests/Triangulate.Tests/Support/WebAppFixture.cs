using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Web;

namespace Triangulate.Tests.Support;

/// <summary>
/// The web app started in-process on a free loopback port over a store built from examples/kursk, with hand-made
/// corpus results (a corpus stage that recomputes them, so uploads relink to the same shape).
/// </summary>
#pragma warning disable CA1001 // xunit disposes fixtures through IAsyncLifetime.DisposeAsync.
public class WebAppFixture : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly TempFolder _temp = new();
    private WebApplication? _app;

    public SqliteStore Store { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public HttpClient Http { get; } = new();

    public string Temp => _temp.Path;

    public async Task InitializeAsync()
    {
        Store = SqliteStore.Open(_temp.File("web.db"));
        var pipeline = CreatePipeline();
        pipeline.Analyze([TestPaths.KurskExample], Store);
        Prepare(Store);
        _app = WebHost.Build(Configure(new WebHostOptions { Urls = "http://127.0.0.1:0", UploadFolder = _temp.File("uploads"), Pipeline = CreatePipeline, MaxUploadBytes = 1024 * 1024 }), Store);
        await _app.StartAsync();
        // A server listening on every interface is reached here on loopback.
        var address = new UriBuilder(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        if (address.Host is "0.0.0.0" or "[::]") address.Host = "127.0.0.1";
        BaseUrl = address.Uri.ToString().TrimEnd('/');
        Http.BaseAddress = new Uri(BaseUrl);
    }

    /// <summary>How the app is hosted; a subclass may listen elsewhere.</summary>
    protected virtual WebHostOptions Configure(WebHostOptions options) => options;

    /// <summary>Runs after the store is built, before the app is (a subclass adds accounts).</summary>
    protected virtual void Prepare(SqliteStore store)
    {
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Http.Dispose();
        Store.Dispose();
        _temp.Dispose();
    }

    /// <summary>The pipeline the store is built with and uploads run through.</summary>
    protected virtual Pipeline CreatePipeline()
    {
        var builder = Some.PipelineBuilder();
        builder.Workers = 1;
        // The web tests check what the app shows of known corpus results, so the real corpus stages make way for hand-made ones.
        builder.CorpusStages.Clear();
        builder.StoryStages.Clear();
        var corpus = new HandMadeCorpus();
        builder.CorpusStages.Add(corpus);
        builder.StoryStages.Add(new HandMadeFindings(corpus));
        return builder.Build();
    }

    /// <summary>Fills the context with the links of <see cref="SomeDossier.For"/> over every stored document, with phrases of the example story.</summary>
    private sealed class HandMadeCorpus : ICorpusStage
    {
        public string Name => "hand-made";

        /// <summary>The whole hand-made result of the last run, for <see cref="HandMadeFindings"/>.</summary>
        public CorpusResult Result { get; private set; } = CorpusResult.Empty;

        public void Run(CorpusContext context)
        {
            var documents = context.Corpus.ReadAnalyses().Select(a => a.Document).ToList();
            Result = SomeDossier.For(documents, ["1,376 square kilometers", "800 square kilometers", "500 square kilometers"],
                ["The situation worsens with each passing day", "We will not retreat"], "Kursk");
            context.Stories.AddRange(Result.Stories);
            context.Relations.AddRange(Result.Relations);
            context.Entities.AddRange(Result.Entities);
        }
    }

    /// <summary>Gives the one hand-made story its hand-made claims, quotes, contradictions and timeline.</summary>
    private sealed class HandMadeFindings(HandMadeCorpus corpus) : ICorpusStage
    {
        public string Name => "hand-made findings";

        public void Run(CorpusContext context)
        {
            context.Claims.AddRange(corpus.Result.Claims);
            context.Quotes.AddRange(corpus.Result.Quotes);
            context.Contradictions.AddRange(corpus.Result.Contradictions);
            context.Timeline.AddRange(corpus.Result.Timeline);
        }
    }
}

/// <summary>The web app over examples/kursk analysed by the default pipeline, every real corpus stage included: what a user sees.</summary>
public sealed class ExampleWebAppFixture : WebAppFixture
{
    protected override Pipeline CreatePipeline()
    {
        var builder = PipelineBuilder.CreateDefault();
        builder.Workers = 1;
        return builder.Build();
    }
}
