using Triangulate.Model;
using Triangulate.Reconcile;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Support.SomeClaims;

namespace Triangulate.Tests.Unit.Reconcile;

public sealed class ContradictionStageTests
{
    private static CorpusContext Run(InMemoryCorpus corpus, Action<CorpusContext>? link = null)
    {
        var context = corpus.Context();
        link?.Invoke(context);
        new ClaimMatchingStage().Run(context);
        new ContradictionStage().Run(context);
        new SeriesStage().Run(context);
        return context;
    }

    [Fact]
    public void KilledWoundedAndUnharmedFromDifferentSourcesAreOneContradictionAndNotSeenIsNotPartOfIt()
    {
        // Modelled on examples/kursk 004: one article weighs three accounts of the general's fate.
        var d = Document(
            "According to a Western source, Global Defense Corp, the general was killed in the attack. Another source reported that Solodchuk was only wounded, or even escaped unharmed. The truth remains unclear, but Solodchuk has not been seen since the attack.",
            "Nieuwsblad");
        var corpus = new InMemoryCorpus().Add(d, Analysis(d,
        [
            Status(d, "the general was killed in the attack", "Lieutenant General Valery Solodchuk", "killed", speaker: "Global Defense Corp"),
            Status(d, "Solodchuk was only wounded", "Solodchuk", "wounded", speaker: "another source"),
            Status(d, "escaped unharmed", "Solodchuk", "unharmed", speaker: "another source"),
            Status(d, "Solodchuk has not been seen since the attack", "Solodchuk", "has not been seen"),
        ]));

        var context = Run(corpus);

        var contradiction = Assert.Single(context.Contradictions);
        Assert.Equal(3, contradiction.Claims.Count);
        var notSeen = Assert.Single(context.Claims, c => c.Status == "not seen");
        Assert.DoesNotContain(notSeen.Id, contradiction.Claims);
        Assert.Equal(Verdict.SingleSource, notSeen.Verdict);
        Assert.All(contradiction.Claims, id => Assert.Equal(Verdict.Contested, context.Claims.Single(c => c.Id == id).Verdict));
        Assert.Contains("Global Defense Corp", contradiction.Explanation, StringComparison.Ordinal);
        Assert.Contains("Nieuwsblad", contradiction.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ABearerDescribedAsAnotherMemberOfItsKindIsNotTheOneNamed()
    {
        // "the second ranger" is by its own description not Ranger Ilse Varga; "the ranger" may be.
        var a = Document("Ranger Ilse Varga was killed when the ridge collapsed.", "Alpha");
        var b = Document("Officials said the second ranger was injured when she fell.", "Beta");
        var c = Document("Officials said the ranger was injured when she fell.", "Gamma");
        var another = new InMemoryCorpus()
            .Add(a, Analysis(a, [Status(a, "Ranger Ilse Varga was killed", "Ranger Ilse Varga", "killed")]))
            .Add(b, Analysis(b, [Status(b, "the second ranger was injured", "the second ranger", "wounded")]));
        Assert.Empty(Run(another).Contradictions);

        var same = new InMemoryCorpus()
            .Add(a, Analysis(a, [Status(a, "Ranger Ilse Varga was killed", "Ranger Ilse Varga", "killed")]))
            .Add(c, Analysis(c, [Status(c, "the ranger was injured", "the ranger", "wounded")]));
        Assert.Single(Run(same).Contradictions);
    }

    [Fact]
    public void FiguresThatPickTheirThingOutAreTwoThingsNotOneInDispute()
    {
        // "a 13-inch Tessel" and "a 16-inch Tessel Max" name two models; the same sizes as levels of one screen conflict.
        var a = Document("Pellworth sold the 13-inch Tessel to schools. Its screen measures 13 inches.", "Alpha");
        var b = Document("Pellworth sold the 16-inch Tessel Max to schools. Its screen measures 16 inches.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "13-inch Tessel", "Tessel", "length", 0.00033, 0.00033, "km", time: "2025-03-03"),
                                 Quantity(a, "measures 13 inches", "screen", "length", 0.00033, 0.00033, "km", time: "2025-03-03")]))
            .Add(b, Analysis(b, [Quantity(b, "16-inch Tessel Max", "Tessel Max", "length", 0.00041, 0.00041, "km", time: "2025-03-03"),
                                 Quantity(b, "measures 16 inches", "screen", "length", 0.00041, 0.00041, "km", time: "2025-03-03")]));

        var context = Run(corpus);

        var contradiction = Assert.Single(context.Contradictions);
        Assert.Contains("screen", contradiction.About, StringComparison.Ordinal);
        Assert.DoesNotContain(context.Series, s => s.Subject != null && s.Subject.Contains("Tessel", StringComparison.Ordinal));
    }

