using System.Text.RegularExpressions;
using Triangulate.Tests.Support;
using Triangulate.Web;

namespace Triangulate.Tests.Unit.Web;

/// <summary>The entities list over the example analysed by the real pipeline, read in server pages.</summary>
public partial class EntityPagingTests(ExampleWebAppFixture app) : IClassFixture<ExampleWebAppFixture>
{
    [Fact]
    public async Task The_entities_list_comes_in_pages_most_mentioned_first_with_a_link_to_the_next()
    {
        await using var paged = await PerStoryServingTests.Start(app.Store, new WebHostOptions { ListPageSize = 2 });
        var expected = app.Store.LoadCorpus().Entities;
        Assert.True(expected.Count > 2, "the example has more entities than one page");
        var seen = new List<(string Id, int Mentions)>();
        string? path = "/entities";
        while (path is not null)
        {
            var html = await paged.Http.GetStringAsync(path);
            Assert.Contains($"<h1>Entities ({expected.Count})</h1>", html, StringComparison.Ordinal);
            var rows = EntityRow().Matches(html).Select(m => (Uri.UnescapeDataString(m.Groups[1].Value), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
            Assert.InRange(rows.Count, 1, 2);
            seen.AddRange(rows);
            path = NextLink().Match(html) is { Success: true } next ? next.Groups[1].Value : null;
        }
        Assert.Equal(expected.Select(e => e.Id).Order(StringComparer.Ordinal), seen.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(seen.Select(e => e.Mentions).OrderDescending(), seen.Select(e => e.Mentions));
        Assert.All(seen, e => Assert.Equal(expected.Single(x => x.Id == e.Id).Mentions.Count, e.Mentions));
    }

    [GeneratedRegex("<tr><td><a href=\"/entities/([^\"]+)\">[^<]*</a></td><td>[a-z]+</td><td>([0-9]+)</td>")]
    private static partial Regex EntityRow();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\">")]
    private static partial Regex NextLink();
}
