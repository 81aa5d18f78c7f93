using Triangulate.Extract.Claims;

namespace Triangulate.Tests.Unit.Extract;

public sealed class ClaimModalityTests
{
    [Theory]
    [InlineData("Guards were told to bring back at least one sample from the site.", "one sample", "order")]
    [InlineData("The ministry plans to hire 500 guards next year.", "500 guards", "plan")]
    [InlineData("The carrier will add 12 routes in spring.", "12 routes", "plan")]
    [InlineData("Analysts said losses could reach 3,000 jobs.", "3,000 jobs", "hypothetical")]
    [InlineData("The company denied that 40 workers were hurt.", "40 workers", "denial")]
    [InlineData("Rescuers said 300 people were evacuated overnight.", "300 people", null)]
    // A clause break ends a cue's reach: the plan is in the clause before, the count is reported.
    [InlineData("The mayor will speak on Friday; 20 houses burned.", "20 houses", null)]
    public void TheNearestCueInTheClauseGivesTheModality(string sentence, string figure, string? modality) =>
        Assert.Equal(modality, ClaimModality.Of(sentence, 0, sentence.IndexOf(figure, StringComparison.Ordinal)));

    [Fact]
    public void AnOrderIsNotMatchedWithTheCountItAskedFor()
    {
        var analysis = new Triangulate.Extract.DocumentExtractor(new Triangulate.Text.NewsSentenceSplitter(), [new Triangulate.Extract.Quantities.QuantityExtractor()])
            .Extract(Support.Some.Document("Patrols were ordered to seize at least two boats. The navy seized two boats on Sunday."));
        var modalities = analysis.Claims.Where(c => c.Kind == Triangulate.Model.ClaimKind.Quantity).Select(c => c.Mention.Modality).ToList();
        Assert.Equal(["order", null], modalities);
    }
}
