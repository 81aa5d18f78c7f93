using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Web;

/// <summary>A document page over the example analysed by the real pipeline: evidence marked by kind, with a tooltip and a link.</summary>
public class EvidenceMarksTests(ExampleWebAppFixture app) : IClassFixture<ExampleWebAppFixture>
{
    [Fact]
    public async Task Evidence_is_marked_by_kind_with_a_tooltip_and_a_link_to_its_claim()
    {
        var story = Assert.Single(app.Store.ReadStories(), s => s.Documents.Count > 1);
        var findings = app.Store.LoadStory(story.Id)!;
        var figure = findings.Claims.First(c => c.Kind == ClaimKind.Quantity && c.Mentions.Count > 0);
        var document = figure.Mentions[0].Span.Document;

        var html = await app.Http.GetStringAsync($"/documents/{Uri.EscapeDataString(document)}");

        // The figure's characters are a figure mark, titled with what was found, inside a link to the claim.
        Assert.Contains($"href=\"/documents/{Uri.EscapeDataString(document)}?claim={Uri.EscapeDataString(figure.Id)}#mention\"><mark class=\"ev-figure\" title=\"figure: ", html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"ev-entity\" title=\"", html, StringComparison.Ordinal);
        // The legend names each kind present.
        Assert.Contains("<mark class=\"ev-figure\">figure</mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_mark_names_its_speaker_never_an_entity_id()
    {
        var quoted = app.Store.ReadStories().SelectMany(s => app.Store.LoadStory(s.Id)!.Quotes).SelectMany(q => q.Variants).Select(v => v.Span.Document).Distinct().ToList();
        Assert.NotEmpty(quoted);
        foreach (var document in quoted)
        {
            var html = await app.Http.GetStringAsync($"/documents/{Uri.EscapeDataString(document)}");
            Assert.Contains("title=\"quote: ", html, StringComparison.Ordinal);
            Assert.DoesNotContain("title=\"quote: person:", html, StringComparison.Ordinal);
        }
    }
}
