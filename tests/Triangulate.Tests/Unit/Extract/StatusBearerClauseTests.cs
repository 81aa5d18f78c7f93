namespace Triangulate.Tests.Unit.Extract;

/// <summary>
/// Whose status a passive or intransitive status word states: its clause's subject noun phrase, never a place or a
/// person behind a preposition, a measure ("for 35 years"), a nationality adjective, or words after the head.
/// </summary>
public sealed class StatusBearerClauseTests
{
    private static List<string> Statuses(string text) => ClaimExtractorTests.Statuses(text);

    [Theory]
    // A relative pronoun stands for the noun phrase before it: the store is destroyed, not the spokeswoman's force.
    [InlineData("A Northvale Police spokeswoman said: \"The fire has spread rapidly through the store which is almost totally destroyed.", "the store: destroyed")]
    [InlineData("Firefighters reached the warehouse, which was destroyed by the blaze.", "the warehouse: destroyed")]
    // A prepositional phrase after the subject is its modifier, however many there are.
    [InlineData("Calls were cut after three submarine cables between Corvia and Dalmont in the Western Sea were damaged.", "submarine cables: damaged")]
    // Words after the head that are no part of the phrase: an adverb, a day.
    [InlineData("Brandt initially was hurt in an overtime loss to the Hawks in Week 3.", "Brandt: wounded")]
    [InlineData("A gunman killed one person and injured two others Monday at the office, police said.", "others: wounded")]
    public void TheBearerIsTheHeadOfTheClausesSubject(string sentence, string expected)
    {
        var statuses = Statuses(sentence);
        Assert.True(statuses.Contains(expected), string.Join(" | ", statuses));
    }

    [Theory]
    // A place after a preposition ("transported to X") is where the bearer was taken, not the bearer.
    [InlineData("By the time it arrived, the man had been flown to Glenfield Village by a local helicopter service and had been pronounced dead by paramedics.", "Glenfield")]
    // A measure behind "for" is how long, not what was eliminated.
    [InlineData("Some independent reviews that scientists have performed for 35 years are being eliminated.", "years")]
    // A nationality adjective modifies the head noun after it.
    [InlineData("The navy said it has captured 23 Kenyan and Tanzanian pirates who attacked a merchant vessel.", "Kenyan:")]
    // A relative clause inside the subject holds no bearer of the main verb.
    [InlineData("A man suspected of shooting three people at a firm where he was fired last week was arrested after a chase.", "fired")]
    public void NoPrepositionalObjectMeasureOrModifierBearsTheStatus(string sentence, string wrong)
    {
        var statuses = Statuses(sentence);
        Assert.DoesNotContain(statuses, s => s.StartsWith(wrong, StringComparison.Ordinal));
    }

    // Issue 15, session 30: a pronoun in a reported clause is not given to who reports it.
    [Fact]
    public void APronounInAReportedClauseIsNotTheReporter()
    {
        var statuses = Statuses("Tomas Varga fell from the ridge on Friday. Marco Lind said that rescuers tried to carry him down the glacier, but that he died on the way.");
        Assert.DoesNotContain(statuses, s => s.StartsWith("Marco Lind", StringComparison.Ordinal));
    }

    [Fact]
    public void APronounOutsideAReportedClauseIsTheLastPersonNamed()
    {
        var statuses = Statuses("Tomas Varga fell from the ridge on Friday. Marco Lind reached him an hour later, but he died on the way.");
        Assert.True(statuses.Contains("Marco Lind: killed"), string.Join(" | ", statuses));
    }

    [Fact]
    public void PiratesOfTwoNationsAreThePiratesCaptured()
    {
        var statuses = Statuses("The navy said it has captured 23 Kenyan and Tanzanian pirates who attacked a merchant vessel.");
        Assert.True(statuses.Any(s => s.EndsWith("Tanzanian pirates: captured", StringComparison.Ordinal)), string.Join(" | ", statuses));
    }

    [Theory]
    // "escaped" with what it avoids for its object says nothing of a flight.
    [InlineData("Relatives said it was wrong that Harlan Voss had escaped the death penalty.")]
    [InlineData("The driver escaped serious injury when the truck overturned.")]
    public void EscapingAPenaltyOrHarmIsNoEscape(string sentence)
    {
        var statuses = Statuses(sentence);
        Assert.DoesNotContain(statuses, s => s.EndsWith(": escaped", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Harlan Voss escaped from custody at the courthouse during his trial.")]
    [InlineData("Harlan Voss escaped custody and shot a deputy.")]
    [InlineData("Harlan Voss escaped and went on a spree.")]
    public void AFlightFromCustodyIsStillAnEscape(string sentence)
    {
        var statuses = Statuses(sentence);
        Assert.Contains(statuses, s => s.EndsWith(": escaped", StringComparison.Ordinal));
    }
}