    [Fact]
    public void AChangeOfACountIsNoLevelOfItAndNeitherConflictsNorJoinsItsSeries()
    {
        // A staff count and a layoff figure of one firm on one day; two staff counts that day do conflict.
        var a = Document("Corvane had 9,800 employees on Monday.", "Alpha");
        var b = Document("Corvane is expected to lay off 1,500 employees, the paper said on Monday.", "Beta");
        var c = Document("Corvane had 6,200 employees on Monday, a filing showed.", "Gamma");
        var level = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "9,800 employees", "employees", "count", 9800, 9800, "items", time: "2025-03-03")]))
            .Add(b, Analysis(b, [Quantity(b, "1,500 employees", "employees", "count", 1500, 1500, "items", time: "2025-03-03")]));
        Assert.Empty(Run(level).Contradictions);

        var levels = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "9,800 employees", "employees", "count", 9800, 9800, "items", time: "2025-03-03")]))
            .Add(c, Analysis(c, [Quantity(c, "6,200 employees", "employees", "count", 6200, 6200, "items", time: "2025-03-03")]));
        Assert.Single(Run(levels).Contradictions);

        var later = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "9,800 employees", "employees", "count", 9800, 9800, "items", time: "2025-03-03")]))
            .Add(b, Analysis(b, [Quantity(b, "1,500 employees", "employees", "count", 1500, 1500, "items", time: "2025-05-12")]));
        Assert.Empty(Run(later).Series);
    }

    [Fact]
    public void TerritoryFiguresAtDifferentTimesAreASeriesNotAContradiction()
    {
        var a = Document("By late August Ukraine held 1,376 square kilometres.", "Alpha");
        var b = Document("Ukraine now holds about 800 square kilometres.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "held 1,376 square kilometres", "Ukrainian-held territory", "area", 1376, 1376, "km2", time: "2024-08-25")]))
            .Add(b, Analysis(b, [Quantity(b, "holds about 800 square kilometres", "Ukrainian-held territory", "area", 760, 840, "km2", time: "2024-11-26")]));

        var context = Run(corpus);

        Assert.Empty(context.Contradictions);
        var series = Assert.Single(context.Series);
        Assert.Equal(2, series.Points.Count);
        Assert.True(series.Points[0].Date < series.Points[1].Date);
        Assert.Equal(1376, series.Points[0].Low);
    }

    [Fact]
    public void UndatedFiguresTiedToTheirOwnMomentAreNotAContradiction()
    {
        var a = Document("Ukraine controls about 800 square kilometres, down from the peak of 1376 square kilometres.", "Alpha");
        var b = Document("Ukraine controls 1,376 square kilometres.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "the peak of 1376 square kilometres", "Ukrainian-held territory", "area", 1376, 1376, "km2"),
                                 Quantity(a, "controls about 800 square kilometres", "Ukrainian-held territory", "area", 760, 840, "km2")]))
            .Add(b, Analysis(b, [Quantity(b, "controls 1,376 square kilometres", "Ukrainian-held territory", "area", 1376, 1376, "km2")]));

        var context = Run(corpus);

        Assert.DoesNotContain(context.Contradictions, c => c.About.StartsWith("area", StringComparison.Ordinal));
    }

    [Fact]
    public void CountsDatedOnlyToTheSameMonthAreNotAContradiction()
    {
        var a = Document("Last month 400 to 500 North Korean troops launched an assault.", "Alpha");
        var b = Document("Last month Russia sent thousands of North Korean troops into battle.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "400 to 500 North Korean troops", "North Korean troops", "count", 400, 500, "items", time: "2024-12")]))
            .Add(b, Analysis(b, [Quantity(b, "thousands of North Korean troops", "North Korean troops", "count", 2000, null, "items", time: "2024-12")]));

        Assert.Empty(Run(corpus).Contradictions);
    }

    [Fact]
    public void FiguresOfOneMomentThatDoNotOverlapAreAContradiction()
    {
        var a = Document("On 26 November Ukraine held 800 square kilometres.", "Alpha");
        var b = Document("On 26 November Ukraine held 1,300 square kilometres.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "held 800 square kilometres", "Ukrainian-held territory", "area", 800, 800, "km2", time: "2024-11-26")]))
            .Add(b, Analysis(b, [Quantity(b, "held 1,300 square kilometres", "Ukrainian-held territory", "area", 1300, 1300, "km2", time: "2024-11-26")]));

        var context = Run(corpus);

        var contradiction = Assert.Single(context.Contradictions);
        Assert.Contains("Alpha", contradiction.Explanation, StringComparison.Ordinal);
        Assert.Contains("Beta", contradiction.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ACountOfTheKilledAndACountOfTheInjuredOfOneDayAreNoContradiction()
    {
        var a = Document("On 26 November two people died and 10 were injured when the roof of the depot fell.", "Alpha");
        var b = Document("On 26 November the roof of the depot fell, killing two people.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "two people", "people", "count", 2, 2, "items", time: "2024-11-26"),
                                 Quantity(a, "10", "people", "count", 10, 10, "items", time: "2024-11-26")]))
            .Add(b, Analysis(b, [Quantity(b, "two people", "people", "count", 2, 2, "items", time: "2024-11-26")]));

        var context = Run(corpus);

        Assert.Empty(context.Contradictions);
        Assert.Contains(context.Claims, c => c.Value?.Low == 2 && c.IndependentSources == 2);
    }

    [Fact]
    public void AClaimAndItsRewriteAreNeverAContradiction()
    {
        var a = Document("The general was killed.", "Alpha");
        var b = Document("The general was wounded.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Status(a, "general was killed", "the general", "killed")]))
            .Add(b, Analysis(b, [Status(b, "general was wounded", "the general", "wounded")]));

        var grouped = Run(corpus, c => { c.IndependenceGroups[a.Id] = "g"; c.IndependenceGroups[b.Id] = "g"; });
        var separate = Run(corpus);

        Assert.Empty(grouped.Contradictions);
        Assert.Single(separate.Contradictions);
    }

    [Fact]
    public void AGroupKilledInOneSourceAndWoundedInAnotherIsNoContradictionButOnePersonIs()
    {
        // Some of a group die and others are wounded: both accounts hold. One general cannot be both.
        var a = Document("Many soldiers were killed in the assault.", "Alpha");
        var b = Document("Many soldiers were wounded in the assault.", "Beta");
        var groups = new InMemoryCorpus()
            .Add(a, Analysis(a, [Status(a, "soldiers were killed", "many soldiers", "killed")]))
            .Add(b, Analysis(b, [Status(b, "soldiers were wounded", "many soldiers", "wounded")]));
        Assert.Empty(Run(groups).Contradictions);

        var c = Document("The general was killed in the assault.", "Alpha");
        var d = Document("The general was wounded in the assault.", "Beta");
        var person = new InMemoryCorpus()
            .Add(c, Analysis(c, [Status(c, "general was killed", "the general", "killed")]))
            .Add(d, Analysis(d, [Status(d, "general was wounded", "the general", "wounded")]));
        Assert.Single(Run(person).Contradictions);
    }

    [Fact]
    public void StatusesAtDifferentTimesAreNotAContradiction()
    {
        var a = Document("The general was wounded in March.", "Alpha");
        var b = Document("The general was killed in November.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Status(a, "general was wounded", "the general", "wounded", time: "2024-03")]))
            .Add(b, Analysis(b, [Status(b, "general was killed", "the general", "killed", time: "2024-11")]));

        Assert.Empty(Run(corpus).Contradictions);
    }

    [Fact]
    public void AnEventPlacedOnDaysFarApartIsAContradictionButADayApartIsNot()
    {
        var a = Document("The bridge was destroyed by a missile strike.", "Alpha");
        var b = Document("The bridge was destroyed by a missile strike, officials said.", "Beta");
        var c = Document("A missile strike destroyed the bridge, it was reported.", "Gamma");
        var far = new InMemoryCorpus()
            .Add(a, Analysis(a, [Event(a, "The bridge was destroyed by a missile strike", "bridge", "2024-11-02")]))
            .Add(b, Analysis(b, [Event(b, "The bridge was destroyed by a missile strike", "bridge", "2024-11-09")]));
        var near = new InMemoryCorpus()
            .Add(a, Analysis(a, [Event(a, "The bridge was destroyed by a missile strike", "bridge", "2024-11-02")]))
            .Add(c, Analysis(c, [Event(c, "A missile strike destroyed the bridge", "bridge", "2024-11-03")]));

        Assert.Single(Run(far).Contradictions);
        Assert.Empty(Run(near).Contradictions);
    }

    [Fact]
    public void AStatedShareThatAgreesWithTheWholeAndThePartIsANoteNotAContradiction()
    {
        var d = Document("Ukraine controls about 800 square kilometers, more than 40 percent less than the peak of 1376 square kilometers.", "Alpha");
        var corpus = new InMemoryCorpus().Add(d, Analysis(d,
        [
            Quantity(d, "controls about 800 square kilometers", "Ukrainian-held territory", "area", 760, 840, "km2"),
            Quantity(d, "the peak of 1376 square kilometers", "Ukrainian-held territory", "area", 1376, 1376, "km2"),
            Quantity(d, "more than 40 percent less", "Ukrainian-held territory", "percent", 40, null, "percent"),
        ]));

        var context = Run(corpus);

        Assert.Empty(context.Contradictions);
        var note = Assert.Single(Assert.Single(context.Series).Notes);
        Assert.Contains("agrees", note, StringComparison.Ordinal);
    }

    [Fact]
    public void AStatedShareThatDisagreesWithTheWholeAndThePartIsAContradiction()
    {
        var d = Document("Ukraine controls 800 square kilometers, 10 percent less than the peak of 1376 square kilometers.", "Alpha");
        var corpus = new InMemoryCorpus().Add(d, Analysis(d,
        [
            Quantity(d, "controls 800 square kilometers", "Ukrainian-held territory", "area", 800, 800, "km2"),
            Quantity(d, "the peak of 1376 square kilometers", "Ukrainian-held territory", "area", 1376, 1376, "km2"),
            Quantity(d, "10 percent less", "Ukrainian-held territory", "percent", 10, 10, "percent"),
        ]));

        var context = Run(corpus);

        var contradiction = Assert.Single(context.Contradictions);
        Assert.Equal(3, contradiction.Claims.Count);
    }

    [Fact]
    public void TwoFiguresOneWriterGivesBothAreNoContradiction()
    {
        // One report gives both counts of homes: its writer holds both true, so they count different homes.
        var a = Document("On 26 November the storm destroyed 40 homes in the bay, and 12 homes on the coast road.", "Alpha");
        var b = Document("On 26 November the storm destroyed 40 homes in the bay.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "40 homes", "homes", "count", 40, 40, "items", time: "2024-11-26"),
                                 Quantity(a, "12 homes", "homes", "count", 12, 12, "items", time: "2024-11-26")]))
            .Add(b, Analysis(b, [Quantity(b, "40 homes", "homes", "count", 40, 40, "items", time: "2024-11-26")]));
        var c = Document("On 26 November the storm destroyed 12 homes in the bay.", "Gamma");
        var disputed = new InMemoryCorpus()
            .Add(b, Analysis(b, [Quantity(b, "40 homes", "homes", "count", 40, 40, "items", time: "2024-11-26")]))
            .Add(c, Analysis(c, [Quantity(c, "12 homes", "homes", "count", 12, 12, "items", time: "2024-11-26")]));

        Assert.Empty(Run(corpus).Contradictions);
        Assert.Single(Run(disputed).Contradictions);
    }

    [Fact]
    public void SumsThatNameNothingTheyCountAreNoContradiction()
    {
        // Net income and revenue of one day: one measure, nothing said of what each sum is (the pipeline restates such a
        // figure as "money: $1.2 billion", so the measure alone made them one subject).
        var a = Document("On 26 November the carrier reported net income of $1.2 billion.", "Alpha");
        var b = Document("On 26 November the carrier said sales reached $5.4 billion.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "$1.2 billion", "", "money", 1.2e9, 1.2e9, "USD", time: "2024-11-26") with { Subject = null, Keys = [], Text = "money: $1.2 billion" }]))
            .Add(b, Analysis(b, [Quantity(b, "$5.4 billion", "", "money", 5.4e9, 5.4e9, "USD", time: "2024-11-26") with { Subject = null, Keys = [], Text = "money: $5.4 billion" }]));
        var named = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "$1.2 billion", "net income", "money", 1.2e9, 1.2e9, "USD", time: "2024-11-26")]))
            .Add(b, Analysis(b, [Quantity(b, "$5.4 billion", "net income", "money", 5.4e9, 5.4e9, "USD", time: "2024-11-26")]));

        Assert.Empty(Run(corpus).Contradictions);
        Assert.Single(Run(named).Contradictions);
    }

    [Fact]
    public void FiguresInOneReportFormAboutTwoEventsAreNoContradiction()
    {
        // Two blazes of one day told in one form: the hour beside each count says they are two evacuations.
        var a = Document("Neighbours called the fire service at around 7:15 a.m.; police evacuated 12 people from nearby homes.", "Alpha");
        var b = Document("Neighbours called the fire service at around 9:40 p.m.; police evacuated 130 people from nearby homes.", "Beta");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "12 people", "people", "count", 12, 12, "items", time: "2024-11-26")]))
            .Add(b, Analysis(b, [Quantity(b, "130 people", "people", "count", 130, 130, "items", time: "2024-11-26")]));
        var c = Document("On 26 November police evacuated 130 people from homes near the blaze, officials said.", "Gamma");
        var disputed = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "12 people", "people", "count", 12, 12, "items", time: "2024-11-26")]))
            .Add(c, Analysis(c, [Quantity(c, "130 people", "people", "count", 130, 130, "items", time: "2024-11-26")]));

        Assert.Empty(Run(corpus).Contradictions);
        Assert.Single(Run(disputed).Contradictions);
    }
}
