using Microsoft.Playwright;
using Triangulate.Tests.Unit.Web;

namespace Triangulate.Tests.Support;

/// <summary>
/// One headless Debian chromium for a whole test class: starting the browser is most of a browser test's time, so a
/// class's tests share it and each opens its own page (a fresh context, so no cookies or storage leak between tests).
/// </summary>
#pragma warning disable CA1001 // xunit disposes fixtures through IAsyncLifetime.DisposeAsync.
public sealed class ChromiumFixture : IAsyncLifetime
#pragma warning restore CA1001
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => (_playwright, Browser) = await BrowserTests.Launch();

    /// <summary>A page in a fresh context at <paramref name="width"/> px wide.</summary>
    public async Task<IPage> NewPage(int width = 1400) =>
        await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
