using Triangulate.Model;
using Triangulate.Report;

namespace Triangulate.Tests.Unit.Report;

public sealed class EvidenceTests
{
    private static Claim ClaimWith(string? modality) => new()
    {
        Id = "c-1",
        Kind = ClaimKind.Quantity,
        Text = "prisoners: at least one",
        Mentions = [new Mention { Span = new TextSpan("d-1", 0, 12) { Excerpt = "at least one" }, Modality = modality }],
        Sources = ["d-1"],
        IndependentSources = 1,
        Verdict = Verdict.SingleSource,
    };

    [Fact]
    public void A_claim_that_is_no_reported_fact_shows_its_modality_beside_its_verdict()
    {
        Assert.Equal("single-source (order)", Evidence.VerdictOf(ClaimWith("order")));
        Assert.Equal("single-source", Evidence.VerdictOf(ClaimWith(null)));
    }
}
