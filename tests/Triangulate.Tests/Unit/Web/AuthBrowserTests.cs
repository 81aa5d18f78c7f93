using Microsoft.Playwright;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Support.AccountsWebAppFixture;

namespace Triangulate.Tests.Unit.Web;

/// <summary>Signing in, uploading and signing out in Debian's chromium, under the app's Content-Security-Policy.</summary>
public sealed class AuthBrowserTests(AccountsWebAppFixture app) : IClassFixture<AccountsWebAppFixture>
{
    [Fact]
    public async Task A_writer_signs_in_uploads_and_signs_out_and_a_reader_is_not_offered_the_upload()
    {
        var (playwright, browser) = await BrowserTests.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var refusals = new List<string>();
        await using var writer = await browser.NewContextAsync();
        var page = await writer.NewPageAsync();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refusals.Add(message.Text); };

        await page.GotoAsync(app.BaseUrl + "/upload");
        Assert.EndsWith("/login?returnUrl=%2Fupload", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#name", Writer);
        await page.FillAsync("#password", WriterPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("#file");
        Assert.EndsWith("/upload", page.Url, StringComparison.Ordinal);
        Assert.Contains(Writer, await page.InnerTextAsync("header li.session"));

        var file = Path.Combine(app.Temp, "signed-in-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(file, "Signed-in upload\nThe tram line reopened on Thursday after repairs.\n");
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("#job-status[data-finished=done]", new PageWaitForSelectorOptions { Timeout = 30000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserTests.Shot("signed-in-upload.png"), FullPage = true });

        await page.ClickAsync("header li.session a");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("#password");
        await page.GotoAsync(app.BaseUrl + "/");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);

        await using var reader = await browser.NewContextAsync();
        var readerPage = await reader.NewPageAsync();
        await readerPage.GotoAsync(app.BaseUrl + "/login");
        await readerPage.FillAsync("#name", Reader);
        await readerPage.FillAsync("#password", ReaderPassword);
        await readerPage.ClickAsync("main button[type=submit]");
        await readerPage.WaitForSelectorAsync("header li.session");
        Assert.Contains("reader", await readerPage.InnerTextAsync("header li.session"));
        Assert.Equal(0, await readerPage.Locator("header nav a[href='/upload']").CountAsync());
        Assert.Empty(refusals);
    }
}
