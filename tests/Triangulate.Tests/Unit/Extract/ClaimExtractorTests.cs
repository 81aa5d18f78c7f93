using Triangulate.Extract;
using Triangulate.Extract.Claims;
using Triangulate.Extract.Entities;
using Triangulate.Extract.Quotes;
using Triangulate.Model;
using Triangulate.Tests.Support;
using Triangulate.Text;

namespace Triangulate.Tests.Unit.Extract;

public sealed class ClaimExtractorTests
{
    private static ExtractionContext Run(string text)
    {
        var context = new ExtractionContext(Some.Document(text), new NewsSentenceSplitter());
        new EntityExtractor().Extract(context);
        new QuoteExtractor().Extract(context);
        new ClaimExtractor().Extract(context);
        return context;
    }

    [Fact]
    public void AParentheticalSpeakerIsNotTheSubjectOfAnEventWithoutObject()
    {
        var context = Run("Last month, Oleh said, 400 to 500 North Korean troops launched an assault on Ukrainian positions.");
        Assert.DoesNotContain(context.Claims, c => c.Kind == ClaimKind.Event);
    }

    [Theory]
    // The actor is a river: it liberates nothing.
    [InlineData("After weeks of shelling near the Orange River liberated Upington, residents returned.")]
    // The entity after the verb sits behind another preposition: it is not what was launched.
    [InlineData("Chile initially launched the operation in March to relieve Arica.")]
    // The named person is not next to the verb: the troops regained the territory, not she.
    [InlineData("Troops sent after a deal with Maria Costa have steadily regained much of the land that Peru had held.")]
    public void AnEventWithoutItsAgentAndObjectNextToTheVerbIsNotMade(string sentence) =>
        Assert.DoesNotContain(Run(sentence).Claims, c => c.Kind == ClaimKind.Event);

    [Fact]
    public void AnEventAgentNamedByAPronounIsTheActorBeforeIt()
    {
        var context = Run("Chile said that it had recaptured the town of Arica overnight.");
        var claim = Assert.Single(context.Claims, c => c.Kind == ClaimKind.Event);
        Assert.Equal("Chile recaptured Arica", claim.Text);
    }

    [Fact]
    public void AnEventThatIsOnlyAnAimCarriesItsModality()
    {
        // The aim is not a report that it happened: it must not corroborate one that says it did.
        var aim = Assert.Single(Run("Chile wants to show that it has regained Arica before the summit.").Claims, c => c.Kind == ClaimKind.Event);
        Assert.Equal("plan", aim.Mention.Modality);
        var done = Assert.Single(Run("Chile said that it had recaptured the town of Arica overnight.").Claims, c => c.Kind == ClaimKind.Event);
        Assert.Null(done.Mention.Modality);
    }

    [Fact]
    public void ADeniedStatusCarriesItsModality()
    {
        var denied = Assert.Single(Run("The ministry denied that Jorge Paredes was killed in the raid.").Claims, c => c.Kind == ClaimKind.Status);
        Assert.Equal("denial", denied.Mention.Modality);
    }

    [Fact]
    public void AnEventWithAnObjectEntityIsKept()
    {
        var context = Run("Russia reported that it had shot down the first American ATACMS missiles a day after Washington gave the green light.");
        Assert.Contains(context.Claims, c => c.Kind == ClaimKind.Event && c.Text.Contains("ATACMS", StringComparison.Ordinal));
    }

    private static List<string> Statuses(string text) =>
        [.. Run(text).Claims.Where(c => c.Kind == ClaimKind.Status).Select(c => c.Text)];

    [Fact]
    public void APassiveStatusBelongsToTheSubject()
    {
        Assert.Contains("Anton Marek: killed", Statuses("General Anton Marek was killed in the strike on Tuesday."));
        Assert.Contains("Anton Marek: not-seen", Statuses("General Anton Marek has not been seen since the strike."));
    }

    [Fact]
    public void AnActiveTransitiveStatusBelongsToTheObjectNotTheSubject()
    {
        var statuses = Statuses("Government forces said they captured the town of Velmora this week.");
        Assert.Contains("Velmora: captured", statuses);
        Assert.DoesNotContain(statuses, s => s.StartsWith("Government", StringComparison.Ordinal));
    }

    [Fact]
    public void AStatusWordModifyingANounIsNoStatusOfAnyone()
    {
        Assert.Empty(Statuses("Kesovia envisioned using this captured territory as a negotiating chip in talks with Dravia."));
    }

    [Fact]
    public void ThePersonOfAnotherClauseDoesNotTakeTheStatus()
    {
        Assert.DoesNotContain(Statuses("The troops gave the prisoner first aid, Oleh said, but the soldier died of his wounds."), s => s.StartsWith("Oleh", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSubjectOfARaisedPassiveIsTheNounPhraseNotTheVerbChain()
    {
        Assert.Contains("Ukrainian soldiers: killed", Statuses("As many as 1,000 Ukrainian soldiers are thought to have been killed."));
    }

    [Fact]
    public void AnActiveVerbsObjectIsTheCountedNounNotThePlaceAfterIt()
    {
        var statuses = Statuses("Floods have killed at least 14 people in the Vessa region of northern Dravia.");
        Assert.Contains("people: killed", statuses);
        Assert.DoesNotContain(statuses, s => s.Contains("Vessa", StringComparison.Ordinal) || s.Contains("Dravia", StringComparison.Ordinal));
    }

    [Fact]
    public void AnElidedBearerBorrowsTheNounOfTheStatusBeforeIt()
    {
        var statuses = Statuses("Police said two people were killed and at least 11 injured when rival groups clashed outside Nyora.");
        Assert.Contains("people: killed", statuses);
        Assert.Contains("people: wounded", statuses);
        Assert.DoesNotContain(statuses, s => s.StartsWith("Police", StringComparison.Ordinal) || s.StartsWith("Nyora", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSubjectIsTheHeadOfItsNounPhraseNotItsModifiers()
    {
        Assert.Equal(["A convoy: damaged"], Statuses("A convoy of 15 trucks carrying food aid was damaged in a separate strike."));
        Assert.Equal(["people: killed"], Statuses("Tens of thousands of people have been killed since the war began."));
        Assert.Equal(["a 12-year-old boy: killed"], Statuses("The strike killed a 12-year-old boy in the village."));
    }

    [Fact]
    public void AReflexiveObjectGivesTheStatusToTheSubject()
    {
        Assert.Contains("Other troops: killed", Statuses("Other troops have killed themselves with grenades rather than surrender."));
    }

    [Fact]
    public void BeingAmongTheInjuredIsBeingInjured()
    {
        Assert.Contains("A police officer: wounded", Statuses("A police officer was among the injured, the commander said."));
    }

    [Fact]
    public void AParticipleAfterASuperlativeModifiesTheNounAfterIt()
    {
        Assert.Empty(Statuses("Velmora, the region's largest captured settlement, lies on the river."));
    }
}
