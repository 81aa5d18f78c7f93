using Triangulate.Model;
using Triangulate.Reconcile;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Support.SomeClaims;

namespace Triangulate.Tests.Unit.Reconcile;

/// <summary>
/// Claim matching joins two figures only when they are one fact: the same thing counted (a subject, or for figures
/// without one the words of their sentences), values that are one figure, subjects that name the same thing.
/// </summary>
public sealed class FigureIdentityTests
{
    private static List<Claim> Match(params (Document Document, ClaimDraft Draft)[] items)
    {
        var corpus = new InMemoryCorpus();
        foreach (var (document, draft) in items) corpus.Add(document, Analysis(document, [draft]));
        var context = corpus.Context();
        new ClaimMatchingStage().Run(context);
        return [.. context.Claims];
    }

    /// <summary>A figure draft with no subject: its keys only name the measure, as the extractor writes them.</summary>
    private static ClaimDraft Unnamed(Document document, string phrase, string measure, double value, string unit) =>
        Quantity(document, phrase, measure, measure, value, value, unit) with { Subject = null, Keys = [measure] };

    [Fact]
    public void TheSameRoundSumWithoutASubjectInUnrelatedSentencesIsTwoClaims()
    {
        var a = Document("The harbour board approved a dredging contract worth $40 million on Tuesday.", "Alpha");
        var b = Document("The new museum wing cost $40 million, its director said.", "Beta");

        var claims = Match((a, Unnamed(a, "$40 million", "money", 40_000_000, "USD")), (b, Unnamed(b, "$40 million", "money", 40_000_000, "USD")));

        Assert.Equal(2, claims.Count);
        Assert.All(claims, c => Assert.Equal(Verdict.SingleSource, c.Verdict));
    }

    [Fact]
    public void TheSameRoundSumWithoutASubjectInAlikeSentencesIsOneClaim()
    {
        var a = Document("The harbour board approved a dredging contract worth $40 million on Tuesday.", "Alpha");
        var b = Document("A $40 million dredging contract was approved by the harbour board.", "Beta");

        var claim = Assert.Single(Match((a, Unnamed(a, "$40 million", "money", 40_000_000, "USD")), (b, Unnamed(b, "$40 million", "money", 40_000_000, "USD"))));

        Assert.Equal(Verdict.Corroborated, claim.Verdict);
    }

    [Fact]
    public void APreciseFigureWithoutASubjectIsOneClaimEvenInUnlikeSentences()
    {
        var a = Document("Season passes for the lakeside festival: €129.50", "Alpha");
        var b = Document("Organisers said sales open on Monday, starting at €129.50.", "Beta");

        var claim = Assert.Single(Match((a, Unnamed(a, "€129.50", "money", 129.5, "EUR")), (b, Unnamed(b, "€129.50", "money", 129.5, "EUR"))));

        Assert.Equal(2, claim.Sources.Count);
    }

    [Theory]
    [InlineData("12 survivors", 12d, "13 survivors", 13d)]
    [InlineData("$70 million", 70_000_000d, "$80 million", 80_000_000d)]
    public void FiguresThatOnlyMeetAtTheirRoundingMarginsAreTwoClaims(string first, double x, string second, double y)
    {
        var a = Document("Rescuers reached " + first + " by nightfall.", "Alpha");
        var b = Document("Rescuers reached " + second + " by nightfall.", "Beta");

        var claims = Match((a, Quantity(a, first, "rescue total", "count", x, x)), (b, Quantity(b, second, "rescue total", "count", y, y)));

        Assert.Equal(2, claims.Count);
    }

    [Fact]
    public void ABoundAndTheFigureAtItAreOneClaim()
    {
        var a = Document("At least 3 barges sank in the storm.", "Alpha");
        var b = Document("Three barges sank in the storm.", "Beta");

        var claim = Assert.Single(Match((a, Quantity(a, "At least 3 barges", "barges sank", "count", 3, null)), (b, Quantity(b, "Three barges", "barges sank", "count", 3, 3))));

        Assert.Equal(Verdict.Corroborated, claim.Verdict);
    }

