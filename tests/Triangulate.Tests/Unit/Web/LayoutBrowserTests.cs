using System.Text.Json;
using Microsoft.Playwright;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Web;

/// <summary>
/// The example as the real pipeline analyses it, read as an analyst would: names rather than ids, pages that fit a
/// desktop and a phone screen, drawings whose text is not clipped, and scripts the site's own CSP lets run.
/// </summary>
public class LayoutBrowserTests(ExampleWebAppFixture app) : IClassFixture<ExampleWebAppFixture>
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

    private async Task<IReadOnlyList<string>> Paths()
    {
        var stories = JsonDocument.Parse(await app.Http.GetStringAsync("/api/stories")).RootElement;
        var story = stories[0];
        var entities = app.Store.LoadCorpus().Entities;
        return ["/", "/documents", "/entities", $"/stories/{story.GetProperty("id").GetString()}", $"/documents/{story.GetProperty("documents")[0].GetString()}", $"/entities/{entities[0].Id}"];
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Every_page_fits_the_screen_with_no_clipped_drawing_text(int width)
    {
        var (playwright, browser) = await BrowserTests.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var problems = new List<string>();
        foreach (var path in await Paths())
        {
            await page.GotoAsync(app.BaseUrl.TrimEnd('/') + path);
            var name = path.Trim('/').Replace('/', '-');
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserTests.Shot($"layout-{width}-{(name.Length == 0 ? "home" : name)}.png"), FullPage = true });
            var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (scroll > width) problems.Add($"{path}: page is {scroll} px wide at {width} px");
            foreach (var clipped in await page.EvaluateAsync<string[]>(ClippedSvgText)) problems.Add($"{path}: clipped SVG text {clipped}");
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_story_page_names_speakers_links_them_and_their_pages_list_their_quotes()
    {
        var (playwright, browser) = await BrowserTests.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(app.BaseUrl.TrimEnd('/') + (await Paths())[3]);

        var speakers = await page.Locator("h3.speaker").AllInnerTextsAsync();
        Assert.NotEmpty(speakers);
        // A name reads as words: no "person:jane-doe" local ids and no "e-0123abcd" corpus ids.
        Assert.DoesNotContain(speakers, s => s.Contains(':', StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(s, @"\be-[0-9a-f]{6,}"));
        Assert.Equal(speakers.Count, speakers.Distinct(StringComparer.Ordinal).Count());
        foreach (var select in new[] { "#f-subject", "#f-source" })
        {
            var options = await page.Locator($"{select} option").AllInnerTextsAsync();
            Assert.DoesNotContain(options, o => System.Text.RegularExpressions.Regex.IsMatch(o, @"^(e|d)-[0-9a-f]{6,}$|^[a-z]+:[a-z0-9-]+$"));
        }

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
    }
}

/// <summary>The indexes with more rows than a page: sorted, filtered and paged in the browser.</summary>
public class IndexBrowserTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_documents_index_pages_fifty_rows_sorts_and_filters()
    {
        var (playwright, browser) = await BrowserTests.Launch();
        using var _ = playwright;
        await using var __ = browser;
        // Sixty small documents in one JSON Lines file, uploaded with two other files in one go (a multi-file upload).
        var folder = Path.Combine(app.Temp, "many-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var lines = Enumerable.Range(1, 60).Select(i => JsonSerializer.Serialize(new { title = $"Record {i:000}", text = $"Record {i:000} of a batch.\n\nThe town reported {i} new cases on Monday." }));
        var files = new[] { Path.Combine(folder, "batch.jsonl"), Path.Combine(folder, "one.txt"), Path.Combine(folder, "two.txt") };
        await File.WriteAllLinesAsync(files[0], lines);
        await File.WriteAllTextAsync(files[1], "First loose file\nThe bridge reopened to traffic on Tuesday.\n");
        await File.WriteAllTextAsync(files[2], "Second loose file\nThe library extended its opening hours on Wednesday.\n");
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await page.GotoAsync(app.BaseUrl.TrimEnd('/') + "/upload");
        await page.SetInputFilesAsync("#file", files);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("#job-status[data-finished=done]", new PageWaitForSelectorOptions { Timeout = 60000 });
        Assert.Equal(62, await page.Locator("#job-documents li").CountAsync());
        Assert.StartsWith("Analysed", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Contains("62 new documents stored", await page.InnerTextAsync("#job-status"));

        await page.GotoAsync(app.BaseUrl.TrimEnd('/') + "/documents");
        var total = await page.Locator("#documents tbody tr").CountAsync();
        Assert.True(total > 62);
        Assert.Equal(50, await page.Locator("#documents tbody tr:not([hidden])").CountAsync());
        await page.ClickAsync(".pager .next");
        Assert.Equal(total - 50, await page.Locator("#documents tbody tr:not([hidden])").CountAsync());

        await page.ClickAsync("#documents thead th:first-child button.sort");
        var titles = await page.Locator("#documents tbody tr:not([hidden]) td:first-child").AllInnerTextsAsync();
        Assert.Equal(titles.Order(StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, ignoreCase: true)), titles);
        await page.ClickAsync("#documents thead th:first-child button.sort");
        Assert.Equal("descending", await page.GetAttributeAsync("#documents thead th:first-child", "aria-sort"));

        await page.FillAsync(".table-filter", "Record 05");
        var filtered = await page.Locator("#documents tbody tr:not([hidden]) td:first-child").AllInnerTextsAsync();
        Assert.Equal(["Record 059", "Record 058", "Record 057", "Record 056", "Record 055", "Record 054", "Record 053", "Record 052", "Record 051", "Record 050"], filtered);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserTests.Shot("documents-index.png"), FullPage = true });
    }
}
