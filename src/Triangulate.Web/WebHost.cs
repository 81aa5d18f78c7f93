using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Triangulate.Ingest;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Web.Auth;

namespace Triangulate.Web;

/// <summary>
/// The web app: server-rendered pages and a JSON API over one store, and an upload page that runs the pipeline.
/// <see cref="Build(WebHostOptions, IStore)"/> makes the app (tests start it on a free port); <see cref="Run(WebHostOptions)"/> serves until stopped.
/// </summary>
public static class WebHost
{
    private static readonly string[] Extensions = [".txt", ".html", ".htm", ".jsonl", ".warc", ".gz"];

    /// <summary>Serves until the process is stopped; returns the exit code.</summary>
    public static int Run(WebHostOptions options)
    {
        using var store = StoreFactory.Open(options?.Db ?? throw new ArgumentNullException(nameof(options)));
        return Run(options, store);
    }

    /// <summary>Serves <paramref name="store"/> until the process is stopped; returns the exit code.</summary>
    public static int Run(WebHostOptions options, IStore store)
    {
        var app = Build(options, store);
        // The story list, the home page and a few story pages are made before the first reader comes, not while the
        // first ones wait: a fresh process runs every page's code unoptimised until the runtime has seen it called
        // often (tiered compilation), so the first twenty readers of a cold server waited about 1.5 times longer
        // than the next twenty.
        WarmUp(app);
        WarmUpOverHttpAsync(options, store, app).GetAwaiter().GetResult();
        // The warm-up leaves the runtime a backlog: every method it called 30 times is queued for an optimising
        // recompile, done in the background. Opened at once, the first readers shared the 2 cores with about 2,000 of
        // those compiles (on the 100k store); they are let finish first (docs/benchmarks.md, "The warm-up's compiles
        // finish before the first reader").
        AwaitCompilation(CompilationQuiet, CompilationWaitMost);
        app.Run();
        return 0;
    }

