using Triangulate.Reconcile;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Support.SomeClaims;

namespace Triangulate.Tests.Unit.Reconcile;

public sealed class TimelineStageTests
{
    [Fact]
    public void ALongSentenceIsCutBetweenWordsWithAnEllipsisNeverInsideAWord()
    {
        var filler = string.Concat(Enumerable.Repeat("the negotiators kept talking through the night ", 6));
        var text = "Intro. " + filler + "until March 3 when " + filler + "they stopped.";
        var at = text.IndexOf("March 3", StringComparison.Ordinal);

        var sentence = TimelineStage.SentenceAround(text, at, at + "March 3".Length);

        Assert.StartsWith("… ", sentence, StringComparison.Ordinal);
        Assert.EndsWith(" …", sentence, StringComparison.Ordinal);
        Assert.Contains("until March 3 when", sentence, StringComparison.Ordinal);
        // Every word kept is a whole word of the text.
        foreach (var word in sentence.Trim('…', ' ').Split(' ')) Assert.Contains(word, text.Split(' '));
    }

    [Fact]
    public void AShortSentenceIsKeptWholeWithoutEllipsis()
    {
        const string text = "Talks failed. The ceasefire began on March 3. Fighting resumed.";
        var at = text.IndexOf("March 3", StringComparison.Ordinal);

        Assert.Equal("The ceasefire began on March 3.", TimelineStage.SentenceAround(text, at, at + "March 3".Length));
    }

    [Fact]
    public void AnAbbreviationInsideTheSentenceDoesNotEndIt()
    {
        const string text = "Troops dug in. They hope to hold out until January, when the new U.S. envoy may arrive. Then talks begin.";
        var at = text.IndexOf("January", StringComparison.Ordinal);

        Assert.Equal("They hope to hold out until January, when the new U.S. envoy may arrive.", TimelineStage.SentenceAround(text, at, at + "January".Length));
    }

    [Fact]
    public void AnAgeIsNoTimelineEntryButTheEventBesideItIs()
    {
        var a = Document("Marta Velasquez was arrested on Sunday. The teacher, 41, lives nearby.", "Alpha");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "41", "Marta Velasquez", "age", 41, 41, "years", time: "2024-05-12"), Event(a, "Marta Velasquez was arrested", "arrest", "2024-05-12")]));
        var context = corpus.Context();

        new ClaimMatchingStage().Run(context);
        new TimelineStage().Run(context);

        var entry = Assert.Single(context.Timeline);
        Assert.Equal("Marta Velasquez was arrested", entry.Text);
    }

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

    [Fact]
    public void A_present_tense_lead_is_placed_at_the_inferred_publication_interval_and_a_past_lead_is_not()
    {
        var present = Document("Troops are experiencing setbacks as the other side presses forward.\n\nMore text.", "Alpha");
        var past = Document("Troops launched an offensive.\n\nMore text.", "Beta");
        var context = new InMemoryCorpus().Add(present).Add(past).Context();
        var interval = new Triangulate.Model.DateEstimate
        {
            Earliest = Triangulate.Model.PartialDate.Parse("2025-03-11"),
            Latest = Triangulate.Model.PartialDate.Parse("2025-03-25"),
            Basis = Triangulate.Model.DateBasis.Inferred,
        };
        context.InferredPublished[present.Id] = interval;
        context.InferredPublished[past.Id] = interval;

        new ClaimMatchingStage().Run(context);
        new TimelineStage().Run(context);

        var entry = Assert.Single(context.Timeline);
        Assert.StartsWith("Troops are experiencing", entry.Text, StringComparison.Ordinal);
        Assert.Equal("2025-03-11", entry.Start.ToString());
        Assert.Equal("2025-03-25", entry.End.ToString());
    }
}