    // Issue 15, session 30: a bound is the range its writer means, up to the next step of its last digit.
    [Theory]
    [InlineData("More than 5 rounds were fought in the bout.", "More than 5 rounds", 5, "Seven rounds were fought in the bout.", "Seven rounds", 7, 2)]
    [InlineData("More than 50 rounds were fought in the bout.", "More than 50 rounds", 50, "Some 54 rounds were fought in the bout.", "54 rounds", 54, 1)]
    [InlineData("Over 100 rounds were fought in the bout.", "Over 100 rounds", 100, "A total of 162 rounds were fought in the bout.", "162 rounds", 162, 1)]
    public void ABoundCorroboratesOnlyAFigureInTheRangeItsWriterMeans(string first, string bounded, double bound, string second, string written, double value, int claims)
    {
        var a = Document(first, "Alpha");
        var b = Document(second, "Beta");

        var found = Match((a, Quantity(a, bounded, "rounds", "count", bound, null)), (b, Quantity(b, written, "rounds", "count", value, value)));

        Assert.Equal(claims, found.Count);
    }

    [Fact]
    public void AFigureSaidOfEachMemberOfAGroupIsNotOneMembersFigure()
    {
        var a = Document("The Hawks gave their two backs over 100 yards each.", "Alpha");
        var b = Document("The Hawks gave their two backs over 100 yards.", "Beta");

        var found = Match((a, Quantity(a, "over 100 yards", "yards", "count", 100, null)), (b, Quantity(b, "over 100 yards", "yards", "count", 100, null)));

        Assert.Equal(2, found.Count);
    }

    [Fact]
    public void SubjectsThatDifferInTheNamesTheyGiveAreDifferentSubjects()
    {
        var a = Document("A magnitude 5.1 tremor shook the Varn valley on Sunday.", "Alpha");
        var b = Document("A magnitude 5.1 tremor shook the Osk valley on Sunday.", "Beta");

        var claims = Match((a, Quantity(a, "5.1", "tremor shook the Varn valley", "magnitude", 5.1, 5.1)), (b, Quantity(b, "5.1", "tremor shook the Osk valley", "magnitude", 5.1, 5.1)));

        Assert.Equal(2, claims.Count);
    }

    [Fact]
    public void SubjectsThatShareTheirNamesStillMatch()
    {
        var a = Document("A magnitude 5.1 tremor shook the Varn valley on Sunday.", "Alpha");
        var b = Document("A magnitude 5.1 tremor rattled the Varn valley on Sunday.", "Beta");

        var claim = Assert.Single(Match((a, Quantity(a, "5.1", "tremor shook the Varn valley", "magnitude", 5.1, 5.1)), (b, Quantity(b, "5.1", "tremor rattled the Varn valley", "magnitude", 5.1, 5.1))));

        Assert.Equal(2, claim.Sources.Count);
    }

