using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Tests.Support;
using Triangulate.Web;

namespace Triangulate.Tests.Unit.Web;

/// <summary>The pages read per story and keep store-wide lists between requests: what they show must still follow the store.</summary>
public class PerStoryServingTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task An_upload_is_on_the_story_list_when_its_job_is_done()
    {
        _ = await app.Http.GetStringAsync("/");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("Harbour notes\nThe harbour reopened to fishing boats on Thursday.\n")), "file", "harbour.txt" } };
        using var response = await app.Http.PostAsync("/api/upload", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
        JsonNode state;
        do
        {
            await Task.Delay(100);
            state = JsonNode.Parse(await app.Http.GetStringAsync($"/api/jobs/{job}"))!;
        }
        while ((string)state["state"]! is not ("done" or "failed"));
        Assert.Equal("done", (string)state["state"]!);
        var id = (string)state["documents"]![0]!["id"]!;

        var home = await app.Http.GetStringAsync("/");
        var link = app.Store.StoryOf(id) is { } story ? $"/stories/{Uri.EscapeDataString(story)}" : $"/documents/{Uri.EscapeDataString(id)}";
        Assert.Contains(link, home, StringComparison.Ordinal);
        Assert.Contains($"Documents in no story ({app.Store.ReadDocumentsInNoStory().Count})", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_another_writer_stores_shows_on_the_story_list_within_seconds()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("other.db"));
        await using var served = await Start(store, new WebHostOptions());
        Assert.Contains("Documents in no story (0)", await served.Http.GetStringAsync("/"), StringComparison.Ordinal);

        var document = Some.Document("Written elsewhere\nThe bakery on the corner closed for the winter.");
        store.Save([new StoredDocument(document, new DocumentAnalysis { DocumentId = document.Id }, Encoding.UTF8.GetBytes(document.Text), "text", "1")]);

        // The list is looked at again at most once a second, in the background: a later request sees the new document.
        var shown = false;
        for (var i = 0; i < 100 && !shown; i++)
        {
            await Task.Delay(100);
            shown = (await served.Http.GetStringAsync("/")).Contains($"/documents/{Uri.EscapeDataString(document.Id)}", StringComparison.Ordinal);
        }
        Assert.True(shown, "the story list never showed the document another writer stored");
    }

    [Fact]
    public async Task Before_listening_the_server_renders_its_home_page_and_stories_from_across_its_list()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("warm.db"));
        PipelineBuilder.CreateDefault().Build().Analyze([TestPaths.KurskExample, Path.Combine(TestPaths.Fixtures, "gold", "heldout")], store);
        await using var served = await Start(store, new WebHostOptions());
        var pages = served.App.Services.GetRequiredService<Pages>();
        Assert.Equal(0, pages.KeptStoryPages);

        var rendered = WebHost.WarmUp(served.App);

        var stories = store.ReadStories().Select(s => s.Id).ToList();
        Assert.True(stories.Count > 1);
        // Fewer stories than the warm-up renders: every one of them, each kept for its first reader.
        Assert.Equal(stories.Order(StringComparer.Ordinal), rendered.Order(StringComparer.Ordinal));
        Assert.Equal(rendered.Count, pages.KeptStoryPages);
    }

    [Fact]
    public void A_story_page_quotes_a_claim_mention_stored_without_its_excerpt_from_its_documents_text()
    {
        using var temp = new TempFolder();
        var file = temp.File("excerpts.db");
        using var store = SqliteStore.Open(file);
        PipelineBuilder.CreateDefault().Build().Analyze([TestPaths.KurskExample], store);
        var findings = store.ReadStoryFindings().MaxBy(f => f.Claims.Sum(c => c.Mentions.Count))!;
        Assert.Contains(findings.Claims, c => c.Mentions.Count > 0);
        var before = new Pages(store, new StoreIndex(store), 50).Story(findings.Story.Id)!;

        // The same findings with every claim mention's excerpt dropped, as an older store may hold them.
        var bare = findings with { Claims = [.. findings.Claims.Select(c => c with { Mentions = [.. c.Mentions.Select(m => m with { Span = m.Span with { Excerpt = null } })] })] };
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + file))
        {
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE stories SET findings = $json WHERE id = $id";
            update.Parameters.AddWithValue("$json", System.Text.Json.JsonSerializer.Serialize(bare, ModelJson.Compact.StoryFindings));
            update.Parameters.AddWithValue("$id", findings.Story.Id);
            Assert.Equal(1, update.ExecuteNonQuery());
        }
        Assert.All(store.LoadStory(findings.Story.Id)!.Claims.SelectMany(c => c.Mentions), m => Assert.Null(m.Span.Excerpt));

        var after = new Pages(store, new StoreIndex(store), 50).Story(findings.Story.Id)!;
        // The excerpts are cut from the documents' text instead: the page is the same to the byte.
        var mention = findings.Claims.SelectMany(c => c.Mentions).First();
        Assert.Contains(WebUtility.HtmlEncode(Triangulate.Report.Evidence.Short(mention.Span.Excerpt, 80)), Encoding.UTF8.GetString(after), StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetString(before), Encoding.UTF8.GetString(after));
    }

    [Fact]
    public async Task Cold_story_pages_asked_by_many_readers_at_once_are_rendered_at_most_one_per_core_and_each_reader_gets_its_page()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("gate.db"));
        PipelineBuilder.CreateDefault().Build().Analyze([TestPaths.KurskExample, Path.Combine(TestPaths.Fixtures, "gold", "heldout")], store);
        await using var served = await Start(store, new WebHostOptions());
        var pages = served.App.Services.GetRequiredService<Pages>();
        var stories = store.ReadStories().Select(s => s.Id).ToList();
        Assert.True(stories.Count > Environment.ProcessorCount, "too few stories to ask for more pages than cores");

        // Four readers a story, all at once, every page cold.
        var asked = stories.SelectMany(id => Enumerable.Repeat(id, 4)).ToList();
        var answers = new byte[]?[asked.Count];
        Parallel.For(0, asked.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 * Environment.ProcessorCount }, i => answers[i] = pages.Story(asked[i]));

        Assert.InRange(Pages.PeakRenderingAtOnce, 1, Environment.ProcessorCount);
        for (var i = 0; i < asked.Count; i++)
        {
            Assert.NotNull(answers[i]);
            Assert.Equal(pages.Story(asked[i]), answers[i]);
        }
    }

    [Fact]
    public async Task Before_listening_a_private_twin_answers_requests_through_the_whole_server_and_shares_the_pages_it_renders()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("twin.db"));
        PipelineBuilder.CreateDefault().Build().Analyze([TestPaths.KurskExample, Path.Combine(TestPaths.Fixtures, "gold", "heldout")], store);
        var options = new WebHostOptions { Urls = "http://127.0.0.1:0", UploadFolder = temp.File("uploads") };
        await using var app = WebHost.Build(options, store);
        var pages = app.Services.GetRequiredService<Pages>();
        Assert.Equal(0, pages.KeptStoryPages);

        var answered = await WebHost.WarmUpOverHttpAsync(options, store, app);

        Assert.Equal(WebHost.WarmUpRequests, answered);
        // The twin rendered story pages into the real app's page cache: its first readers get them kept.
        Assert.True(pages.KeptStoryPages > 0);
        Assert.True(pages.KeptStoryPages <= store.ReadStories().Count);
    }

    [Fact]
    public async Task The_wait_for_the_runtimes_compiles_ends_at_its_bound_while_methods_are_still_being_compiled()
    {
        // A quiet window longer than the bound is never waited for.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(WebHost.AwaitCompilation(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1));

        // A new method compiled every few milliseconds: the runtime is never quiet for 200 ms, so the wait gives up at its bound.
        using var stop = new CancellationTokenSource();
        var compiling = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var x = System.Linq.Expressions.Expression.Parameter(typeof(int));
                var body = System.Linq.Expressions.Expression.Add(x, System.Linq.Expressions.Expression.Constant(i));
                _ = System.Linq.Expressions.Expression.Lambda<Func<int, int>>(body, x).Compile(preferInterpretation: false)(i);
                Thread.Sleep(5);
            }
        });
        watch.Restart();
        var settled = WebHost.AwaitCompilation(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
        var waited = watch.Elapsed;
        await stop.CancelAsync();
        await compiling;
        Assert.False(settled);
        Assert.InRange(waited, TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(3));
    }

    internal static async Task<Served> Start(IStore store, WebHostOptions options)
    {
        var web = WebHost.Build(options with { Urls = "http://127.0.0.1:0" }, store);
        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Served(web, new HttpClient { BaseAddress = new Uri(address) });
    }

    internal sealed record Served(WebApplication App, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.DisposeAsync();
        }
    }
}
