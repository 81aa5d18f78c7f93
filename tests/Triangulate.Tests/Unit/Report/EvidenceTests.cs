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

    [Theory]
    // A small measure in a large unit keeps its significant digits instead of rounding to nothing.
    [InlineData(0.000305, 0.000305, "0.000305 km")]
    [InlineData(0.0127, 0.0254, "0.0127–0.0254 km")]
    // Values of one and over keep thousands grouped and two decimals.
    [InlineData(1376, 1376, "1,376 km")]
    [InlineData(12.345, 12.345, "12.35 km")]
    [InlineData(0, 0, "0 km")]
    public void A_value_under_one_keeps_its_significant_digits(double low, double high, string expected) =>
        Assert.Equal(expected, Evidence.Value(new QuantityValue { Low = low, High = high, Unit = "km" }));
}