    /// <summary>How long the runtime must compile nothing for its backlog to count as done.</summary>
    private static readonly TimeSpan CompilationQuiet = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest the public address waits for the runtime's compiles.</summary>
    private static readonly TimeSpan CompilationWaitMost = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Returns true once the runtime has compiled no method for <paramref name="quiet"/>, or false after
    /// <paramref name="most"/> if it is still compiling.
    /// </summary>
    internal static bool AwaitCompilation(TimeSpan quiet, TimeSpan most)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (watch.Elapsed + quiet <= most)
        {
            Thread.Sleep(quiet);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled) return true;
            compiled = now;
        }
        return false;
    }

    /// <summary>Requests sent through a private twin of the app before the public address opens.</summary>
    internal const int WarmUpRequests = 240;

    /// <summary>
    /// Sends <see cref="WarmUpRequests"/> requests to a twin of <paramref name="app"/> (same index and pages, so the
    /// story list is not built twice) on a loopback port of its own, then stops the twin; returns the requests answered.
    /// </summary>
    /// <remarks>
    /// <see cref="WarmUp(WebApplication)"/> renders pages directly; the server's own path (sockets, HTTP parsing, the
    /// middleware, routing, the response writers) stays unoptimised until it has answered a few dozen requests, which
    /// the first readers of a fresh process would pay for. The twin asks for a sign-in whenever the real app does, so
    /// nothing is readable on its port that the public one would refuse.
    /// </remarks>
    internal static async Task<int> WarmUpOverHttpAsync(WebHostOptions options, IStore store, WebApplication app)
    {
        var twinOptions = options with { Urls = "http://127.0.0.1:0", RequireLogin = AsksForSignIn(options) };
        await using var twin = Build(twinOptions, store, app.Services.GetRequiredService<StoreIndex>(), app.Services.GetRequiredService<Pages>());
        await twin.StartAsync().ConfigureAwait(false);
        var address = twin.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var stories = app.Services.GetRequiredService<StoreIndex>().Current().Stories;
        var paths = Enumerable.Range(0, WarmUpRequests)
            .Select(i => i % 2 == 0 || stories.Count == 0 ? "/" : "/stories/" + Uri.EscapeDataString(stories[(i / 2 * 7919) % stories.Count].Story.Id))
            .ToList();
        var answered = 0;
        // Four at a time, as concurrent readers arrive; a page the twin cannot answer still warms the path that refused it.
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (path, token) =>
        {
            using var response = await http.GetAsync(path, token).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
            Interlocked.Increment(ref answered);
        }).ConfigureAwait(false);
        await twin.StopAsync().ConfigureAwait(false);
        return answered;
    }

    /// <summary>Stories rendered before listening: enough calls for the runtime to optimise the story page's code.</summary>
    private const int WarmUpStories = 40;

    /// <summary>Renders the home page and up to <see cref="WarmUpStories"/> story pages of <paramref name="app"/>; returns the stories rendered.</summary>
    internal static IReadOnlyList<string> WarmUp(WebApplication app)
    {
        var pages = app.Services.GetRequiredService<Pages>();
        var stories = app.Services.GetRequiredService<StoreIndex>().Current().Stories;
        pages.Stories();
        // Spread over the list (small and large stories take different paths); each is kept in the page cache as any read page is.
        var rendered = new List<string>();
        var step = Math.Max(1, (stories.Count + WarmUpStories - 1) / WarmUpStories);
        for (var i = 0; i < stories.Count; i += step)
            if (pages.Story(stories[i].Story.Id) is not null) rendered.Add(stories[i].Story.Id);
        return rendered;
    }

    /// <summary>True when the app asks for a sign-in: beyond loopback, or when told to.</summary>
    public static bool AsksForSignIn(WebHostOptions options) => WebAccess.IsRequired(options);

    /// <summary>Why <paramref name="store"/> must not be served as <paramref name="options"/> say (a sign-in is asked for and it has no accounts), or null.</summary>
    public static string? Refusal(WebHostOptions options, IStore store) => WebAccess.Refusal(options, store);

    /// <summary>The app over <paramref name="store"/>, listening on <see cref="WebHostOptions.Urls"/>; not started.</summary>
    public static WebApplication Build(WebHostOptions options, IStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        return Build(options, store, new StoreIndex(store), null);
    }

    /// <summary>The app over <paramref name="store"/> with the story index (and the pages, when given) another app already holds.</summary>
    private static WebApplication Build(WebHostOptions options, IStore store, StoreIndex index, Pages? shared)
    {
        // Pages read the store synchronously, and the store has one connection: readers of uncached story pages wait on it
        // holding pool threads. The pool starts with one thread per core and adds more only slowly, so a cached page
        // (the home page) would wait behind them; enough threads from the start keep it answering at once.
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), completions);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Kestrel reads at most the upload limit plus room for the multipart framing; larger bodies are refused before they are read.
        // Kestrel refuses an over-long address or headers itself, with an empty body: its limits sit above the app's, which
        // RequestGuards checks first and answers with a message.
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxUploadBytes + 64 * 1024;
            k.Limits.MaxRequestLineSize = RequestGuards.KestrelRequestLine;
            k.Limits.MaxRequestHeadersTotalSize = RequestGuards.KestrelHeaders;
            k.Limits.MaxRequestHeaderCount = RequestGuards.KestrelHeaderCount;
        });
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxUploadBytes + 64 * 1024);
        builder.Services.AddSingleton(index);
        var access = new WebAccess(options, store);
        access.AddServices(builder.Services);
        var pages = shared ?? new Pages(store, index, Math.Max(1, options.ListPageSize));
        builder.Services.AddSingleton(pages);
        var app = builder.Build();
        var uploads = options.UploadFolder ?? Path.Combine(Path.GetTempPath(), "triangulate-uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(uploads);
        var jobs = new UploadJobs(store, options.Pipeline ?? (() => PipelineBuilder.CreateDefault().Build()), index, options.Executor);

        // Only an open server needs the Host check: with a sign-in asked, a rebinding page has no session to read with,
        // and a reverse proxy on this machine may pass the public host name.
        var loopback = RequestGuards.AllLoopback(options.Urls) && !access.Required;
        app.Use(async (context, next) =>
        {
            if (RequestGuards.TooLarge(context.Request, context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "") is { } tooLarge)
            {
                context.Response.StatusCode = tooLarge.Status;
                // The app's error shapes: JSON under /api (the API contract), one plain line elsewhere.
                var api = context.Request.Path.StartsWithSegments("/api");
                context.Response.ContentType = api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8";
                await context.Response.WriteAsync(api ? JsonError(tooLarge.Message) : tooLarge.Message).ConfigureAwait(false);
                return;
            }
            var refusal = loopback ? RequestGuards.ForeignHost(context.Request) : null;
            var status = StatusCodes.Status421MisdirectedRequest;
            if (refusal is null && RequestGuards.CrossSite(context.Request) is { } crossSite) (refusal, status) = (crossSite, StatusCodes.Status403Forbidden);
            if (refusal is not null)
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(refusal).ConfigureAwait(false);
                return;
            }
            // Pages carry only this app's own script and style; nothing from elsewhere may load even if markup slipped through.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await next(context).ConfigureAwait(false);
        });

        // An error answered with no body gets one: JSON under /api (as the API contract says), a page elsewhere.
        app.UseStatusCodePages(async status =>
        {
            var response = status.HttpContext.Response;
            var message = response.StatusCode switch { 404 => "not found", 400 => "bad request", 405 => "method not allowed", var code => $"error {code}" };
            if (status.HttpContext.Request.Path.StartsWithSegments("/api"))
            {
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(JsonError(message)).ConfigureAwait(false);
            }
            else
            {
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(ErrorPage(message)).ConfigureAwait(false);
            }
        });
        access.Use(app);
        access.Map(app);

        app.MapGet("/", () => Results.Bytes(pages.Stories(), "text/html; charset=utf-8"));
        app.MapGet("/documents", (string? page) => HtmlResult(pages.Documents(PageNumber(page))));
        app.MapGet("/entities", (string? page) => HtmlResult(pages.Entities(PageNumber(page))));
        app.MapGet("/stories/{id}", (string id) => pages.Story(id) is { } page ? Results.Bytes(page, "text/html; charset=utf-8") : HtmlResult(Pages.NotFound("story"), 404));
        app.MapGet("/documents/{id}", (string id, string? claim, string? quote) =>
            pages.Document(id, claim, quote) is { } page ? HtmlResult(page) : HtmlResult(Pages.NotFound("document"), 404));
        app.MapGet("/entities/{id}", (string id) => pages.Entity(id) is { } page ? HtmlResult(page) : HtmlResult(Pages.NotFound("entity"), 404));
        app.MapGet("/search", (string? q) => HtmlResult(pages.Search(q)));
        app.MapGet("/upload", (HttpContext context) => HtmlResult(Pages.Upload(options.MaxUploadBytes, WebAccess.TokenField(context)))).RequireAuthorization(WebAccess.Write);
        app.MapGet("/jobs/{id}", (string id) => jobs.Find(id) is { } job ? HtmlResult(Pages.Job(job)) : HtmlResult(Pages.NotFound("upload"), 404));
        app.MapPost("/upload", async (HttpContext context) =>
        {
            var (job, error, status) = await Accept(context, options, uploads, jobs).ConfigureAwait(false);
            if (job is null) return HtmlResult(Pages.Upload(options.MaxUploadBytes, WebAccess.TokenField(context), error), status);
            return Results.Redirect($"/jobs/{job.Id}", permanent: false, preserveMethod: false);
        }).DisableAntiforgery().RequireAuthorization(WebAccess.Write);
        app.MapPost("/api/upload", async (HttpContext context) =>
        {
            var (job, error, status) = await Accept(context, options, uploads, jobs).ConfigureAwait(false);
            return job is null ? Json(w => { w.WriteStartObject(); w.WriteString("error", error); w.WriteEndObject(); }, status) : Json(w => WriteJob(w, job), 202);
        }).DisableAntiforgery().RequireAuthorization(WebAccess.Write);
        app.MapGet("/assets/{name}", (string name) => Asset(name)).AllowAnonymous();
        app.MapGet("/favicon.ico", () => Asset("favicon.svg")).AllowAnonymous();

        app.MapGet("/api/stories", () => Json(w => Array(w, store.ReadStories(), ModelJson.Compact.Story)));
        app.MapGet("/api/stories/{id}", (string id) =>
        {
            // The story's own rows: its findings and the relations from its documents.
            var corpus = store.LoadStory(id);
            if (corpus is null) return NotFoundJson("story");
            var story = corpus.Story;
            var members = new HashSet<string>(story.Documents, StringComparer.Ordinal);
            var relations = store.RelationsOf(members);
            var claims = corpus.Claims.Where(c => c.Sources.Any(members.Contains) || c.Mentions.Any(m => members.Contains(m.Span.Document))).ToList();
            var claimIds = new HashSet<string>(claims.Select(c => c.Id), StringComparer.Ordinal);
            return Json(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("story");
                JsonSerializer.Serialize(w, story, ModelJson.Compact.Story);
                Property(w, "claims", claims, ModelJson.Compact.Claim);
                Property(w, "quotes", corpus.Quotes.Where(q => q.Variants.Any(v => members.Contains(v.Span.Document))).ToList(), ModelJson.Compact.Quote);
                Property(w, "contradictions", corpus.Contradictions.Where(x => x.Claims.Any(claimIds.Contains)).ToList(), ModelJson.Compact.Contradiction);
                Property(w, "timeline", corpus.Timeline.Where(t => t.Documents.Any(members.Contains) || t.Claims.Any(claimIds.Contains)).ToList(), ModelJson.Compact.TimelineEntry);
                Property(w, "relations", relations.Where(r => members.Contains(r.From)).ToList(), ModelJson.Compact.Relation);
                w.WriteEndObject();
            });
        });
        app.MapGet("/api/documents/{id}", (string id) =>
        {
            var document = store.FindDocument(id);
            if (document is null) return NotFoundJson("document");
            var story = store.StoryOf(id) is { } storyId ? store.LoadStory(storyId) : null;
            if (document.Published is null && story is not null && story.InferredPublished.TryGetValue(id, out var inferred)) document = document with { Published = inferred };
            var analysis = store.FindAnalysis(id);
            return Json(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("document");
                JsonSerializer.Serialize(w, document, ModelJson.Compact.Document);
                if (analysis is not null)
                {
                    w.WritePropertyName("analysis");
                    JsonSerializer.Serialize(w, analysis, ModelJson.Compact.DocumentAnalysis);
                }
                Property(w, "relations", store.RelationsOf([id]), ModelJson.Compact.Relation);
                w.WriteEndObject();
            });
        });
        app.MapGet("/api/search", (string? q, string? limit) =>
        {
            var count = 20;
            // The error names the range, so a limit outside it (0 answered one hit, 500 two hundred) is refused as well.
            if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count is < 1 or > 200))
                return Json(w => { w.WriteStartObject(); w.WriteString("error", "limit must be a whole number from 1 to 200"); w.WriteEndObject(); }, 400);
            return Search(store, q, count);
        });
        app.MapGet("/api/jobs/{id}", (string id) => jobs.Find(id) is { } job ? Json(w => WriteJob(w, job)) : NotFoundJson("job"));
        return app;
    }

    /// <summary>The page a list was asked for: a whole number, else the first.</summary>
    private static int PageNumber(string? page) =>
        int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;

    private static IResult Search(IStore store, string? q, int limit) => Json(w =>
        {
            w.WriteStartArray();
            foreach (var hit in string.IsNullOrWhiteSpace(q) ? [] : store.Search(q, limit))
            {
                w.WriteStartObject();
                w.WriteString("kind", hit.Kind);
                w.WriteString("id", hit.Id);
                w.WriteString("document", hit.Document);
                // JSON clients get plain text: the store's match markers are control characters, removed here.
                w.WriteString("snippet", hit.Snippet.Replace(SearchHit.MarkStart.ToString(), "", StringComparison.Ordinal).Replace(SearchHit.MarkEnd.ToString(), "", StringComparison.Ordinal));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });

    /// <summary>Checks and saves an upload of one or more files, then starts their analysis; or says why not (status 400 or 413).</summary>
    private static async Task<(UploadJob? Job, string? Error, int Status)> Accept(HttpContext context, WebHostOptions options, string folder, UploadJobs jobs)
    {
        var limit = options.MaxUploadBytes / (1024 * 1024);
        if (context.Request.ContentLength > options.MaxUploadBytes + 64 * 1024)
            return (null, $"The upload is too large: the limit is {limit} MB.", 413);
        if (!context.Request.HasFormContentType) return (null, "Send the files as multipart/form-data in a field named \"file\".", 400);
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync().ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, $"The upload is too large: the limit is {limit} MB.", 413);
        }
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            // The framework's own words for a multipart body over FormOptions.MultipartBodyLengthLimit (a chunked upload has no length to check first).
            return (null, $"The upload is too large: the limit is {limit} MB.", 413);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, $"The upload is malformed: {e.Message}", 400);
        }
        var files = form.Files.GetFiles("file");
        if (files.Count == 0 || files.All(f => f.Length == 0)) return (null, "Choose one or more non-empty files to upload.", 400);
        if (files.Sum(f => f.Length) > options.MaxUploadBytes)
            return (null, $"The upload is too large ({files.Sum(f => f.Length) / (1024 * 1024.0):0.0} MB): the limit is {limit} MB.", 413);
        var saved = new List<InputFile>();
        foreach (var file in files.Where(f => f.Length > 0))
        {
            var (input, error) = await Save(file, folder).ConfigureAwait(false);
            if (error is not null)
            {
                foreach (var s in saved) File.Delete(s.FullPath);
                return (null, error, 400);
            }
            saved.Add(input!);
        }
        return (jobs.Start(saved), null, 202);
    }

    /// <summary>Checks one uploaded file's type against its content and saves it under a fresh name that keeps its (compound) extension.</summary>
    private static async Task<(InputFile? File, string? Error)> Save(IFormFile file, string folder)
    {
        var name = Path.GetFileName(file.FileName);
        var extension = UploadExtension(name);
        if (extension is null)
            return (null, $"“{name}” is not a supported file type: use {string.Join(", ", Extensions)}.");
        var head = new byte[BinaryContent.SniffLength];
        int read;
        await using (var stream = file.OpenReadStream())
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false).ConfigureAwait(false);
        var isGzip = read >= 2 && head[0] == 0x1f && head[1] == 0x8b;
        var wantsGzip = extension.EndsWith(".gz", StringComparison.Ordinal);
        if (wantsGzip ? !isGzip : isGzip || BinaryContent.Looks(head.AsSpan(0, read)))
            return (null, $"“{name}” does not look like {(wantsGzip ? "gzip data" : "text")}: its content does not match its extension.");
        // The name on disk is ours (a fresh id), never the client's; the checked extension is kept whole (".warc.gz"),
        // since the readers choose by it, and the documents are named by the client's file name.
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
        await using (var output = File.Create(path))
        await using (var input = file.OpenReadStream())
            await input.CopyToAsync(output).ConfigureAwait(false);
        return (new InputFile(name, path, file.Length), null);
    }

    /// <summary>The supported extension of <paramref name="name"/>, lower case, with the inner one of a .gz when that is supported too (".jsonl.gz"); null when unsupported.</summary>
    internal static string? UploadExtension(string name)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (System.Array.IndexOf(Extensions, extension) < 0) return null;
        if (extension != ".gz") return extension;
        var inner = Path.GetExtension(Path.GetFileNameWithoutExtension(name)).ToLowerInvariant();
        return inner != ".gz" && System.Array.IndexOf(Extensions, inner) >= 0 ? inner + extension : extension;
    }

    private static void WriteJob(Utf8JsonWriter w, UploadJob job)
    {
        w.WriteStartObject();
        w.WriteString("id", job.Id);
        w.WriteString("name", job.Name);
        w.WriteString("state", job.State);
        w.WriteString("message", job.Message);
        w.WriteStartArray("documents");
        foreach (var d in job.Documents)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("title", d.Title);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static IResult HtmlResult(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    private static IResult NotFoundJson(string what) => Json(w => { w.WriteStartObject(); w.WriteString("error", $"no {what} with that id"); w.WriteEndObject(); }, 404);

    /// <summary>A page saying <paramref name="message"/> (an error answered with no body of its own).</summary>
    internal static string ErrorPage(string message) =>
        Html.Page("Error", $"<h1>{Html.E(char.ToUpperInvariant(message[0]) + message[1..])}</h1><p><a href=\"/\">Back to the stories</a></p>");

    internal static string JsonError(string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) { writer.WriteStartObject(); writer.WriteString("error", message); writer.WriteEndObject(); }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static IResult Json(Action<Utf8JsonWriter> write, int status = 200)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })) write(writer);
        return Results.Content(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    private static void Array<T>(Utf8JsonWriter w, IReadOnlyList<T> items, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        w.WriteStartArray();
        foreach (var item in items) JsonSerializer.Serialize(w, item, type);
        w.WriteEndArray();
    }

    private static void Property<T>(Utf8JsonWriter w, string name, IReadOnlyList<T> items, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        w.WritePropertyName(name);
        Array(w, items, type);
    }

    private static IResult Asset(string name)
    {
        if (name == "app.css") return Results.Text(Report.HtmlStyle.Css, "text/css; charset=utf-8");
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Triangulate.Web.Assets." + name);
        if (stream is null) return Results.NotFound();
        var type = Path.GetExtension(name) switch { ".js" => "text/javascript; charset=utf-8", ".svg" => "image/svg+xml", _ => "application/octet-stream" };
        return Results.Stream(stream, type);
    }
}
