using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Web;

namespace Triangulate.Bench;

/// <summary>
/// How long the web app takes to answer a story page with many claims: analyses examples/kursk into a temporary store,
/// grows its largest story to <c>--claims N</c> claims (copies of its real claims, each with its own id, so every row
/// has genuine evidence), serves it on a loopback port and times <c>GET /stories/{id}</c> from the client, after warm-up.
/// The app keeps a rendered story page until the store changes, so repeated requests time sending kept bytes; with
/// <c>--cold</c> every timed request goes to a freshly started app (its story list already built by a request for the
/// home page), so each one renders the page from the store.
/// </summary>
internal static class StoryPageRun
{
    public static int Run(string[] args)
    {
        var claims = 1000;
        var rounds = 30;
        var examples = "examples/kursk";
        var cold = args.Contains("--cold");
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--claims") claims = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--rounds") rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i] == "--examples") examples = args[i + 1];
        }
        var folder = Path.Combine(Path.GetTempPath(), "triangulate-story-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var store = SqliteStore.Open(Path.Combine(folder, "bench.db"));
            PipelineBuilder.CreateDefault().Build().Analyze([examples], store);
            var corpus = store.LoadCorpus();
            var story = corpus.Stories.OrderByDescending(s => s.Documents.Count).First();
            var members = new HashSet<string>(story.Documents, StringComparer.Ordinal);
            var seeds = corpus.Claims.Where(c => c.Sources.Any(members.Contains)).ToList();
            var grown = new List<Claim>(corpus.Claims);
            for (var i = 0; grown.Count(c => c.Sources.Any(members.Contains)) < claims && seeds.Count > 0; i++)
                grown.Add(seeds[i % seeds.Count] with { Id = $"c-bench-{i:00000}", Text = $"{seeds[i % seeds.Count].Text} ({i})" });
            store.SaveCorpus(corpus with { Claims = grown });
            var inStory = grown.Count(c => c.Sources.Any(members.Contains));

            var path = $"/stories/{Uri.EscapeDataString(story.Id)}";
            long bytes = 0;
            var times = new List<double>(rounds);
            var (app, http) = Start(store, folder);
            for (var i = 0; i < 5; i++) bytes = http.GetByteArrayAsync(path).GetAwaiter().GetResult().Length;
            for (var i = 0; i < rounds; i++)
            {
                if (cold)
                {
                    Stop(app, http);
                    (app, http) = Start(store, folder);
                    http.GetByteArrayAsync("/").GetAwaiter().GetResult();
                }
                var watch = Stopwatch.StartNew();
                http.GetByteArrayAsync(path).GetAwaiter().GetResult();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            Stop(app, http);
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"story page ({(cold ? "cold: rendered each time" : "warm: kept page")}): {inStory} claims, {story.Documents.Count} documents, {bytes / 1024.0:0} KB; over {rounds} requests median {times[rounds / 2]:0.0} ms, p90 {times[(int)(rounds * 0.9)]:0.0} ms, max {times[^1]:0.0} ms"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static (Microsoft.AspNetCore.Builder.WebApplication App, HttpClient Http) Start(SqliteStore store, string folder)
    {
        var app = WebHost.Build(new WebHostOptions { Urls = "http://127.0.0.1:0", UploadFolder = Path.Combine(folder, "uploads") }, store);
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static void Stop(Microsoft.AspNetCore.Builder.WebApplication app, HttpClient http)
    {
        http.Dispose();
        app.StopAsync().GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
