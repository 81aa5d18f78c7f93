using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Triangulate.Store;
using Triangulate.Tests.Support;
using Triangulate.Web.Auth;
using static Triangulate.Tests.Support.AccountsWebAppFixture;

namespace Triangulate.Tests.Unit.Web;

/// <summary>A server listening beyond loopback: sign-in, read and write rights, antiforgery tokens.</summary>
public sealed class AuthTests(AccountsWebAppFixture app) : IClassFixture<AccountsWebAppFixture>
{
    private const string TokenField = "__RequestVerificationToken";

    [Theory]
    [InlineData("GET", "/api/stories")]
    [InlineData("GET", "/api/stories/s-main")]
    [InlineData("GET", "/api/search?q=worsens")]
    [InlineData("GET", "/api/nope")]
    [InlineData("GET", "/api/session")]
    [InlineData("POST", "/api/upload")]
    public async Task An_anonymous_api_request_gets_401_with_a_json_error(string method, string path)
    {
        using var client = Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? UploadContent("a.txt") : null });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sign in", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/stories/s-main")]
    [InlineData("/documents?page=2")]
    [InlineData("/upload")]
    public async Task An_anonymous_page_request_is_sent_to_the_sign_in_page_and_back(string path)
    {
        using var client = Client();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
        var form = Assert.Single(Forms(await client.GetStringAsync(response.Headers.Location)), f => f.Method == "post");
        Assert.Equal(path, ((IHtmlInputElement)form.Elements["returnUrl"]!).Value);
    }

    [Theory]
    [InlineData("/assets/app.js")]
    [InlineData("/assets/app.css")]
    [InlineData("/favicon.ico")]
    public async Task The_sign_in_pages_assets_are_open_to_anyone(string path)
    {
        using var client = Client();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_reader_may_browse_and_search_but_not_upload()
    {
        using var reader = await SignedIn(Reader, ReaderPassword);
        foreach (var path in new[] { "/", "/stories/s-main", "/documents", "/entities", "/search?q=worsens", "/api/stories", "/api/search?q=worsens" })
        {
            using var ok = await reader.GetAsync(path);
            Assert.True(ok.StatusCode == HttpStatusCode.OK, $"{path}: {ok.StatusCode}");
        }
        var documents = app.Store.DocumentCount;
        using (var page = await reader.GetAsync("/upload")) Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var session = await Session(reader);
        Assert.Equal("read", (string)session["role"]!);
        using (var api = await Post(reader, "/api/upload", UploadContent("reader.txt"), (string)session["token"]!))
        {
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            Assert.Contains("not change", (string)JsonNode.Parse(await api.Content.ReadAsStringAsync())!["error"]!);
        }
        using (var form = await Post(reader, "/upload", UploadContent("reader.txt", (string)session["token"]!)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
            Assert.Contains("may read this corpus but not change it", await form.Content.ReadAsStringAsync());
        }
        Assert.Equal(documents, app.Store.DocumentCount);
    }

    [Fact]
    public async Task A_writer_uploads_through_the_form_and_the_api()
    {
        using var writer = await SignedIn(Writer, WriterPassword);
        var token = Token(await writer.GetStringAsync("/upload"));
        using (var form = await Post(writer, "/upload", UploadContent("writer-form.txt", token, "Form upload\nThe harbour reopened after the storm on Sunday.\n")))
        {
            Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
            Assert.StartsWith("/jobs/", form.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal("done", await Finished(writer, form.Headers.Location!.OriginalString["/jobs/".Length..]));
        }
        using var api = await Post(writer, "/api/upload", UploadContent("writer-api.txt", text: "Api upload\nThe council approved the new budget on Monday.\n"), (string)(await Session(writer))["token"]!);
        Assert.Equal(HttpStatusCode.Accepted, api.StatusCode);
        Assert.Equal("done", await Finished(writer, (string)JsonNode.Parse(await api.Content.ReadAsStringAsync())!["id"]!));
        Assert.Contains(app.Store.ReadDocuments(), d => d.Source == "writer-api.txt");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_or_with_a_wrong_one_is_refused()
    {
        using var writer = await SignedIn(Writer, WriterPassword);
        using var reader = await SignedIn(Reader, ReaderPassword);
        var othersToken = (string)(await Session(reader))["token"]!;
        foreach (var token in new[] { null, "not-a-token", othersToken })
        {
            using var api = await Post(writer, "/api/upload", UploadContent("forged.txt"), token);
            Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
            Assert.Contains("antiforgery", (string)JsonNode.Parse(await api.Content.ReadAsStringAsync())!["error"]!);
            using var form = await Post(writer, "/upload", UploadContent("forged.txt", token));
            Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
            Assert.Contains("The form has expired", await form.Content.ReadAsStringAsync());
            using var logout = await Post(writer, "/logout", new FormUrlEncodedContent(token is null ? [] : [new(TokenField, token)]));
            Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        }
        Assert.DoesNotContain(app.Store.ReadDocuments(), d => d.Source == "forged.txt");
        // Still signed in: the refused sign-out did nothing; with the token the same requests go through.
        using (var api = await Post(writer, "/api/upload", UploadContent("accepted.txt", text: "Accepted upload\nThe ferry ran again on Friday.\n"), (string)(await Session(writer))["token"]!))
            Assert.Equal(HttpStatusCode.Accepted, api.StatusCode);
        using var signOut = await Post(writer, "/logout", new FormUrlEncodedContent([new(TokenField, Token(await writer.GetStringAsync("/logout")))]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await writer.GetAsync("/api/stories");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Signing_in_without_the_antiforgery_token_is_refused()
    {
        using var client = Client();
        await client.GetStringAsync("/login");
        using var response = await client.PostAsync("/login", new FormUrlEncodedContent([new("name", Writer), new("password", WriterPassword), new("returnUrl", "/")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var after = await client.GetAsync("/api/stories");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Every_post_form_on_every_page_carries_the_antiforgery_token()
    {
        using var writer = await SignedIn(Writer, WriterPassword);
        var document = (string)JsonNode.Parse(await writer.GetStringAsync("/api/stories"))![0]!["documents"]![0]!;
        using var upload = await Post(writer, "/api/upload", UploadContent("job.txt", text: "Job page\nThe bridge closed for repairs.\n"), (string)(await Session(writer))["token"]!);
        var job = (string)JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["id"]!;
        string[] pages = ["/", "/documents", "/entities", "/stories/s-main", $"/documents/{document}", "/search?q=worsens", "/upload", $"/jobs/{job}", "/logout"];
        var posts = 0;
        foreach (var path in pages)
        {
            using var response = await writer.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            foreach (var form in Forms(await response.Content.ReadAsStringAsync()))
            {
                // A GET form (search, filters) changes nothing and must not put a token in a URL; every other carries one.
                if (form.Method.Equals("get", StringComparison.OrdinalIgnoreCase)) continue;
                posts++;
                var field = form.Elements[TokenField] as IHtmlInputElement;
                Assert.True(field is { Type: "hidden" } && field.Value.Length > 20, $"a {form.Method} form on {path} has no antiforgery token");
            }
        }
        using var anonymous = Client();
        var login = Assert.Single(Forms(await anonymous.GetStringAsync("/login")), f => f.Method == "post");
        Assert.True(((IHtmlInputElement)login.Elements[TokenField]!).Value.Length > 20);
        Assert.True(posts >= 2, "the upload and sign-out forms were seen");
    }

    [Theory]
    [InlineData(Writer, "wrong-password")]
    [InlineData("nobody", WriterPassword)]
    [InlineData(Writer, "")]
    public async Task A_wrong_password_or_an_unknown_name_does_not_sign_in(string name, string password)
    {
        using var client = Client();
        using var response = await SignIn(client, name, password);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong name or password", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("triangulate.session=", StringComparison.Ordinal));
        using var after = await client.GetAsync("/api/stories");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task The_name_is_matched_in_any_case_and_the_session_says_who_signed_in()
    {
        using var client = Client();
        using var response = await SignIn(client, "WRITER", WriterPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = await Session(client);
        Assert.Equal(Writer, (string)session["name"]!);
        Assert.Equal("write", (string)session["role"]!);
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task After_signing_in_a_browser_is_sent_only_to_this_site(string returnUrl)
    {
        using var client = Client();
        using var response = await SignIn(client, Writer, WriterPassword, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void Passwords_are_stored_as_salted_hashes_with_100000_iterations_not_in_plain_text()
    {
        var account = app.Store.FindAccount(Writer)!;
        Assert.DoesNotContain(WriterPassword, account.PasswordHash, StringComparison.Ordinal);
        // Identity's format 3: 0x01, PRF, iteration count (big-endian), salt length, salt, subkey.
        var bytes = Convert.FromBase64String(account.PasswordHash);
        Assert.Equal(0x01, bytes[0]);
        Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)) >= 100_000);
        Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9)) >= 16, "a salt of 128 bits or more");
        // The same password hashes differently each time (a salt per hash), and each hash still checks.
        var again = Passwords.Hash(WriterPassword);
        Assert.NotEqual(account.PasswordHash, again);
        Assert.NotEqual(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, Passwords.Verify(account with { PasswordHash = again }, WriterPassword));
        // Nowhere in the store's files.
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(app.Store.Path)!, Path.GetFileName(app.Store.Path) + "*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            Assert.True(memory.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(WriterPassword)) < 0, $"{file} holds the password");
        }
    }

    [Fact]
    public async Task Removing_an_account_or_changing_its_password_ends_its_sessions()
    {
        var name = "temp-" + Guid.NewGuid().ToString("N")[..8];
        app.Store.AddAccount(new Account(name, Passwords.Hash("temporary-secret"), AccountRole.Read, Account.NewStamp()));
        using var first = await SignedIn(name, "temporary-secret");
        using var second = await SignedIn(name, "temporary-secret");
        app.Store.UpdateAccount(app.Store.FindAccount(name)! with { PasswordHash = Passwords.Hash("another-secret"), Stamp = Account.NewStamp() });
        using (var response = await first.GetAsync("/api/stories")) Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var third = await SignedIn(name, "another-secret");
        Assert.True(app.Store.RemoveAccount(name));
        using (var response = await third.GetAsync("/api/stories")) Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using (var response = await second.GetAsync("/")) Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private HttpClient Client() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(app.BaseUrl) };

    private async Task<HttpClient> SignedIn(string name, string password)
    {
        var client = Client();
        using var response = await SignIn(client, name, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> SignIn(HttpClient client, string name, string password, string returnUrl = "/")
    {
        var token = Token(await client.GetStringAsync("/login"));
        return await client.PostAsync("/login", new FormUrlEncodedContent([new("name", name), new("password", password), new("returnUrl", returnUrl), new(TokenField, token)]));
    }

    private static async Task<JsonNode> Session(HttpClient client) => JsonNode.Parse(await client.GetStringAsync("/api/session"))!;

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, HttpContent content, string? headerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (headerToken is not null) request.Headers.Add(WebAccess.TokenHeader, headerToken);
        return await client.SendAsync(request);
    }

    private static MultipartFormDataContent UploadContent(string name, string? formToken = null, string text = "Upload\nThe library opened on Saturday.\n")
    {
        var content = new MultipartFormDataContent();
        if (formToken is not null) content.Add(new StringContent(formToken), TokenField);
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name);
        return content;
    }

    private static async Task<string> Finished(HttpClient client, string job)
    {
        for (var i = 0; i < 300; i++)
        {
            var state = (string)JsonNode.Parse(await client.GetStringAsync($"/api/jobs/{job}"))!["state"]!;
            if (state is "done" or "failed") return state;
            await Task.Delay(100);
        }
        throw new TimeoutException("upload not analysed in 30 s");
    }

    private static IHtmlFormElement[] Forms(string html) => [.. new HtmlParser().ParseDocument(html).Forms];

    private static string Token(string html) =>
        ((IHtmlInputElement)Forms(html).Single(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)).Elements[TokenField]!).Value;
}
