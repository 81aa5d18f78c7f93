using Microsoft.Playwright;
using Triangulate.Report;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Web;

/// <summary>The HTML report file in a browser: long sections folded on screen, every one unfolded in print.</summary>
public class ReportFoldBrowserTests
{
    [Fact]
    public async Task A_long_section_is_folded_on_screen_and_printed_in_full()
    {
        using var temp = new TempFolder();
        var docs = Enumerable.Range(1, 12)
            .Select(i => Some.DatedDocument($"Report number {i}.\nTroops hold 800 square kilometres of the region, officials said.\n", new DateOnly(2024, 11, i), $"r{i}.txt") with { Title = $"Report {i}" })
            .ToList();
        using (var store = SomeDossier.Store(temp.File("t.db"), docs))
            await File.WriteAllTextAsync(temp.File("dossier.html"), SomeDossier.Write(new HtmlReportWriter(), store));
        var html = await File.ReadAllTextAsync(temp.File("dossier.html"));
        var folded = System.Text.RegularExpressions.Regex.Match(html, "<details class=\"fold\"><summary><h3>Documents \\(([0-9]+)\\)</h3></summary>");
        Assert.True(folded.Success, "the story's document list is folded");
        Assert.True(int.Parse(folded.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 10);
        Assert.Contains("<details class=\"fold\" open><summary><h3>Timeline (1)</h3></summary>", html);

        var (playwright, browser) = await BrowserTests.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(temp.File("dossier.html")).AbsoluteUri);
        var row = page.Locator("details.fold tr[id^='doc-']").First;
        Assert.False(await row.IsVisibleAsync());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.True(await row.IsVisibleAsync());
    }
}