    [Fact]
    public void SumsOfferedByTwoNamedPartiesAreTwoClaimsEvenThroughAnUnnamedMention()
    {
        var a = Document("The Rovers have bid £40 million for the goalkeeper.", "Alpha");
        var b = Document("The Wanderers have offered £40 million for the goalkeeper.", "Beta");
        var c = Document("A bid of £40 million for the goalkeeper was made on Monday.", "Gamma");
        var d = Document("Local papers said the Rovers had offered £40 million for the keeper.", "Delta");

        var claims = Match(
            (a, Unnamed(a, "£40 million", "money", 40_000_000, "GBP")),
            (b, Unnamed(b, "£40 million", "money", 40_000_000, "GBP")),
            (c, Unnamed(c, "£40 million", "money", 40_000_000, "GBP")),
            (d, Unnamed(d, "£40 million", "money", 40_000_000, "GBP")));

        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(a.Id) && claim.Sources.Contains(b.Id));
        Assert.Contains(claims, claim => claim.Sources.Contains(a.Id) && claim.Sources.Contains(d.Id));
    }

    [Fact]
    public void ABoundCorroboratesOnlyAFigureOfTheSameSubject()
    {
        var a = Document("The striker has scored at least 20 goals in each of his four seasons here.", "Alpha");
        var b = Document("The striker scored 24 goals last season.", "Beta");
        var c = Document("The striker has scored at least 15 home goals in each of his four seasons here.", "Gamma");

        var claims = Match(
            (a, Quantity(a, "at least 20 goals", "goals", "count", 20, null, "items")),
            (b, Quantity(b, "24 goals", "goals", "count", 24, 24, "items")),
            (c, Quantity(c, "at least 15 home goals", "home goals", "count", 15, null, "items")));

        Assert.Contains(claims, claim => claim.Sources.Contains(a.Id) && claim.Sources.Contains(b.Id));
        // "home goals" contains "goals", but a bound with another subject and another number is another statement.
        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(c.Id) && claim.Sources.Count > 1);
    }

    [Fact]
    public void ABoundWithoutASubjectCorroboratesOnlyASumWritingItsNumber()
    {
        var a = Document("The council could spend as much as £90 million on the new bridge.", "Alpha");
        var b = Document("The council will spend £86 million on the new bridge.", "Beta");
        var c = Document("The council could spend up to £90 million on the new bridge, officials said.", "Gamma");

        var claims = Match(
            (a, Unnamed(a, "as much as £90 million", "money", 90_000_000, "GBP") with { Value = new QuantityValue { Low = null, High = 90_000_000, Unit = "GBP" } }),
            (b, Unnamed(b, "£86 million", "money", 86_000_000, "GBP")),
            (c, Unnamed(c, "up to £90 million", "money", 90_000_000, "GBP") with { Value = new QuantityValue { Low = null, High = 90_000_000, Unit = "GBP" } }));

        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(b.Id) && claim.Sources.Count > 1);
        Assert.Contains(claims, claim => claim.Sources.Contains(a.Id) && claim.Sources.Contains(c.Id));
    }

    [Fact]
    public void ABoundCorroboratesAHedgedFigureThatWritesItsNumber()
    {
        var a = Document("By contrast, the rebels have already lost around 40% of the land they seized in the spring.", "Alpha");
        var b = Document("An officer told the agency that the rebels now hold 300 square kilometres of the land, more than 40 percent less than at the peak.", "Beta");

        var claims = Match(
            (a, Unnamed(a, "around 40%", "percent", 40, "percent") with { Value = new QuantityValue { Low = 36, High = 44, Unit = "percent" } }),
            (b, Unnamed(b, "more than 40 percent", "percent", 40, "percent") with { Value = new QuantityValue { Low = 40, High = null, Unit = "percent" } }));

        Assert.Single(claims);
    }

    [Fact]
    public void AnAverageDoesNotCorroborateOneSeasonsCount()
    {
        var a = Document("The forward has averaged 30 goals and 110 assists over six seasons.", "Alpha");
        var b = Document("The forward finished last season with 112 assists.", "Beta");
        var c = Document("The forward averaged two shots a game and finished last season with 112 assists.", "Gamma");

        var claims = Match(
            (a, Quantity(a, "110 assists", "assists", "count", 110, 110, "items")),
            (b, Quantity(b, "112 assists", "assists", "count", 112, 112, "items")),
            (c, Quantity(c, "112 assists", "assists", "count", 112, 112, "items")));

        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(a.Id) && claim.Sources.Count > 1);
        Assert.Contains(claims, claim => claim.Sources.Contains(b.Id) && claim.Sources.Contains(c.Id));
    }

    [Theory]
    [InlineData("He has averaged 30 goals and 110 assists a season.", "110", true)]
    [InlineData("He has averaged 30 goals and 110 assists a season.", "30", true)]
    [InlineData("Crossings run at an average of 300 a day.", "300", true)]
    [InlineData("He averaged two shots a game and finished with 112 assists.", "112", false)]
    [InlineData("He averaged two shots a game, with 112 assists in all.", "112", false)]
    [InlineData("He had 112 assists and a .300 average.", "112", false)]
    public void AFigureIsAnAverageWhenItsClauseSaysSoBeforeIt(string sentence, string figure, bool average)
    {
        Assert.Equal(average, Figures.AsAverage(sentence, sentence.IndexOf(figure, StringComparison.Ordinal)));
    }
}
