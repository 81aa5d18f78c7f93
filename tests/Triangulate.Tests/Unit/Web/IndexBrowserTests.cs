using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Triangulate.Model;
using Triangulate.Tests.Support;
using Triangulate.Web;

namespace Triangulate.Tests.Unit.Web;

/// <summary>The indexes with more rows than a page: sorted, filtered and paged in the browser.</summary>
public class IndexBrowserTests(WebAppFixture app, ChromiumFixture chromium) : IClassFixture<WebAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_documents_index_pages_fifty_rows_sorts_and_filters()
    {
        // Sixty small documents in one JSON Lines file, uploaded with two other files in one go (a multi-file upload).
        var folder = Path.Combine(app.Temp, "many-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var lines = Enumerable.Range(1, 60).Select(i => JsonSerializer.Serialize(new { title = $"Record {i:000}", text = $"Record {i:000} of a batch.\n\nThe town reported {i} new cases on Monday." }));
        var files = new[] { Path.Combine(folder, "batch.jsonl"), Path.Combine(folder, "one.txt"), Path.Combine(folder, "two.txt") };
        await File.WriteAllLinesAsync(files[0], lines);
        await File.WriteAllTextAsync(files[1], "First loose file\nThe bridge reopened to traffic on Tuesday.\n");
        await File.WriteAllTextAsync(files[2], "Second loose file\nThe library extended its opening hours on Wednesday.\n");
        var page = await chromium.NewPage();
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

    [Fact]
    public async Task Uploading_the_same_file_again_says_it_is_already_stored_and_the_page_says_analysed()
    {
        var file = Path.Combine(app.Temp, "again-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(file, "Uploaded twice\nThe ferry timetable changed on Sunday.\n");
        var page = await chromium.NewPage();
        var messages = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await page.GotoAsync(app.BaseUrl.TrimEnd('/') + "/upload");
            await page.SetInputFilesAsync("#file", file);
            await page.ClickAsync("main button[type=submit]");
            await page.WaitForSelectorAsync("#job-status[data-finished=done]", new PageWaitForSelectorOptions { Timeout = 30000 });
            // Once done, the heading no longer says it is still at work.
            Assert.StartsWith("Analysed", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
            messages.Add(await page.InnerTextAsync("#job-status"));
        }
        Assert.Contains("1 new document stored", messages[0], StringComparison.Ordinal);
        Assert.Contains("1 document already stored", messages[1], StringComparison.Ordinal);
        Assert.DoesNotContain("new document", messages[1], StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserTests.Shot("upload-again.png"), FullPage = true });
    }
}

/// <summary>Stores made for one question each, read in the browser: a story too long for one page, an entity with two spellings.</summary>
public class LargeStoryBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>Rows of the claims table a reader can see (laid out with a height), whatever the stylesheet does with hidden ones.</summary>
    private const string VisibleClaimRows = "() => [...document.querySelectorAll('#claims tbody tr')].filter(r => r.getClientRects().length > 0).length";

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task A_story_of_a_thousand_claims_shows_fifty_at_a_time_and_pages_sorts_and_filters(int width)
    {
        using var temp = new TempFolder();
        var documents = SomeDossier.SmallDocuments();
        var corpus = SomeDossier.For(documents);
        // Copies of the real claims, each its own id and words, so every row keeps genuine evidence.
        var claims = Enumerable.Range(0, 1000).Select(i => corpus.Claims[i % corpus.Claims.Count] with { Id = $"c-many-{i:0000}", Text = $"claim number {i:0000}" }).ToList();
        using var store = SomeDossier.Store(temp.File("t.db"), documents, corpus with { Claims = claims, Contradictions = [], Timeline = [], Series = [] });
        await using var served = await PerStoryServingTests.Start(store, new WebHostOptions { UploadFolder = temp.File("uploads") });
        var page = await chromium.NewPage(width);
        await page.GotoAsync(served.Http.BaseAddress!.ToString() + "stories/s-main");

        Assert.Equal(1000, await page.Locator("#claims tbody tr").CountAsync());
        Assert.Equal(50, await page.Locator("#claims tbody tr:not([hidden])").CountAsync());
        Assert.Equal(50, await page.EvaluateAsync<int>(VisibleClaimRows));
        Assert.Equal("Rows 1–50 of 1000", await page.InnerTextAsync(".pager .page-status"));
        Assert.Equal("1000 claims shown", await page.InnerTextAsync("#claim-count"));
        var first = await page.Locator("#claims tbody tr:not([hidden]) td:first-child").AllInnerTextsAsync();
        await page.ClickAsync(".pager .next");
        Assert.Equal("Rows 51–100 of 1000", await page.InnerTextAsync(".pager .page-status"));
        var second = await page.Locator("#claims tbody tr:not([hidden]) td:first-child").AllInnerTextsAsync();
        Assert.Equal(50, second.Count);
        Assert.Empty(first.Intersect(second, StringComparer.Ordinal));

        await page.ClickAsync("#claims thead th:first-child button.sort");
        await page.ClickAsync("#claims thead th:first-child button.sort");
        Assert.Equal("claim number 0999", await page.Locator("#claims tbody tr:not([hidden]) td:first-child").First.InnerTextAsync());
        await page.FillAsync(".table-filter", "claim number 012");
        Assert.Equal(10, await page.EvaluateAsync<int>(VisibleClaimRows));
        Assert.Equal("10 claims shown", await page.InnerTextAsync("#claim-count"));
        Assert.True(await page.Locator(".pager").IsHiddenAsync(), "the pager shows with every row on one page");
        var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scroll <= width, $"the page is {scroll} px wide at {width} px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserTests.Shot($"story-1000-claims-{width}.png"), FullPage = true });
    }

    [Fact]
    public async Task A_search_for_one_spelling_finds_the_article_that_uses_the_other()
    {
        using var temp = new TempFolder();
        // A made-up town that one outlet spells "Brightwater" and another transliterates "Braitvoter".
        var spelled = Some.DatedDocument("Floods reach Brightwater\nThe river burst its banks in Brightwater on Monday.\n", new DateOnly(2024, 3, 4), "a.txt") with { Title = "Floods reach the town" };
        var other = Some.DatedDocument("Markets steady\nTraders reported calm markets on Monday.\n", new DateOnly(2024, 3, 4), "b.txt") with { Title = "Markets steady" };
        var mentions = SomeDossier.Spans(spelled, "Brightwater").ToList();
        using var store = SomeDossier.Store(temp.File("t.db"), [spelled, other], new CorpusResult
        {
            Stories = [new Story { Id = "s-floods", Title = "Floods", Documents = [spelled.Id, other.Id] }],
            Entities = [new Entity { Id = "e-town", Name = "Brightwater", Aliases = ["Braitvoter"], Type = EntityType.Place, Mentions = mentions }],
        });
        await using var served = await PerStoryServingTests.Start(store, new WebHostOptions { UploadFolder = temp.File("uploads") });
        var page = await chromium.NewPage(390);
        await page.GotoAsync(served.Http.BaseAddress!.ToString());
        await page.FillAsync("#q", "Braitvoter");
        await page.ClickAsync("header button[type=submit]");
        await page.WaitForSelectorAsync("ol.hits");
        Assert.Equal(1, await page.Locator($"li.hit-document a[href='/documents/{Uri.EscapeDataString(spelled.Id)}']").CountAsync());
        Assert.Equal(0, await page.Locator($"li.hit a[href^='/documents/{Uri.EscapeDataString(other.Id)}']").CountAsync());
        Assert.Equal(1, await page.Locator("li.hit-entity a[href='/entities/e-town']").CountAsync());
        Assert.Contains("Floods reach the town", await page.InnerTextAsync("li.hit-document a"), StringComparison.Ordinal);
        await page.ClickAsync("li.hit-document a");
        Assert.Contains("Brightwater", await page.InnerTextAsync("#text"), StringComparison.Ordinal);
    }
}
