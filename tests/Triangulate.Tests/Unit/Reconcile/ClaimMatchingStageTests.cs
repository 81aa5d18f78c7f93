using Triangulate.Model;
using Triangulate.Reconcile;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Support.SomeClaims;

namespace Triangulate.Tests.Unit.Reconcile;

public sealed class ClaimMatchingStageTests
{
    private static CorpusContext Run(InMemoryCorpus corpus, Action<CorpusContext>? link = null)
    {
        var context = corpus.Context();
        link?.Invoke(context);
        new ClaimMatchingStage().Run(context);
        return context;
    }

    [Fact]
    public void HedgedFiguresOfOneMeasureAndSubjectFromTwoOutletsAreOneCorroboratedClaim()
    {
        var a = Document("Ukraine lost around 40% of the territory it captured.", "Alpha");
        var b = Document("Kyiv has lost more than 40 percent of the captured territory.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "around 40%", "captured territory", "percent", 35, 45, "percent")]))
            .Add(b, Analysis(b, [Quantity(b, "more than 40 percent", "captured territory", "percent", 40, null, "percent")]));

        var context = Run(corpus);

        var claim = Assert.Single(context.Claims);
        Assert.Equal(2, claim.Mentions.Count);
        Assert.Equal(2, claim.IndependentSources);
        Assert.Equal(Verdict.Corroborated, claim.Verdict);
        Assert.Equal([.. new[] { a.Id, b.Id }.Order(StringComparer.Ordinal)], claim.Sources);
    }

    [Fact]
    public void AFigureOfTwoDocumentsNamingTwoShipsOfOneKindIsNoCorroborationEvenThroughAThirdMention()
    {
        // Two interceptions of one kind, months apart: one document names HMS Alderney, two others HMS Brackwater's
        // action, one of them without naming the ship. The bare "three skiffs" must not join the first to the others.
        var a = Document("The frigate HMS Alderney stopped three skiffs off the cape, the ministry said.", "Alpha");
        var b = Document("Three skiffs turned back when HMS Brackwater closed in, its captain told reporters.", "Beta");
        var c = Document("The three skiffs carried fourteen men between them.", "Gamma");
        var d = Document("Sailors on HMS Brackwater had stopped three skiffs before noon.", "Delta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "three skiffs", "skiffs", "count", 3, 3)]))
            .Add(b, Analysis(b, [Quantity(b, "Three skiffs", "skiffs", "count", 3, 3)]))
            .Add(c, Analysis(c, [Quantity(c, "three skiffs", "skiffs", "count", 3, 3)]))
            .Add(d, Analysis(d, [Quantity(d, "three skiffs", "skiffs", "count", 3, 3)]));

        var claims = Run(corpus).Claims;

        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(a.Id) && (claim.Sources.Contains(b.Id) || claim.Sources.Contains(d.Id)));
        // The two reports naming HMS Brackwater still corroborate each other.
        Assert.Contains(claims, claim => claim.Sources.Contains(b.Id) && claim.Sources.Contains(d.Id));
    }

    [Fact]
    public void ARoundedRestatementMatchesTheExactFigure()
    {
        var a = Document("At its peak Ukraine held 1,376 square kilometres.", "Alpha");
        var b = Document("At its peak Ukraine held some 1,400 square kilometres.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "1,376 square kilometres", "territory held", "area", 1376, 1376, "km2")]))
            .Add(b, Analysis(b, [Quantity(b, "1,400 square kilometres", "territory held", "area", 1400, 1400, "km2")]));

        Assert.Single(Run(corpus).Claims);
    }

    [Fact]
    public void TwoExactFiguresInOneFormWithAnotherNumberChangedAreTwoFacts()
    {
        // One quarterly-results form filled in for two quarters: 412 would be a rounding of 410, but the change differs.
        const string spring = "The brewer posted sales of 410 million crowns in the quarter, up 3.5% on a year earlier.";
        const string autumn = "The brewer posted sales of 412 million crowns in the quarter, down 0.4% on a year earlier.";
        const string rounded = "The brewer posted sales of 400 million crowns in the quarter, up 3.5% on a year earlier.";
        var a = Document(spring, "Alpha");
        var b = Document(autumn, "Beta");
        var c = Document(rounded, "Gamma");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "410 million crowns", "sales", "money", 410e6, 410e6, "SEK")]))
            .Add(b, Analysis(b, [Quantity(b, "412 million crowns", "sales", "money", 412e6, 412e6, "SEK")]))
            .Add(c, Analysis(c, [Quantity(c, "400 million crowns", "sales", "money", 400e6, 400e6, "SEK")]));

        var claims = Run(corpus).Claims;
        // The autumn figure stands alone; the spring one and its rounded restatement with the same change are one claim.
        Assert.Equal(2, claims.Count);
        Assert.Contains(claims, claim => claim.Sources.Count == 2);
    }

    [Fact]
    public void FiguresThatDoNotOverlapStayTwoClaims()
    {
        var a = Document("Ukraine holds 800 square kilometres.", "Alpha");
        var b = Document("Ukraine held 1,376 square kilometres.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "800 square kilometres", "territory held", "area", 800, 800, "km2")]))
            .Add(b, Analysis(b, [Quantity(b, "1,376 square kilometres", "territory held", "area", 1376, 1376, "km2")]));

        Assert.Equal(2, Run(corpus).Claims.Count);
    }

    [Fact]
    public void ACasualtyCountDoesNotCorroborateTheSameNumberGivenAsAForce()
    {
        var a = Document("Last week 300 Freedonian troops stormed the ridge at dawn.", "Alpha");
        var b = Document("The colonel was killed in the raid along with 300 Freedonian troops.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "300 Freedonian troops", "Freedonian troops", "count", 300, 300, "items")]))
            .Add(b, Analysis(b, [Quantity(b, "300 Freedonian troops", "Freedonian troops", "count", 300, 300, "items")]));

        Assert.Equal(2, Run(corpus).Claims.Count);
    }

    [Fact]
    public void TwoTollsGivingTheCountedTheSameFateAreOneClaim()
    {
        var a = Document("The flood killed 300 villagers in the valley.", "Alpha");
        var b = Document("Officials said 300 villagers died or were injured when the dam broke.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "300 villagers", "villagers", "count", 300, 300, "items")]))
            .Add(b, Analysis(b, [Quantity(b, "300 villagers", "villagers", "count", 300, 300, "items")]));

        var claim = Assert.Single(Run(corpus).Claims);
        Assert.Equal(2, claim.IndependentSources);
    }

    [Fact]
    public void AFateSaidOfSomeoneElseInTheSentenceDoesNotMakeACountACasualtyToll()
    {
        var a = Document("The judge handed down 12 life sentences for the raid that left two guards dead.", "Alpha");
        var b = Document("Marlow received 12 life sentences on Friday.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "12 life sentences", "life sentences", "count", 12, 12, "items")]))
            .Add(b, Analysis(b, [Quantity(b, "12 life sentences", "life sentences", "count", 12, 12, "items")]));

        Assert.Single(Run(corpus).Claims);
    }

    [Fact]
    public void DifferentMeasuresOfOneSubjectAreNotMatched()
    {
        var a = Document("The brigade lost 40 soldiers.", "Alpha");
        var b = Document("The brigade lost 40 percent of its soldiers.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "40 soldiers", "brigade soldiers", "count", 40, 40, "people")]))
            .Add(b, Analysis(b, [Quantity(b, "40 percent", "brigade soldiers", "percent", 40, 40, "percent")]));

        Assert.Equal(2, Run(corpus).Claims.Count);
    }

    [Fact]
    public void ARewriteCarriesTheClaimButIsNotASecondIndependentSource()
    {
        var a = Document("The general was killed in the strike.", "Alpha");
        var b = Document("Reports say the general was killed in the strike.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Status(a, "general was killed", "the general", "killed")]))
            .Add(b, Analysis(b, [Status(b, "general was killed", "general", "dead")]));

        var context = Run(corpus, c => { c.IndependenceGroups[a.Id] = "g1"; c.IndependenceGroups[b.Id] = "g1"; });

        var claim = Assert.Single(context.Claims);
        Assert.Equal(2, claim.Sources.Count);
        Assert.Equal(1, claim.IndependentSources);
        Assert.Equal(Verdict.SingleSource, claim.Verdict);
    }

    [Fact]
    public void DifferentStatusesOfOneSubjectAreDifferentClaims()
    {
        var a = Document("The general was killed.", "Alpha");
        var b = Document("The general was wounded.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Status(a, "general was killed", "the general", "killed")]))
            .Add(b, Analysis(b, [Status(b, "general was wounded", "the general", "wounded")]));

        Assert.Equal(2, Run(corpus).Claims.Count);
    }

    [Fact]
    public void AStatementInOtherWordsWithTheSameSpeakerAndAnchorsIsOneClaim()
    {
        var a = Document("He said Putin wants to push us out before January 20.", "Alpha");
        var b = Document("Putin aims to drive Ukraine out before January 20, he said.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Statement(a, "Putin wants to push us out before January 20", "Volodymyr Zelensky")]))
            .Add(b, Analysis(b, [Statement(b, "Putin aims to drive Ukraine out before January 20", "Zelensky")]));

        Assert.Single(Run(corpus).Claims);
    }

    [Fact]
    public void TheSameQuoteInTwoOutletsIsOneQuoteWithTwoVariants()
    {
        var a = Document("'The enemy is increasing the number of counterattacks,' said the source.", "Alpha");
        var b = Document("\"The enemy is increasing the number of counter-attacks,\" the source said.", "Beta");
        var c = Document("'We will hold this area as long as necessary,' said the source.", "Gamma");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, quotes: [Quote(a, "The enemy is increasing the number of counterattacks", "a military source", SpeakerKind.Anonymous)]))
            .Add(b, Analysis(b, quotes: [Quote(b, "The enemy is increasing the number of counter-attacks", "source", SpeakerKind.Anonymous)]))
            .Add(c, Analysis(c, quotes: [Quote(c, "We will hold this area as long as necessary", "source", SpeakerKind.Anonymous)]));

        var context = Run(corpus);

        Assert.Equal(2, context.Quotes.Count);
        var matched = Assert.Single(context.Quotes, q => q.Variants.Count == 2);
        Assert.Equal(2, matched.IndependentSources);
    }

    [Fact]
    public void ANamedSpeakerIsTheCorpusEntityOfItsDocumentLocalId()
    {
        var a = Document("'We will not give up our land,' said Smith.", "Alpha");
        var b = Document("'Talks resume on Monday,' said Jones.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, quotes: [Quote(a, "We will not give up our land", "person:smith")]))
            .Add(b, Analysis(b, quotes: [Quote(b, "Talks resume on Monday", "person:jones")]));

        var context = Run(corpus, c => c.EntityIds[a.Id + "/person:smith"] = "e-smith");

        Assert.Contains(context.Quotes, q => q.Speaker == "e-smith");
        // A local id the entity stage did not resolve stays as it is.
        Assert.Contains(context.Quotes, q => q.Speaker == "person:jones");
    }

    [Fact]
    public void AClaimsNamedSourceIsTheStorysEntityOfItsDocumentLocalId()
    {
        var a = Document("Harlan Voss said the ferry service resumes on Monday.", "Alpha");
        var b = Document("The ferry service resumes on Monday, Ilse Marrow said.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Statement(a, "the ferry service resumes on Monday", "person:harlan-voss")]))
            .Add(b, Analysis(b, [Statement(b, "The ferry service resumes on Monday", "person:ilse-marrow")]));

        var context = Run(corpus, c => c.EntityIds[a.Id + "/person:harlan-voss"] = "e-voss");

        var speakers = context.Claims.SelectMany(c => c.Mentions).Select(m => m.Attribution?.Speaker).ToList();
        Assert.Contains("e-voss", speakers);
        // A local id the entity stage did not resolve stays as it is.
        Assert.Contains("person:ilse-marrow", speakers);
    }

    [Fact]
    public void QuotesOfDifferentNamedSpeakersAreNotMatched()
    {
        var a = Document("'We will not give up our land,' said Smith.", "Alpha");
        var b = Document("'We will not give up our land,' said Jones.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, quotes: [Quote(a, "We will not give up our land", "John Smith")]))
            .Add(b, Analysis(b, quotes: [Quote(b, "We will not give up our land", "Mary Jones")]));

        Assert.Equal(2, Run(corpus).Quotes.Count);
    }

    [Fact]
    public void ClaimIdsAreTheSameOnARerun()
    {
        var a = Document("Ukraine holds 800 square kilometres.", "Alpha");
        var corpus = new InMemoryCorpus().Add(a, Analysis(a, [Quantity(a, "800 square kilometres", "territory held", "area", 800, 800, "km2")]));

        Assert.Equal(Run(corpus).Claims[0].Id, Run(corpus).Claims[0].Id);
    }

    [Fact]
    public void AnOpenEndedFigureDoesNotChainIncompatibleFiguresIntoOneClaim()
    {
        var a = Document("Ukraine took two North Korean troops prisoner.", "Alpha");
        var b = Document("Ukraine holds at least one North Korean troops prisoner.", "Beta");
        var c = Document("As many as 10,000 North Korean troops were sent.", "Gamma");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "two North Korean troops", "North Korean troops", "count", 2, 2, "items")]))
            .Add(b, Analysis(b, [Quantity(b, "at least one North Korean troops", "North Korean troops", "count", 1, null, "items")]))
            .Add(c, Analysis(c, [Quantity(c, "10,000 North Korean troops", "North Korean troops", "count", 10000, 10000, "items")]));

        var claims = Run(corpus).Claims;

        // "at least one" is compatible with both 2 and 10,000, but 2 and 10,000 are not one claim.
        Assert.Equal(2, claims.Count);
        foreach (var claim in claims)
            Assert.True(claim.Value!.Low <= claim.Value.High || claim.Value.High is null, $"{claim.Text}: empty value range");
        Assert.DoesNotContain(claims, claim => claim.Mentions.Count == 3);
    }

    [Fact]
    public void SubjectsSharingOnlyTheHeadNounAreDifferentSubjects()
    {
        var a = Document("As many as 1,000 Ukrainian soldiers were killed.", "Alpha");
        var b = Document("Around 1,000 North Korean soldiers were killed.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "1,000 Ukrainian soldiers", "Ukrainian soldiers", "count", null, 1000, "items")]))
            .Add(b, Analysis(b, [Quantity(b, "1,000 North Korean soldiers", "North Korean soldiers", "count", 900, 1100, "items")]));

        Assert.Equal(2, Run(corpus).Claims.Count);
    }

    [Fact]
    public void ANamelessSubjectIsNotOneOfTwoNamedOnesItCouldMean()
    {
        var a = Document("Dozens of Freedonian soldiers were killed in the raid.", "Alpha");
        var b = Document("Sylvanian soldiers were killed near the ford.", "Beta");
        var c = Document("The official version is that some soldiers were killed.", "Gamma");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Status(a, "Freedonian soldiers were killed", "Freedonian soldiers", "killed")]))
            .Add(b, Analysis(b, [Status(b, "Sylvanian soldiers were killed", "Sylvanian soldiers", "killed")]))
            .Add(c, Analysis(c, [Status(c, "some soldiers were killed", "some soldiers", "killed")]));

        // Which soldiers "some soldiers" are, the story's own subjects leave open: no corroboration of either side.
        var claims = Run(corpus).Claims;
        Assert.Equal(3, claims.Count);
        Assert.All(claims, claim => Assert.Single(claim.Mentions));
    }

    [Fact]
    public void ANamelessSubjectIsTheOneNamedSubjectOfItsStoryThatContainsIt()
    {
        var a = Document("Dozens of Freedonian soldiers were killed in the raid.", "Alpha");
        var c = Document("The official version is that some soldiers were killed.", "Gamma");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Status(a, "Freedonian soldiers were killed", "Freedonian soldiers", "killed")]))
            .Add(c, Analysis(c, [Status(c, "some soldiers were killed", "some soldiers", "killed")]));

        var claim = Assert.Single(Run(corpus).Claims);
        Assert.Equal(2, claim.Mentions.Count);
    }

    [Fact]
    public void TheSameReportFormAboutTwoStreetsAndDaysIsTwoClaims()
    {
        // Two blazes of one week in one town, reported in one form: the street and the day are what differ.
        const string friday = "Three people died and nine were injured when a fire broke out in a bakery on Elm Street in Northbury on Friday, the fire service said.";
        const string sunday = "Three people died and nine were injured when a fire broke out in a bakery on Quarry Lane in Northbury on Sunday, the fire service said.";
        var a = Document(friday, "Alpha");
        var b = Document(sunday, "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Status(a, friday, "people", "killed")]))
            .Add(b, Analysis(b, [Status(b, sunday, "people", "killed")]));

        var claims = Run(corpus).Claims;

        Assert.Equal(2, claims.Count);
        Assert.All(claims, claim => Assert.Single(claim.Mentions));
    }

    [Fact]
    public void ARestatementThatNamesOneMoreThingIsStillTheSameClaim()
    {
        // Only one side names what the other does not: a detail added, not another event.
        var a = Document("Three people died when a fire broke out in a bakery on Elm Street on Friday, the fire service said.", "Alpha");
        var b = Document("Three people died when a fire broke out in a bakery on Elm Street in Northbury on Friday, the fire service said.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Status(a, "Three people died when a fire broke out in a bakery on Elm Street on Friday, the fire service said.", "people", "killed")]))
            .Add(b, Analysis(b, [Status(b, "Three people died when a fire broke out in a bakery on Elm Street in Northbury on Friday, the fire service said.", "people", "killed")]));

        var claim = Assert.Single(Run(corpus).Claims);
        Assert.Equal(2, claim.IndependentSources);
    }

    [Fact]
    public void TwoWireDatelinesDoNotMakeOneReportTwo()
    {
        // The datelines name two agencies; the reports name the same street, town and day.
        var a = Document("NORTHBURY (Wirepress) — Three people died when a fire broke out in a bakery on Elm Street on Friday.", "Alpha");
        var b = Document("Northbury, May 3 (Newsline) - Three people died when a fire broke out in a bakery on Elm Street on Friday.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "Three people", "people", "count", 3, 3, "items")]))
            .Add(b, Analysis(b, [Quantity(b, "Three people", "people", "count", 3, 3, "items")]));

        var claim = Assert.Single(Run(corpus).Claims);
        Assert.Equal(2, claim.IndependentSources);
    }

    [Fact]
    public void ATollThatRoseBetweenTwoReportsDoesNotMakeThemTwoEvents()
    {
        // One quake, reported twice in one form: only the numbers differ, and tolls rise.
        const string early = "The toll from the quake near Westham has risen to 12, with 40 people injured, officials said.";
        const string late = "The toll from the quake near Westham has risen to 15, with 52 people injured, officials said.";
        var a = Document(early, "Alpha");
        var b = Document(late, "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Status(a, early, "people", "wounded")]))
            .Add(b, Analysis(b, [Status(b, late, "people", "wounded")]));

        var claim = Assert.Single(Run(corpus).Claims);
        Assert.Equal(2, claim.IndependentSources);
    }
}
