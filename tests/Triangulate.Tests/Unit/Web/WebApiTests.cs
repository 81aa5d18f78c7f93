using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Web;

public class WebApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private async Task<JsonNode> Get(string path)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Stories_list_the_stored_stories_as_the_contract_spells_them()
    {
        var stories = (await Get("/api/stories")).AsArray();
        var story = Assert.Single(stories);
        Assert.Equal("s-main", (string)story!["id"]!);
        Assert.True(story["documents"]!.AsArray().Count >= 4);
    }

    [Fact]
    public async Task A_story_carries_its_claims_quotes_contradictions_and_relations()
    {
        var story = await Get("/api/stories/s-main");
        Assert.True(story["claims"]!.AsArray().Count >= 2);
        Assert.NotEmpty(story["quotes"]!.AsArray());
        Assert.Single(story["contradictions"]!.AsArray());
        Assert.NotEmpty(story["relations"]!.AsArray());
        var mention = story["claims"]![0]!["mentions"]![0]!["span"]!;
        Assert.StartsWith("d-", (string)mention["document"]!);
    }

    [Fact]
    public async Task A_document_comes_with_its_analysis_and_relations()
    {
        var id = (string)(await Get("/api/stories"))[0]!["documents"]![0]!;
        var document = await Get($"/api/documents/{id}");
        Assert.Equal(id, (string)document["document"]!["id"]!);
        Assert.NotNull(document["analysis"]);
        Assert.NotNull(document["relations"]);
    }

    [Fact]
    public async Task Unknown_ids_are_404_with_a_message()
    {
        using var response = await app.Http.GetAsync("/api/documents/d-nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no document", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_finds_a_quote_by_its_words()
    {
        var hits = (await Get("/api/search?q=worsens%20each%20passing")).AsArray();
        Assert.Contains(hits, h => (string)h!["kind"]! == "quote" && ((string)h["snippet"]!).Contains("worsens"));
        Assert.Contains(hits, h => (string)h!["kind"]! == "document");
    }

    [Fact]
    public async Task A_document_containing_a_script_tag_renders_it_as_text()
    {
        var id = await Upload("evil.txt", "Officials said <script>alert(1)</script> on Monday.\nThe border town was shelled.\n");
        var html = await app.Http.GetStringAsync($"/documents/{id}");
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task Uploads_over_the_size_limit_are_refused_with_a_clear_message()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(new string('a', 2 * 1024 * 1024))), "file", "big.txt" } };
        // "Expect: 100-continue", as large uploads send it: the server refuses on the declared length before the body
        // is sent. Without it the client may still be writing the 2 MB when the server answers and closes, and the
        // reset races the response (a flaky socket error instead of the 413 under test).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/upload") { Content = content };
        request.Headers.ExpectContinue = true;
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit is 1 MB", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Uploads_of_unsupported_or_binary_files_are_refused()
    {
        using var exe = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "tool.exe" } };
        using var r1 = await app.Http.PostAsync("/api/upload", exe);
        Assert.Equal(HttpStatusCode.BadRequest, r1.StatusCode);
        Assert.Contains("not a supported file type", await r1.Content.ReadAsStringAsync());
        using var binary = new MultipartFormDataContent { { new ByteArrayContent([0, 0, 0, 1, 2, 0, 0, 9]), "file", "fake.txt" } };
        using var r2 = await app.Http.PostAsync("/api/upload", binary);
        Assert.Equal(HttpStatusCode.BadRequest, r2.StatusCode);
        Assert.Contains("does not look like text", await r2.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_send_a_content_security_policy_that_forbids_other_origins()
    {
        using var response = await app.Http.GetAsync("/");
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    private async Task<string> Upload(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var content = new MultipartFormDataContent { { file, "file", name } };
        using var response = await app.Http.PostAsync("/api/upload", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
        for (var i = 0; i < 200; i++)
        {
            var state = JsonNode.Parse(await app.Http.GetStringAsync($"/api/jobs/{job}"))!;
            if ((string)state["state"]! == "done") return (string)state["documents"]![0]!["id"]!;
            Assert.NotEqual("failed", (string)state["state"]!);
            await Task.Delay(100);
        }
        throw new TimeoutException("upload not analysed in 20 s");
    }
}
