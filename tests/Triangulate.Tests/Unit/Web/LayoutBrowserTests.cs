using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Triangulate.Report;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Web;

/// <summary>
/// The example as the real pipeline analyses it, read as an analyst would: names rather than ids, header figures that
/// agree, pages that fit a desktop and a phone screen, drawings whose text is neither clipped nor overlapping, evidence
/// marked by kind, and scripts the site's own CSP lets run. One chromium serves the whole class.
/// </summary>
public partial class LayoutBrowserTests(ExampleWebAppFixture app, ChromiumFixture chromium) : IClassFixture<ExampleWebAppFixture>, IClassFixture<ChromiumFixture>
{
    /// <summary>Text elements of every SVG whose box leaves the drawing's viewBox, as "text (x..right of width)".</summary>
    private const string ClippedSvgText = """
        () => [...document.querySelectorAll('svg')].flatMap(svg => {
          const vb = svg.viewBox.baseVal;
          if (!vb || !vb.width) return [];
          return [...svg.querySelectorAll('text')].map(t => ({ t, b: t.getBBox() }))
            .filter(({ b }) => b.x < vb.x - 0.5 || b.x + b.width > vb.x + vb.width + 0.5 || b.y < vb.y - 0.5 || b.y + b.height > vb.y + vb.height + 0.5)
            .map(({ t, b }) => `${t.textContent} (${b.x.toFixed(0)}..${(b.x + b.width).toFixed(0)} of ${vb.width})`);
        })
        """;

    /// <summary>
    /// Pairs of text elements in one SVG whose boxes on screen cross by more than a pixel each way (a node label over
    /// an edge label, two tick labels run together), as "a / b". Screen boxes, so any transform is accounted for.
    /// </summary>
    private const string OverlappingSvgText = """
        () => [...document.querySelectorAll('svg')].flatMap(svg => {
          const boxes = [...svg.querySelectorAll('text')].map(t => ({ t: t.textContent, b: t.getBoundingClientRect() })).filter(x => x.b.width > 0);
          const out = [];
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i].b, c = boxes[j].b;
              const w = Math.min(a.right, c.right) - Math.max(a.left, c.left), h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
              if (w > 1 && h > 1) out.push(`${boxes[i].t} / ${boxes[j].t}`);
            }
          return out;
        })
        """;

    private string Url(string path) => path.StartsWith("file:", StringComparison.Ordinal) ? path : app.BaseUrl.TrimEnd('/') + path;

    private async Task<JsonElement> Story() => JsonDocument.Parse(await app.Http.GetStringAsync("/api/stories")).RootElement.EnumerateArray().OrderByDescending(s => s.GetProperty("documents").GetArrayLength()).First();

    private async Task<string> StoryPath() => $"/stories/{Uri.EscapeDataString((await Story()).GetProperty("id").GetString()!)}";

    /// <summary>The HTML report of the same store, written to a file as <c>triangulate report</c> writes it.</summary>
    private async Task<string> ReportFile()
    {
        var path = Path.Combine(app.Temp, "dossier.html");
        if (!File.Exists(path)) await File.WriteAllTextAsync(path, SomeDossier.Write(new HtmlReportWriter(), app.Store));
        return new Uri(path).AbsoluteUri;
    }

