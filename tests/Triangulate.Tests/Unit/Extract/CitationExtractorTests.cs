using Triangulate.Extract;
using Triangulate.Extract.Claims;
using Triangulate.Extract.Entities;
using Triangulate.Tests.Support;
using Triangulate.Text;

namespace Triangulate.Tests.Unit.Extract;

public sealed class CitationExtractorTests
{
    private static List<string> Outlets(string text)
    {
        var context = new ExtractionContext(Some.Document(text), new NewsSentenceSplitter());
        new EntityExtractor().Extract(context);
        new CitationExtractor().Extract(context);
        return [.. context.Citations.Select(c => c.Outlet)];
    }

    [Fact]
    public void AnAbbreviationDefinedInBracketsCitesNobody()
    {
        var outlets = Outlets("The fault sits in the Harbour Traffic Control System (HTCS), engineers said. Logs show the gap between 04:10 and 04:55 Eastern Standard Time (EST) on Monday.");

        Assert.Empty(outlets);
    }

    [Fact]
    public void AnAgencyTagInADatelineIsStillCited()
    {
        Assert.Equal(["AP"], Outlets("MARVALE (AP) — Flood water reached the town hall on Sunday."));
        Assert.Equal(["AFP"], Outlets("Port Sella (AFP) - The ferry resumed service."));
    }

    [Fact]
    public void APersonToldIsNoOutlet()
    {
        var outlets = Outlets("Lawyer Tom Brandt told County Court Judge Ellen Marsh that his client had left the state. Later, Mr. Brandt told the Valley Courier he would appeal. He also told Maria Costa he was sorry, and told Harbour Weekly on Sunday.");

        Assert.Equal(["Valley Courier", "Harbour Weekly"], outlets);
    }
}
