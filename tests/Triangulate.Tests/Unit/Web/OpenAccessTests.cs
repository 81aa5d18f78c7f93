using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Triangulate.Store;
using Triangulate.Tests.Support;
using Triangulate.Web;
using Triangulate.Web.Auth;

namespace Triangulate.Tests.Unit.Web;

/// <summary>When a sign-in is asked for, and that a loopback server stays open as before.</summary>
public sealed class OpenAccessTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", false, false)]
    [InlineData("http://localhost:5080;http://[::1]:5080", false, false)]
    [InlineData("http://127.0.0.1:5080", true, true)]
    [InlineData("http://0.0.0.0:5080", false, true)]
    [InlineData("http://localhost:5080;http://192.168.1.20:5080", false, true)]
    [InlineData("http://+:5080", false, true)]
    [InlineData("http://*:5080", false, true)]
    public void A_sign_in_is_asked_for_beyond_loopback_or_when_told(string urls, bool requireLogin, bool asked) =>
        Assert.Equal(asked, WebHost.AsksForSignIn(new WebHostOptions { Urls = urls, RequireLogin = requireLogin }));

    [Fact]
    public void A_store_with_no_accounts_is_not_served_where_a_sign_in_is_asked_for()
    {
        using var store = SqliteStore.Open(":memory:");
        var beyond = new WebHostOptions { Db = "corpus.db", Urls = "http://0.0.0.0:0" };
        Assert.Null(WebHost.Refusal(beyond with { Urls = "http://127.0.0.1:0" }, store));
        Assert.Contains("has no accounts", WebHost.Refusal(beyond, store), StringComparison.Ordinal);
        Assert.Contains("has no accounts", WebHost.Refusal(beyond with { Urls = "http://127.0.0.1:0", RequireLogin = true }, store), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => WebHost.Build(beyond, store));
        store.AddAccount(new Account("someone", Passwords.Hash("long-enough"), AccountRole.Read, Account.NewStamp()));
        Assert.Null(WebHost.Refusal(beyond, store));
    }

    [Fact]
    public async Task A_loopback_server_told_to_ask_for_a_sign_in_does_so_under_any_host_name()
    {
        // Behind a reverse proxy on this machine: the proxy may pass the public host name, and the sign-in guards the store.
        using var folder = new TempFolder();
        using var store = SqliteStore.Open(folder.File("corpus.db"));
        await using var server = await SignInServer(folder, store, 10);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(Address(server)) };
        foreach (var host in new[] { "localhost", "corpus.example.org" })
        {
            using var api = new HttpRequestMessage(HttpMethod.Get, "/api/stories");
            api.Headers.Host = host;
            using (var response = await client.SendAsync(api)) Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            using var login = new HttpRequestMessage(HttpMethod.Get, "/login");
            login.Headers.Host = host;
            using (var response = await client.SendAsync(login)) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_client_gets_only_a_few_sign_in_attempts_a_minute()
    {
        using var folder = new TempFolder();
        using var store = SqliteStore.Open(folder.File("corpus.db"));
        await using var server = await SignInServer(folder, store, 3);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(Address(server)) };
        var page = await client.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var answers = new List<HttpStatusCode>();
        foreach (var password in new[] { "guess-one", "guess-two", "guess-three", "long-enough" })
        {
            using var response = await client.PostAsync("/login", new FormUrlEncodedContent([new("name", "someone"), new("password", password), new("__RequestVerificationToken", token)]));
            answers.Add(response.StatusCode);
        }
        // The right password, fourth, is not even tried: the minute's three attempts are spent.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task A_loopback_server_asks_no_one_to_sign_in()
    {
        using var stories = await app.Http.GetAsync("/api/stories");
        Assert.Equal(HttpStatusCode.OK, stories.StatusCode);
        using var home = await app.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("open", (string)JsonNode.Parse(await app.Http.GetStringAsync("/api/session"))!["access"]!);
        using var login = await app.Http.GetAsync("/login");
        Assert.Equal(HttpStatusCode.NotFound, login.StatusCode);
    }

    /// <summary>A loopback server asking for a sign-in, over a store with one reader ("someone", "long-enough").</summary>
    private static async Task<WebApplication> SignInServer(TempFolder folder, SqliteStore store, int attemptsPerMinute)
    {
        store.AddAccount(new Account("someone", Passwords.Hash("long-enough"), AccountRole.Read, Account.NewStamp()));
        var server = WebHost.Build(new WebHostOptions { Urls = "http://127.0.0.1:0", RequireLogin = true, UploadFolder = folder.File("uploads"), SignInAttemptsPerMinute = attemptsPerMinute }, store);
        await server.StartAsync();
        return server;
    }

    private static string Address(WebApplication server) => server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
