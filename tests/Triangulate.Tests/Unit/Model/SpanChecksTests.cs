using System.Text.Json.Nodes;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Model;

public sealed class SpanChecksTests
{
    private static readonly Dictionary<string, string> Texts = new() { ["d-1"] = "Twelve people were hurt." };

    [Fact]
    public void ASpanThatRoundTripsIsNotReported() =>
        Assert.Empty(SpanChecks.Broken(JsonNode.Parse("""{"claims":[{"mentions":[{"span":{"document":"d-1","start":0,"end":6,"excerpt":"Twelve"}}]}]}""")!, Texts));

    [Theory]
    [InlineData("""{"document":"d-1","start":0,"end":6,"excerpt":"Eleven"}""", "excerpt")]
    [InlineData("""{"document":"d-1","start":20,"end":60}""", "outside")]
    [InlineData("""{"document":"d-9","start":0,"end":1}""", "no document")]
    public void ABrokenSpanAnywhereIsReported(string span, string why)
    {
        var broken = SpanChecks.Broken(JsonNode.Parse($$"""{"quotes":[{"variants":[{"span":{{span}}}]}]}""")!, Texts).ToList();
        Assert.Contains(why, Assert.Single(broken), StringComparison.Ordinal);
    }
}
