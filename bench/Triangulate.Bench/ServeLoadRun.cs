using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Web;

namespace Triangulate.Bench;

/// <summary>
/// A bounded load test of <c>serve</c> (issue 16): copies a store (<c>--db FILE</c>) or analyses a corpus into a fresh
/// one (<c>--corpus FILE</c>), serves it on 127.0.0.1, and has <c>--readers</c> concurrent clients make <c>--requests</c>
/// requests in all, every fifth to the home page and the rest to a seeded sample of <c>--stories</c> story pages; prints
/// p50/p99 per page kind, the server process's peak working set and GC heap while the readers run, then uploads one new
/// article (a copy of a sampled story's document with one added sentence) and reports the seconds until a search finds
/// it and its story's page lists it. Client and server share the process: the working set counts both. Story pages are
/// read once each before the readers start, so the readers find them kept; <c>--cold</c> skips that, and with
/// <c>--stories</c> at least the story requests (four fifths of <c>--requests</c>) every story request renders anew.
/// With <c>--url URL --pid PID</c> it loads a server already running in its own process instead (no upload) and reports
/// that process's resident set.
/// </summary>
internal static class ServeLoadRun
{
    public static int Run(string[] args)
    {
        string? db = null, corpus = null, url = null;
        var pid = 0;
        int readers = 20, requests = 2000, sample = 50, seed = 1;
        var cold = args.Contains("--cold");
        for (var i = 0; i + 1 < args.Length; i++)
            switch (args[i])
            {
                case "--db": db = args[i + 1]; break;
                case "--corpus": corpus = args[i + 1]; break;
                case "--readers": readers = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--stories": sample = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--url": url = args[i + 1]; break;
                case "--pid": pid = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            }
        if (url is not null)
        {
            // A server already running in its own process (`triangulate serve --db FILE`): its store is only read here,
            // to pick the stories, and its memory is read from /proc (its peak resident set, VmHWM).
            if (db is null || pid <= 0)
            {
                Console.Error.WriteLine("usage: serve-load --url http://127.0.0.1:PORT --pid PID --db FILE (the server's store) [--readers 20] [--requests 2000] [--stories 50] [--seed 1]");
                return 2;
            }
            using var served = SqliteStore.Open(db);
            return Measure(served, Path.GetTempPath(), (readers, requests, sample, seed, cold), new Uri(url), pid).GetAwaiter().GetResult();
        }
        if (db is null == (corpus is null))
        {
            Console.Error.WriteLine("usage: serve-load (--db FILE | --corpus FILE) [--readers 20] [--requests 2000] [--stories 50] [--seed 1] [--cold]");
            return 2;
        }
        var folder = Path.Combine(Path.GetTempPath(), "triangulate-serve-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "serve.db");
            // The store is copied so the upload does not change the one measured from.
            if (db is not null) File.Copy(db, path);
            using var store = SqliteStore.Open(path);
            if (corpus is not null) PipelineBuilder.CreateDefault().Build().Analyze([corpus], store);
            return Measure(store, folder, (readers, requests, sample, seed, cold), null, 0).GetAwaiter().GetResult();
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<int> Measure(SqliteStore store, string folder, (int Readers, int Requests, int Sample, int Seed, bool Cold) run, Uri? external, int serverPid)
    {
        var (readers, requests, sample, seed, coldStories) = run;
        var stories = store.ReadStories();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {store.DocumentCount} documents, {stories.Count} stories; {Environment.ProcessorCount} cores visible"));
        if (stories.Count == 0) return 1;
        var picked = stories.OrderBy(s => Hash(s.Id, seed)).Take(sample).ToList();

        var app = external is null ? WebHost.Build(new WebHostOptions { Urls = "http://127.0.0.1:0", UploadFolder = Path.Combine(folder, "uploads") }, store) : null;
        if (app is not null) await app.StartAsync().ConfigureAwait(false);
        try
        {
            var address = app?.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() ?? external!.ToString();
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
            var build = Stopwatch.StartNew();
            (await http.GetAsync(new Uri("/", UriKind.Relative)).ConfigureAwait(false)).EnsureSuccessStatusCode();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first home page (story list built): {build.Elapsed.TotalSeconds:0.00} s"));
            // One cold read of each sampled story, one at a time (rendered from the store); the readers then find them kept.
            var first = new List<double>();
            foreach (var story in coldStories ? [] : picked)
            {
                var watch = Stopwatch.StartNew();
                (await http.GetAsync(new Uri(StoryPath(story.Id), UriKind.Relative)).ConfigureAwait(false)).EnsureSuccessStatusCode();
                first.Add(watch.Elapsed.TotalMilliseconds);
            }
            first.Sort();
            if (first.Count > 0) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first read of {first.Count} story pages, one at a time: p50={Percentile(first, 0.50):0.0} ms p99={Percentile(first, 0.99):0.0} ms max={first[^1]:0.0} ms (largest sampled story {picked.Max(s => s.Documents.Count)} documents)"));

            var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>(StringComparer.Ordinal);
            var next = -1;
            using var sampler = new PeakSampler();
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, readers).Select(reader => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
                {
                    var (kind, target) = i % 5 == 0 ? ("home", "/") : ("story", StoryPath(picked[i % picked.Count].Id));
                    var watch = Stopwatch.StartNew();
                    using var response = await http.GetAsync(new Uri(target, UriKind.Relative)).ConfigureAwait(false);
                    _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                    latencies.GetOrAdd(kind, _ => []).Add(watch.Elapsed.TotalMilliseconds);
                }
            }))).ConfigureAwait(false);
            wall.Stop();
            sampler.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{requests} requests by {readers} readers in {wall.Elapsed.TotalSeconds:0.0} s ({requests / wall.Elapsed.TotalSeconds:0} requests/s)"));
            foreach (var (kind, bag) in latencies.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                var sorted = bag.Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-5}: n={sorted.Count} p50={Percentile(sorted, 0.50):0.0} ms p99={Percentile(sorted, 0.99):0.0} ms max={sorted[^1]:0.0} ms"));
            }
            if (serverPid > 0)
            {
                // The server's own process: its resident set now and its peak since it started.
                var status = await File.ReadAllLinesAsync($"/proc/{serverPid}/status").ConfigureAwait(false);
                string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal))?[(name.Length + 1)..].Trim() ?? "?";
                Console.WriteLine($"server process {serverPid}: resident now {Field("VmRSS")}, peak resident {Field("VmHWM")}");
                return 0;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set while reading: {sampler.PeakWorkingSet / 1048576.0:0} MB (process peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB); peak GC heap {sampler.PeakHeap / 1048576.0:0} MB"));
            // The client's copies of the responses (large-object garbage until a full collection) swell the peak; what
            // the server keeps is what survives one.
            var live = GC.GetTotalMemory(forceFullCollection: true);
            using (var process = Process.GetCurrentProcess())
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after a full collection: live heap {live / 1048576.0:0} MB, working set {process.WorkingSet64 / 1048576.0:0} MB"));
            return await Upload(store, http, picked[0].Documents[0], folder).ConfigureAwait(false);
        }
        finally
        {
            if (app is not null)
            {
                await app.StopAsync().ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Uploads a new article and times until it is searchable and listed on its story's page.</summary>
    private static async Task<int> Upload(SqliteStore store, HttpClient http, string seedDocument, string folder)
    {
        var source = store.FindDocument(seedDocument)!;
        var marker = "zqx" + Guid.NewGuid().ToString("N")[..10];
        var file = Path.Combine(folder, "upload.txt");
        await File.WriteAllTextAsync(file, $"{source.Title}\n\n{source.Text}\n\nA later report repeated this, adding the word {marker}.\n").ConfigureAwait(false);
        // A plain-text file's document is named by the hash of its bytes.
        var id = StableId.ForDocument(StableId.Sha256Hex(await File.ReadAllBytesAsync(file).ConfigureAwait(false)));
        var watch = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file).ConfigureAwait(false));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(content, "file", "upload.txt");
        using var posted = await http.PostAsync(new Uri("/api/upload", UriKind.Relative), form).ConfigureAwait(false);
        var job = (string)JsonNode.Parse(await posted.Content.ReadAsStringAsync().ConfigureAwait(false))!["id"]!;
        double? searchable = null, inStory = null, done = null;
        string? story = null;
        while (watch.Elapsed < TimeSpan.FromSeconds(120) && (searchable is null || inStory is null || done is null))
        {
            var state = JsonNode.Parse(await http.GetStringAsync(new Uri($"/api/jobs/{job}", UriKind.Relative)).ConfigureAwait(false))!;
            if ((string)state["state"]! == "failed") { Console.WriteLine("upload failed: " + state["message"]); return 1; }
            if (done is null && (string)state["state"]! == "done") done = watch.Elapsed.TotalSeconds;
            if (searchable is null && (await http.GetStringAsync(new Uri($"/api/search?q={marker}", UriKind.Relative)).ConfigureAwait(false)).Contains("\"document\"", StringComparison.Ordinal))
                searchable = watch.Elapsed.TotalSeconds;
            if (inStory is null && store.StoryOf(id) is { } s
                && (await http.GetStringAsync(new Uri(StoryPath(s), UriKind.Relative)).ConfigureAwait(false)).Contains($"/documents/{Uri.EscapeDataString(id)}", StringComparison.Ordinal))
                (inStory, story) = (watch.Elapsed.TotalSeconds, s);
            await Task.Delay(50).ConfigureAwait(false);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"upload: searchable after {searchable?.ToString("0.00", CultureInfo.InvariantCulture) ?? "never"} s, on its story's page ({story}) after {inStory?.ToString("0.00", CultureInfo.InvariantCulture) ?? "never"} s; its job done after {done?.ToString("0.00", CultureInfo.InvariantCulture) ?? "never"} s"));
        return searchable is not null && inStory is not null ? 0 : 1;
    }

    private static string StoryPath(string id) => "/stories/" + Uri.EscapeDataString(id);

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static ulong Hash(string text, int seed)
    {
        var hash = 14695981039346656037UL ^ (ulong)seed;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
