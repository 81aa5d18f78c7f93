using Microsoft.Playwright;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Web;

/// <summary>Drives Debian's chromium (never a downloaded browser) through the web app, saving a screenshot of each page.</summary>
public class BrowserTests(WebAppFixture app, ChromiumFixture chromium) : IClassFixture<WebAppFixture>, IClassFixture<ChromiumFixture>
{
    private const string Chromium = "/usr/bin/chromium";

    internal static async Task<(IPlaywright, IBrowser)> Launch()
    {
        if (!File.Exists(Chromium)) Assert.Fail($"{Chromium} is missing: install Debian's chromium (./test.sh does) to run the browser tests");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    internal static string Shot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);

    [Fact]
    public async Task A_reader_opens_a_story_clicks_a_claim_and_sees_its_evidence_marked_in_the_document()
    {
        var page = await chromium.NewPage(1100);
        await page.GotoAsync(app.BaseUrl);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("stories.png"), FullPage = true });
        await page.ClickAsync("text=The held territory");
        await page.WaitForSelectorAsync("#claims");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("story.png"), FullPage = true });

        await page.SelectOptionAsync("#f-verdict", "contested");
        Assert.Contains("claims shown", await page.InnerTextAsync("#claim-count"));
        await page.ClickAsync("#claims tbody tr:not([hidden]) a.mention");
        await page.WaitForSelectorAsync("mark.active");
        var marked = await page.InnerTextAsync("mark.active");
        Assert.Contains("square kilometers", marked);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("document.png"), FullPage = true });
    }

    [Fact]
    public async Task A_reader_searches_for_a_quote_and_finds_it()
    {
        var page = await chromium.NewPage();
        await page.GotoAsync(app.BaseUrl);
        await page.FillAsync("#q", "worsens with each passing day");
        await page.ClickAsync("header button[type=submit]");
        await page.WaitForSelectorAsync(".hit-quote");
        Assert.Contains("worsens", await page.InnerTextAsync(".hit-quote mark"), StringComparison.OrdinalIgnoreCase);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("search.png"), FullPage = true });
    }

    [Fact]
    public async Task A_reader_uploads_a_file_and_sees_it_appear()
    {
        var file = Path.Combine(app.Temp, "upload-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(file, "Browser upload headline\nTroops said they hold 800 square kilometers near the border.\n");
        var page = await chromium.NewPage();
        await page.GotoAsync(app.BaseUrl + "/upload");
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("#job-status[data-finished=done]", new PageWaitForSelectorOptions { Timeout = 30000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("upload.png"), FullPage = true });
        await page.ClickAsync("#job-documents a");
        Assert.Contains("Troops said they hold", await page.InnerTextAsync("#text"));
    }
}

/// <summary>The web app over the example as the real pipeline analyses it: what a user of the README's first command sees.</summary>
public class ExampleBrowserTests(ExampleWebAppFixture app, ChromiumFixture chromium) : IClassFixture<ExampleWebAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_example_story_page_charts_the_territory_series_and_explains_the_contradiction()
    {
        var page = await chromium.NewPage(1100);
        await page.GotoAsync(app.BaseUrl);
        await page.ClickAsync("main a[href^='/stories/']");
        await page.WaitForSelectorAsync("#claims");
        // The README's picture: rewritten only when asked, so a test run never changes a committed file.
        if (Environment.GetEnvironmentVariable("TRIANGULATE_UPDATE_SCREENSHOT") == "1")
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.RepoRoot, "docs", "screenshot-web.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserTests.Shot("example-story.png"), FullPage = true });

        Assert.Contains("over time", await page.InnerTextAsync("figure figcaption"));
        Assert.Equal(1, await page.Locator("figure svg.chart").CountAsync());
        var body = await page.InnerTextAsync("main");
        Assert.Contains("Solodchuk", body, StringComparison.Ordinal);
        Assert.Contains("Krynky", body, StringComparison.Ordinal);
        Assert.Contains("agrees", body, StringComparison.Ordinal);
    }
}
