using Triangulate.Reconcile;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Support.SomeClaims;

namespace Triangulate.Tests.Unit.Reconcile;

public sealed class TimelineStageTests
{
    [Fact]
    public void DatedClaimsAreInDateOrderAndOneEventReportedTwiceIsOneEntryWithBothDocuments()
    {
        var a = Document("The bridge was destroyed by a missile strike. The offensive began.", "Alpha");
        var b = Document("A missile strike destroyed the bridge, the bridge was destroyed by a missile.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Event(a, "The bridge was destroyed by a missile strike", "bridge", "2024-11-02"), Event(a, "The offensive began", "offensive", "2024-08-06")]))
            .Add(b, Analysis(b, [Event(b, "the bridge was destroyed by a missile", "bridge", "2024-11-02")]));
        var context = corpus.Context();

        new ClaimMatchingStage().Run(context);
        new TimelineStage().Run(context);

        Assert.Equal(2, context.Timeline.Count);
        Assert.Equal("The offensive began", context.Timeline[0].Text);
        Assert.Equal(2, context.Timeline[1].Documents.Count);
    }
}
