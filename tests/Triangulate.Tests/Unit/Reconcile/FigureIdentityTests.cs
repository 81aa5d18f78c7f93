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
}
