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
    public async Task An_over_long_address_or_headers_are_refused_with_a_message_not_an_empty_body()
    {
        using (var page = await app.Http.GetAsync("/search?q=" + new string('a', 20_000)))
        {
            Assert.Equal(HttpStatusCode.RequestUriTooLong, page.StatusCode);
            Assert.Contains("the address is too long", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var api = await app.Http.GetAsync("/api/stories/" + new string('s', 20_000)))
        {
            Assert.Equal(HttpStatusCode.RequestUriTooLong, api.StatusCode);
            Assert.Equal("application/json", api.Content.Headers.ContentType!.MediaType);
            Assert.Contains("too long", (string)JsonNode.Parse(await api.Content.ReadAsStringAsync())!["error"]!, StringComparison.Ordinal);
        }
        using var cookies = new HttpRequestMessage(HttpMethod.Get, "/");
        cookies.Headers.Add("Cookie", new string('c', 40_000));
        using (var headers = await app.Http.SendAsync(cookies))
        {
            Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, headers.StatusCode);
            Assert.Contains("headers are too large", await headers.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var many = new HttpRequestMessage(HttpMethod.Get, "/");
        for (var i = 0; i < 150; i++) many.Headers.Add($"X-Extra-{i}", "1");
        using (var count = await app.Http.SendAsync(many))
        {
            Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, count.StatusCode);
            Assert.Contains("too many headers", await count.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // An ordinary request still passes.
        using var ok = await app.Http.GetAsync("/search?q=" + new string('a', 2_000));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
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

    [Fact]
    public async Task A_gzipped_jsonl_upload_keeps_its_inner_extension_and_is_named_by_its_file_name()
    {
        var lines = string.Join('\n',
            """{"title":"First gz record","text":"The first record of a gzipped batch.\n\nIts body says the river rose by two metres."}""",
            """{"title":"Second gz record","text":"The second record of a gzipped batch.\n\nIts body says the bridge stayed closed all week."}""");
        using var gz = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(gz, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            zip.Write(Encoding.UTF8.GetBytes(lines));
        var job = await UploadJob(("batch-" + Guid.NewGuid().ToString("N")[..6] + ".jsonl.gz", gz.ToArray()));
        var name = (string)job["name"]!;
        var documents = job["documents"]!.AsArray();
        // One document per record: a lost inner extension made it one plain-text document of JSON.
        Assert.Equal(["First gz record", "Second gz record"], documents.Select(d => (string)d!["title"]!).Order(StringComparer.Ordinal));
        foreach (var d in documents)
        {
            var stored = await Get($"/api/documents/{(string)d!["id"]!}");
            Assert.StartsWith(name + "#", (string)stored["document"]!["source"]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_uploads_source_is_its_file_name_not_the_servers_path()
    {
        var id = await Upload("field-notes.txt", "Field notes\nThe ferry resumed service on Tuesday after the storm.\n");
        var document = await Get($"/api/documents/{id}");
        Assert.Equal("field-notes.txt", (string)document["document"]!["source"]!);
    }

    [Fact]
    public async Task A_job_lists_only_its_own_documents_and_says_when_they_were_already_stored()
    {
        var text = "Repeat upload\nThe council voted to close the library on Friday.\n";
        var first = await UploadJob(("repeat.txt", Encoding.UTF8.GetBytes(text)));
        Assert.Contains("1 new document stored", (string)first["message"]!);
        var second = await UploadJob(("repeat-again.txt", Encoding.UTF8.GetBytes(text)), ("other.txt", Encoding.UTF8.GetBytes("Other upload\nThe mayor opened a new bridge over the river.\n")));
        Assert.Contains("1 document already stored", (string)second["message"]!);
        Assert.Contains("1 new document stored", (string)second["message"]!);
        var ids = second["documents"]!.AsArray().Select(d => (string)d!["id"]!).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Contains((string)first["documents"]![0]!["id"]!, ids);
        Assert.True(app.Store.DocumentCount > 2, "the store holds other documents the job must not list");
    }

    [Fact]
    public async Task A_malformed_multipart_body_is_a_bad_request_not_too_large()
    {
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno closing boundary"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
        using var response = await app.Http.PostAsync("/api/upload", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("malformed", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("evil.example", HttpStatusCode.MisdirectedRequest)]
    [InlineData("evil.example:5080", HttpStatusCode.MisdirectedRequest)]
    [InlineData("127.0.0.1.nip.io", HttpStatusCode.MisdirectedRequest)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("[::1]:8080", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    public async Task A_loopback_server_answers_only_to_loopback_host_names(string host, HttpStatusCode expected)
    {
        // A DNS-rebinding page reaches the loopback server under its own name: its Host header is the tell.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stories");
        request.Headers.Host = host;
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_cross_site_upload_is_refused(string header, string value)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("Forged upload\nA forged text.\n")), "file", "forged.txt" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = content };
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("cross-site", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_same_origin_upload_is_accepted()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("Same origin\nThe school reopened on Monday.\n")), "file", "same.txt" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/upload") { Content = content };
        request.Headers.TryAddWithoutValidation("Origin", app.BaseUrl.TrimEnd('/'));
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/nope", HttpStatusCode.NotFound)]
    [InlineData("/api/search?q=x&limit=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/search?q=x&limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/search?q=x&limit=201", HttpStatusCode.BadRequest)]
    [InlineData("/api/stories/s-nope", HttpStatusCode.NotFound)]
    public async Task Every_api_error_has_a_json_body(string path, HttpStatusCode status)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]));
    }

    [Fact]
    public async Task The_site_has_a_favicon()
    {
        using var response = await app.Http.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonNode> UploadJob(params (string Name, byte[] Bytes)[] files)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files) content.Add(new ByteArrayContent(bytes), "file", name);
        using var response = await app.Http.PostAsync("/api/upload", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
        for (var i = 0; i < 300; i++)
        {
            var state = JsonNode.Parse(await app.Http.GetStringAsync($"/api/jobs/{job}"))!;
            if ((string)state["state"]! is "done" or "failed") return state;
            await Task.Delay(100);
        }
        throw new TimeoutException("upload not analysed in 30 s");
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
