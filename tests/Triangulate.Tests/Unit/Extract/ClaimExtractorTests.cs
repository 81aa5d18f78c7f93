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

    [Theory]
    [InlineData("Ana Ruiz, 41, of Harbour Lane, Lisbon was arrested on Monday.", "captured")]
    [InlineData("A woman walking near a Lisbon parking lot was killed when a van struck her.", "killed")]
    public void APlaceInTheSubjectsModifierIsNotKilledOrArrested(string sentence, string status)
    {
        var context = Run(sentence);
        var places = context.Entities.Where(e => e.Type == EntityType.Place).Select(e => e.Id).ToHashSet();
        Assert.Contains(context.Entities, e => e.Type == EntityType.Place && e.Name == "Lisbon");
        Assert.DoesNotContain(context.Claims, c => c.Kind == ClaimKind.Status && c.Status == status && places.Contains(c.Subject ?? ""));
    }

    [Fact]
    public void APlaceCanStillBeDestroyed()
    {
        var context = Run("Shelling overnight destroyed Riverton, the regional governor said.");
        Assert.Contains(context.Claims, c => c.Kind == ClaimKind.Status && c.Status == "destroyed" && c.Text.StartsWith("Riverton", StringComparison.Ordinal));
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

    /// <summary>The status claims the extractors find in <paramref name="text"/> (shared with <see cref="StatusBearerClauseTests"/>).</summary>
    internal static List<string> Statuses(string text) =>
        [.. Run(text).Claims.Where(c => c.Kind == ClaimKind.Status).Select(c => c.Text)];

    [Fact]
    public void APassiveStatusBelongsToTheSubject()
    {
        Assert.Contains("Anton Marek: killed", Statuses("General Anton Marek was killed in the strike on Tuesday."));
        Assert.Contains("Anton Marek: not-seen", Statuses("General Anton Marek has not been seen since the strike."));
    }

    [Theory]
    // A negative quantifier as the subject denies the status of those it names: no fate of "nobody" is stated.
    [InlineData("Nobody was hurt when the crane toppled onto the depot.", "anyone: not-wounded")]
    [InlineData("The ferry ran aground near the pier, but no one was killed.", "anyone: not-killed")]
    [InlineData("No passengers were injured in the collision on Thursday.", "passengers: not-wounded")]
    [InlineData("No one else was hurt when the barn burned down.", "anyone else: not-wounded")]
    public void ANegativeQuantifierSubjectNegatesTheStatus(string sentence, string expected)
    {
        var statuses = Statuses(sentence);
        Assert.Contains(expected, statuses);
        Assert.DoesNotContain(statuses, s => s.StartsWith("no", StringComparison.OrdinalIgnoreCase) || !s.Contains("not-", StringComparison.Ordinal));
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

    [Fact]
    public void TheSubjectStandsBeforeAnAppositiveOfAgeAndOrigin()
    {
        var statuses = Statuses("Police said Marta Velasquez, 41, of Brantwood, was arrested on Sunday.");
        Assert.Contains("Marta Velasquez: captured", statuses);
        Assert.DoesNotContain(statuses, s => s.StartsWith("Brantwood", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSubjectIsTheHeadBeforeItsPlace()
    {
        Assert.Equal(["A bakery: destroyed"], Statuses("A bakery in Oldcastle has been destroyed by fire."));
        Assert.Equal(["The pump station: damaged"], Statuses("The pump station near Calder Falls was damaged overnight."));
    }

    [Fact]
    public void ANameBeforeOfIsTheBearerNotThePlaceAfterIt()
    {
        var statuses = Statuses("The 70-year-old Oskar Brandt of Kelso was killed on the road.");
        Assert.Single(statuses, s => s.EndsWith("Oskar Brandt: killed", StringComparison.Ordinal));
        Assert.DoesNotContain(statuses, s => s.StartsWith("Kelso", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAdverbInsideTheVerbGroupIsNotTheSubject()
    {
        Assert.Equal(["The old horse: killed"], Statuses("The old horse had also been killed."));
        // The subject of "then was arrested" is in the clause before the comma: no guess from a name nearby.
        Assert.Empty(Statuses("Officer Dana Pryce said the driver sped off, then was arrested at a roadblock."));
        Assert.Contains(Statuses("Two guards could later be seen at the gate."), s => s.EndsWith("guards: seen", StringComparison.Ordinal));
    }

    [Fact]
    public void ASentenceThatSaysOneStatusOfOneBearerTwiceMakesOneClaim() =>
        Assert.Equal(["Marta Velasquez: seen"], Statuses("Marta Velasquez could be seen at the gate and Marta Velasquez could be seen at the door."));

    [Fact]
    public void ANamedSubjectOfAnIntransitiveVerbKeepsItsStatus()
    {
        Assert.Contains("Marek Novak: escaped", Statuses("Marek Novak fled the scene, but was arrested nearby."));
        Assert.Contains(Statuses("On Friday, 36-year-old Jan Kowalczyk died after slipping from a ridge."), s => s.EndsWith("Kowalczyk: killed", StringComparison.Ordinal));
    }

    [Fact]
    public void ACoordinatedSubjectIsNotCutAtItsConjunction() =>
        Assert.DoesNotContain(Statuses("The young teacher and mother of three died at the scene."), s => s.StartsWith("mother", StringComparison.Ordinal));

    [Fact]
    public void AnAdverbAfterTheVerbIsNotItsObject()
    {
        Assert.DoesNotContain(Statuses("Pedro Alves escaped, with his cousin arrested shortly afterwards."), s => s.StartsWith("shortly", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The three injured miners asked the company for privacy.")]
    [InlineData("The club moved its goalkeeper onto the list and put its striker on injured reserve.")]
    [InlineData("Volunteers came with wounded dogs from the shelter.")]
    public void AParticipleBeforeItsNounIsNoStatusOfAnyone(string sentence) => Assert.Empty(Statuses(sentence));

    [Theory]
    [InlineData("The keeper is survived by two daughters.")]
    [InlineData("The home side were eliminated from the cup on Saturday.")]
    [InlineData("The striker returned after missing three matches with a sore ankle.")]
    [InlineData("Analysts have seen several copies of the malware this week.")]
    public void OtherSensesOfStatusWordsSayNothingOfAFate(string sentence) => Assert.Empty(Statuses(sentence));

    [Fact]
    public void AnIntransitiveVerbBelongsToTheNounPhraseBeforeItNotToTheSpeaker()
    {
        Assert.DoesNotContain(Statuses("Nurse Carla Mendes said the second passenger died in hospital."), s => s.StartsWith("Carla", StringComparison.Ordinal));
        Assert.Equal(["Tomas Brenner: killed"], Statuses("Nurse Carla Mendes said Tomas Brenner died in hospital."));
    }
}