    /// <summary>One page of every kind the app serves, and the report file.</summary>
    private async Task<IReadOnlyList<string>> Paths()
    {
        var story = await Story();
        var entities = app.Store.LoadCorpus().Entities;
        var document = story.GetProperty("documents")[0].GetString()!;
        var word = app.Store.FindDocument(document)!.Title!.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        return ["/", "/documents", "/entities", await StoryPath(), $"/documents/{Uri.EscapeDataString(document)}", $"/entities/{Uri.EscapeDataString(entities.OrderByDescending(e => e.Mentions.Count).First().Id)}",
            $"/search?q={Uri.EscapeDataString(word)}", "/upload", await ReportFile()];
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Every_page_fits_the_screen_with_no_clipped_or_overlapping_drawing_text_and_no_console_errors(int width)
    {
        var page = await chromium.NewPage(width);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"{page.Url}: {m.Text}"); };
        page.PageError += (_, e) => errors.Add($"{page.Url}: {e}");
        var problems = new List<string>();
        var drawings = 0;
        foreach (var path in await Paths())
        {
            var response = await page.GotoAsync(Url(path));
            if (!path.StartsWith("file:", StringComparison.Ordinal)) Assert.Equal(200, response!.Status);
            var name = path.StartsWith("file:", StringComparison.Ordinal) ? "report" : Regex.Replace(path.Trim('/'), "[^A-Za-z0-9-]+", "-");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserTests.Shot($"layout-{width}-{(name.Length == 0 ? "home" : name)}.png"), FullPage = true });
            var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (scroll > width) problems.Add($"{path}: page is {scroll} px wide at {width} px");
            foreach (var clipped in await page.EvaluateAsync<string[]>(ClippedSvgText)) problems.Add($"{path}: clipped SVG text {clipped}");
            foreach (var pair in await page.EvaluateAsync<string[]>(OverlappingSvgText)) problems.Add($"{path}: overlapping SVG text {pair}");
            // A table that pages shows at most 50 rows at any width (the phone layout must not bring hidden rows back).
            foreach (var rows in await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('table.data-table')].map(t => [...t.tBodies[0].rows].filter(r => r.getClientRects().length > 0).length).filter(n => n > 50)"))
                problems.Add($"{path}: a table shows {rows} rows at once");
            drawings += await page.Locator("svg text").CountAsync();
        }
        Assert.Empty(problems);
        Assert.Empty(errors);
        Assert.True(drawings > 0, "the pages drew no chart, timeline or provenance graph to check");
    }

    [Fact]
    public async Task The_timeline_axis_has_dates_between_its_ends()
    {
        var page = await chromium.NewPage();
        await page.GotoAsync(Url(await StoryPath()));
        var timeline = page.Locator("svg.timeline");
        Assert.Equal(1, await timeline.CountAsync());
        var ticks = await timeline.Locator("text.tick").AllInnerTextsAsync();
        Assert.True(ticks.Count >= 3, $"the timeline's axis shows only {string.Join(", ", ticks)}");
    }

    [Fact]
    public async Task The_story_header_figures_agree_with_each_other_and_with_the_report()
    {
        var page = await chromium.NewPage();
        await page.GotoAsync(Url(await StoryPath()));
        var figures = await Summary(page, "main dl.summary");
        var outlets = figures["Outlets"].Split(", ", StringSplitOptions.RemoveEmptyEntries);
        var independent = int.Parse(figures["Independent sources"], CultureInfo.InvariantCulture);
        var documents = await page.Locator("#documents-list li a").AllInnerTextsAsync();
        Assert.Equal(int.Parse(figures["Documents"], CultureInfo.InvariantCulture), documents.Count);
        // Independent sources are counted among the outlets, so there are never more of them than outlets.
        Assert.InRange(independent, 1, outlets.Length);
        Assert.All(outlets, o => Assert.Contains(o, c => char.IsUpper(c) || char.IsDigit(c)));
        Assert.All(documents, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.DoesNotContain(documents, d => Regex.IsMatch(d, @"^d-[0-9a-f]{6,}$"));
        // A contradiction names what it is about once, never the headline over and over.
        var title = await page.InnerTextAsync("main h1");
        foreach (var item in await page.Locator("#contradictions li").AllInnerTextsAsync())
            Assert.True(Regex.Count(item, Regex.Escape(title)) <= 1, item);

        // No document is shown with a blank title or outlet: what ingest found, else "unknown outlet" and the source.
        await page.GotoAsync(Url("/documents"));
        foreach (var cell in await page.Locator("#documents tbody td:nth-child(-n+2)").AllInnerTextsAsync()) Assert.False(string.IsNullOrWhiteSpace(cell));
        foreach (var id in (await Story()).GetProperty("documents").EnumerateArray().Select(d => d.GetString()!))
        {
            await page.GotoAsync(Url($"/documents/{Uri.EscapeDataString(id)}"));
            var header = await Summary(page, "main dl.summary");
            Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("main h1")), id);
            Assert.False(string.IsNullOrWhiteSpace(header["Outlet"]), id);
        }

        await page.GotoAsync(await ReportFile());
        Assert.DoesNotMatch(@"\b1 (stories|documents|claims|quotes)\b", await page.InnerTextAsync("main > p"));
        var report = await Summary(page, "section dl.summary");
        Assert.Equal(figures["Documents"], report["Documents"]);
        Assert.Equal(figures["Independent sources"], report["Independent sources"]);
        Assert.StartsWith(outlets.Length.ToString(CultureInfo.InvariantCulture), report["Outlets"], StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> Summary(IPage page, string selector)
    {
        var terms = await page.Locator($"{selector} dt").First.Locator("xpath=..").Locator("dt").AllInnerTextsAsync();
        var values = await page.Locator($"{selector} dd").AllInnerTextsAsync();
        Assert.Equal(terms.Count, values.Count);
        return terms.Zip(values).ToDictionary(p => p.First.Trim(), p => p.Second.Trim(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task The_story_page_names_speakers_links_them_and_their_pages_list_their_quotes_claims_and_documents()
    {
        var page = await chromium.NewPage();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(Url(await StoryPath()));

        var speakers = await page.Locator("h3.speaker").AllInnerTextsAsync();
        Assert.NotEmpty(speakers);
        // A name reads as words: no "person:jane-doe" local ids and no "e-0123abcd" corpus ids.
        Assert.DoesNotContain(speakers, s => s.Contains(':', StringComparison.Ordinal) || Regex.IsMatch(s, @"\be-[0-9a-f]{6,}"));
        Assert.Equal(speakers.Count, speakers.Distinct(StringComparer.Ordinal).Count());
        foreach (var select in new[] { "#f-subject", "#f-source" })
        {
            var options = await page.Locator($"{select} option").AllInnerTextsAsync();
            Assert.DoesNotContain(options, o => Regex.IsMatch(o, @"^(e|d)-[0-9a-f]{6,}$|^[a-z]+:[a-z0-9-]+$"));
        }
        // Provenance and mentions name documents by title, not by id.
        var named = await page.Locator("#provenance-list a, #claims a.mention").AllInnerTextsAsync();
        Assert.NotEmpty(named);
        Assert.DoesNotContain(named, n => Regex.IsMatch(n, @"^d-[0-9a-f]{6,}$"));

        // The filter form runs under the site's CSP: choosing a kind hides the other rows, and nothing is refused.
        var kinds = await page.Locator("#f-kind option").AllAsync();
        var kind = await kinds[^1].GetAttributeAsync("value");
        await page.SelectOptionAsync("#f-kind", kind!);
        var visibleKinds = await page.Locator("#claims tbody tr:not([hidden]) td:nth-child(4)").AllInnerTextsAsync();
        Assert.NotEmpty(visibleKinds);
        Assert.All(visibleKinds, k => Assert.Equal(kind, k));
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));

        var link = page.Locator("h3.speaker a").First;
        var speaker = await link.InnerTextAsync();
        await link.ClickAsync();
        await page.WaitForSelectorAsync("h1");
        Assert.Equal(speaker, await page.InnerTextAsync("h1"));
        Assert.NotEqual(0, await page.Locator("main .quote blockquote").CountAsync());
        var headings = await page.Locator("main h2").AllInnerTextsAsync();
        foreach (var section in new[] { "Quotes", "Claims", "Documents" })
            Assert.Contains(headings, h => Regex.IsMatch(h, $"^{section} \\([1-9][0-9]*\\)$"));
        var documents = await page.Locator("#entity-documents a").AllInnerTextsAsync();
        Assert.NotEmpty(documents);
        Assert.DoesNotContain(documents, d => Regex.IsMatch(d, @"^d-[0-9a-f]{6,}$"));
    }

    [Fact]
    public async Task The_report_file_names_speakers_and_documents_and_links_them_to_their_entries()
    {
        var page = await chromium.NewPage();
        await page.GotoAsync(await ReportFile());
        var speakers = await page.Locator("h4.speaker").AllInnerTextsAsync();
        Assert.NotEmpty(speakers);
        Assert.DoesNotContain(speakers, s => s.Contains(':', StringComparison.Ordinal) || Regex.IsMatch(s, @"\be-[0-9a-f]{6,}"));
        // Every named speaker links to its entry in the story's entity list, and that entry is there.
        var links = await page.Locator("h4.speaker a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(links);
        foreach (var href in links) Assert.Equal(1, await page.Locator($"[id='{href.TrimStart('#')}']").CountAsync());
        // Provenance rows and evidence name documents by title and link to their row in the document table.
        var provenance = page.Locator(".provenance-list a");
        Assert.NotEqual(0, await provenance.CountAsync());
        foreach (var a in await provenance.AllAsync())
        {
            Assert.DoesNotMatch(@"^d-[0-9a-f]{6,}$", await a.InnerTextAsync());
            var href = (await a.GetAttributeAsync("href"))!;
            Assert.Equal(1, await page.Locator($"[id='{href.TrimStart('#')}']").CountAsync());
        }
        // An aligned passage shows two different places: the citing words and the passage they point to, never one word twice.
        foreach (var item in await page.Locator(".provenance-list > li").AllAsync())
        {
            var excerpts = await item.Locator(".excerpt").AllInnerTextsAsync();
            Assert.Equal(excerpts.Count, excerpts.Distinct(StringComparer.Ordinal).Count());
        }
        // Long sections start folded, so one does not bury the next; printed, every section is there in full.
        var folds = await page.Locator("details.fold").AllAsync();
        Assert.NotEmpty(folds);
        foreach (var fold in folds)
        {
            var items = int.Parse(Regex.Match(await fold.Locator("summary").InnerTextAsync(), @"\(([0-9]+)\)\s*$").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(items <= 10, await fold.GetAttributeAsync("open") is not null);
        }
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('details.fold > :not(summary)')].filter(e => e.getClientRects().length === 0).length"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        // The claims tables carry time, kind, verdict and the source's title.
        var headers = await page.Locator("section table").First.Locator("thead th").AllInnerTextsAsync();
        foreach (var column in new[] { "Time", "Kind", "Verdict", "Evidence" }) Assert.Contains(column, headers);
    }

    [Fact]
    public async Task The_claims_table_has_time_kind_verdict_and_source_title_columns_and_sorts()
    {
        var page = await chromium.NewPage();
        await page.GotoAsync(Url(await StoryPath()));
        var headers = await page.Locator("#claims thead th").AllInnerTextsAsync();
        foreach (var column in new[] { "Time", "Kind", "Verdict", "Mentions" }) Assert.Contains(column, headers);
        var titles = await page.Locator("#documents-list li a").AllInnerTextsAsync();
        var sources = await page.Locator("#claims tbody a.mention").AllInnerTextsAsync();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Contains(s, titles));
        // A date or a kind reads on one line, never broken inside a word ("quanti / ty").
        var broken = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#claims tbody tr:not([hidden]) td:nth-child(3), #claims tbody tr:not([hidden]) td:nth-child(4)')]
              .filter(td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length > 1; }).map(td => td.textContent)
            """);
        Assert.Empty(broken);
        var verdict = headers.ToList().IndexOf("Verdict") + 1;
        await page.ClickAsync($"#claims thead th:nth-child({verdict}) button.sort");
        Assert.Equal("ascending", await page.GetAttributeAsync($"#claims thead th:nth-child({verdict})", "aria-sort"));
        var verdicts = await page.Locator($"#claims tbody tr:not([hidden]) td:nth-child({verdict})").AllInnerTextsAsync();
        Assert.Equal(verdicts.Order(StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true)), verdicts);
    }

    [Fact]
    public async Task The_story_and_entity_indexes_sort_and_filter()
    {
        var page = await chromium.NewPage();
        await page.GotoAsync(Url("/entities"));
        var total = await page.Locator("#entities tbody tr:not([hidden])").CountAsync();
        Assert.InRange(total, 2, 50);
        await page.ClickAsync("#entities thead th:nth-child(3) button.sort");
        var mentions = (await page.Locator("#entities tbody tr:not([hidden]) td:nth-child(3)").AllInnerTextsAsync()).Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(mentions.Order(), mentions);
        await page.ClickAsync("#entities thead th:nth-child(3) button.sort");
        mentions = (await page.Locator("#entities tbody tr:not([hidden]) td:nth-child(3)").AllInnerTextsAsync()).Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(mentions.OrderDescending(), mentions);
        var name = await page.Locator("#entities tbody tr:not([hidden]) td:first-child").First.InnerTextAsync();
        await page.FillAsync(".table-filter", name);
        var filtered = await page.Locator("#entities tbody tr:not([hidden])").AllInnerTextsAsync();
        Assert.InRange(filtered.Count, 1, total - 1);
        Assert.All(filtered, r => Assert.Contains(name, r, StringComparison.OrdinalIgnoreCase));

        await page.GotoAsync(Url("/"));
        var stories = await page.Locator("#stories tbody tr:not([hidden])").CountAsync();
        Assert.True(stories >= 1);
        await page.ClickAsync("#stories thead th:nth-child(2) button.sort");
        var counts = (await page.Locator("#stories tbody tr:not([hidden]) td:nth-child(2)").AllInnerTextsAsync()).Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.Order(), counts);
        await page.FillAsync(".table-filter", "no story is called this");
        Assert.Equal(0, await page.Locator("#stories tbody tr:not([hidden])").CountAsync());
    }

    [Fact]
    public async Task Evidence_is_coloured_by_kind_with_a_tooltip_and_a_link_to_its_claim()
    {
        var story = await Story();
        var page = await chromium.NewPage();
        // The story's document with the most kinds of evidence marked.
        var best = (Path: "", Kinds: 0);
        foreach (var id in story.GetProperty("documents").EnumerateArray().Select(d => d.GetString()!))
        {
            await page.GotoAsync(Url($"/documents/{Uri.EscapeDataString(id)}"));
            var kinds = await page.EvaluateAsync<int>("() => new Set([...document.querySelectorAll('#text mark')].map(m => m.className)).size");
            if (kinds > best.Kinds) best = (page.Url, kinds);
        }
        Assert.True(best.Kinds >= 3, "no document has three kinds of evidence marked");
        await page.GotoAsync(best.Path);
        // Each kind has its own colour, shown in the legend too, and every mark says what it is.
        var colours = await page.EvaluateAsync<string[][]>("() => [...new Set([...document.querySelectorAll('#text mark')].map(m => m.className))].map(k => [k, getComputedStyle(document.querySelector('#text mark.' + k)).backgroundColor])");
        Assert.Equal(colours.Length, colours.Select(c => c[1]).Distinct(StringComparer.Ordinal).Count());
        foreach (var kind in colours.Select(c => c[0])) Assert.Equal(1, await page.Locator($".legend mark.{kind}").CountAsync());
        Assert.Equal(0, await page.Locator("#text mark:not([title])").CountAsync());
        var title = await page.Locator("#text a.ev mark.ev-figure").First.GetAttributeAsync("title");
        Assert.StartsWith("figure: ", title, StringComparison.Ordinal);
        await page.Locator("#text a.ev mark.ev-figure").First.ClickAsync();
        await page.WaitForSelectorAsync("#text mark.active");
        Assert.Contains("?claim=", page.Url, StringComparison.Ordinal);
        Assert.Contains("marked in the text", await page.InnerTextAsync("main p.message"));
    }

    [Fact]
    public async Task Search_hits_are_named_by_document_title_and_speaker_not_by_id()
    {
        var quote = app.Store.LoadStory((await Story()).GetProperty("id").GetString()!)!.Quotes.First(q => q.Speaker is not null && q.Variants.Count > 0);
        var words = quote.Variants[0].Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsLetter)).OrderByDescending(w => w.Length).Take(3);
        var page = await chromium.NewPage();
        await page.GotoAsync(Url($"/search?q={Uri.EscapeDataString(string.Join(' ', words))}"));
        Assert.NotEqual(0, await page.Locator("li.hit-quote").CountAsync());
        foreach (var hit in await page.Locator("li.hit").AllInnerTextsAsync())
            Assert.DoesNotMatch(@"\b(e|d|q|c)-[0-9a-f]{6,}\b|\b(person|organization|org|place|other):[a-z0-9-]+", hit);
    }

    [Fact]
    public async Task Errors_have_a_body_api_errors_are_json_and_the_site_has_a_favicon()
    {
        var page = await chromium.NewPage();
        var missing = await page.GotoAsync(Url("/nope"));
        Assert.Equal(404, missing!.Status);
        Assert.Equal("Not found", await page.InnerTextAsync("main h1"));
        foreach (var (path, status) in new[] { ("/api/nope", 404), ("/api/search?limit=abc", 400), ("/api/search?q=x&limit=abc", 400), ("/api/stories/s-nope", 404) })
        {
            var response = await page.GotoAsync(Url(path));
            Assert.Equal(status, response!.Status);
            Assert.StartsWith("application/json", response.Headers["content-type"], StringComparison.Ordinal);
            var body = JsonDocument.Parse(await response.TextAsync()).RootElement;
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()), path);
        }
        await page.GotoAsync(Url("/"));
        var icon = await page.GetAttributeAsync("link[rel=icon]", "href");
        foreach (var path in new[] { icon!, "/favicon.ico" })
        {
            var response = await page.APIRequest.GetAsync(Url(path));
            Assert.Equal(200, response.Status);
            Assert.Contains("<svg", await response.TextAsync(), StringComparison.Ordinal);
        }
    }
}
