using Triangulate.Model;
using Triangulate.Reconcile;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Support.SomeClaims;

namespace Triangulate.Tests.Unit.Reconcile;

/// <summary>
/// A claim whose own words give no time is dated by the days its document names (<see cref="DocumentDays"/>): one
/// template sentence in reports of two fires weeks apart is two claims, one figure told of one fire by two outlets one.
/// </summary>
public sealed class DocumentDaysTests
{
    private const string Crews = "\"Our crews faced intense heat and thick smoke,\" the fire chief told reporters at the scene.";

    private static List<Claim> Claims(InMemoryCorpus corpus)
    {
        var context = corpus.Context();
        new ClaimMatchingStage().Run(context);
        return context.Claims;
    }

    /// <summary>A fire report published on <paramref name="published"/> whose lead names the fire's day ("on <paramref name="weekday"/>") and whose next paragraph says <paramref name="sentence"/>.</summary>
    private static Document Report(string outlet, string published, string weekday, string sentence) =>
        Document($"A fire broke out in a warehouse in the old town on {weekday}, the fire service said.\n\n{sentence}", outlet, published);

    private static TimeExpression Day(Document document, string phrase, string day) =>
        new() { Span = Span(document, phrase), Start = PartialDate.Parse(day), End = PartialDate.Parse(day), Anchor = TimeAnchor.Publication, Rule = "weekday" };

    private static DocumentAnalysis Said(Document document, ClaimDraft draft, string weekday, string day) =>
        Analysis(document, [draft]) with { Times = [Day(document, "on " + weekday, day)] };

    [Fact]
    public void OneTemplateSentenceOfTwoFiresWeeksApartIsTwoStatements()
    {
        var first = Report("Alpha", "2024-10-02", "Tuesday", Crews);
        var copy = Report("Beta", "2024-10-03", "Tuesday", Crews);
        var later = Report("Gamma", "2024-10-22", "Monday", Crews);

        var claims = Claims(new InMemoryCorpus()
            .Add(first, Said(first, Statement(first, "Our crews faced intense heat and thick smoke", "the fire chief"), "Tuesday", "2024-10-01"))
            .Add(copy, Said(copy, Statement(copy, "Our crews faced intense heat and thick smoke", "the fire chief"), "Tuesday", "2024-10-01"))
            .Add(later, Said(later, Statement(later, "Our crews faced intense heat and thick smoke", "the fire chief"), "Monday", "2024-10-21")));

        Assert.Contains(claims, claim => claim.Sources.Contains(first.Id) && claim.Sources.Contains(copy.Id));
        Assert.Contains(claims, claim => claim.Sources.Count == 1 && claim.Sources.Contains(later.Id));
    }

    [Fact]
    public void OneFigureOfOneFireToldByTwoOutletsIsCorroboratedAndTheSameFigureOfALaterFireIsNot()
    {
        const string dead = "Three people were killed, officials said.";
        var a = Report("Alpha", "2024-10-02", "Tuesday", dead);
        var b = Report("Beta", "2024-10-02", "Monday night", "Officials said Three people were killed in the blaze.");
        var c = Report("Gamma", "2024-10-23", "Tuesday", "Three people were killed, the police said.");
        ClaimDraft Killed(Document d) => Quantity(d, "Three people", "people", "count", 3, 3);

        var claims = Claims(new InMemoryCorpus()
            .Add(a, Said(a, Killed(a), "Tuesday", "2024-10-01"))
            // A night's fire dated to the evening before by one outlet is still the same fire, as is a report of the week after.
            .Add(b, Said(b, Killed(b), "Monday night", "2024-09-30"))
            .Add(c, Said(c, Killed(c), "Tuesday", "2024-10-22")));

        Assert.Contains(claims, claim => claim.Sources.Contains(a.Id) && claim.Sources.Contains(b.Id));
        Assert.Contains(claims, claim => claim.Sources.Count == 1 && claim.Sources.Contains(c.Id));
    }

    [Fact]
    public void ADocumentNamingNoDaySaysNothingAndBridgesNoTwoEvents()
    {
        const string fled = "The inmate escaped from the courthouse.";
        var early = Report("Alpha", "2024-10-05", "Friday", fled);
        var weeksLater = Report("Beta", "2024-10-30", "Tuesday", fled);
        var undated = Document(fled, "Gamma");
        ClaimDraft Escaped(Document d) => Status(d, fled, "the inmate", "escaped");

        var claims = Claims(new InMemoryCorpus()
            .Add(early, Said(early, Escaped(early), "Friday", "2024-10-04"))
            .Add(weeksLater, Said(weeksLater, Escaped(weeksLater), "Tuesday", "2024-10-29"))
            .Add(undated, Analysis(undated, [Escaped(undated)])));

        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(early.Id) && claim.Sources.Contains(weeksLater.Id));
        Assert.Contains(claims, claim => claim.Sources.Contains(undated.Id) && claim.Sources.Count == 2);
    }

    [Fact]
    public void AMentionWithATimeOfItsOwnIsLeftToTheRulesForTimes()
    {
        var a = new DraftFeatures(Statement(Document("x", "Alpha"), "x", "the chief"), "d-a", "g-a", null) { DocumentDays = [10], EventTime = Time("2024-10-01") };
        var b = new DraftFeatures(Statement(Document("y", "Beta"), "y", "the chief"), "d-b", "g-b", null) { DocumentDays = [40] };

        Assert.False(DocumentDays.Apart(a, b));
        Assert.True(DocumentDays.Apart(new DraftFeatures(a.Draft, "d-a", "g-a", null) { DocumentDays = [10] }, b));
    }

    [Fact]
    public void TheNamedDaysAreTheDocumentsOwnDaysNearItsPublication()
    {
        var document = Document("The trial opened on Monday; the record set in 1961 stands.", "Alpha", "2024-10-02");
        TimeExpression[] times =
        [
            Day(document, "on Monday", "2024-09-30"),
            // A day far from publication is background, not the event's; a year names no day.
            new() { Span = Span(document, "1961"), Start = PartialDate.Parse("1961"), End = PartialDate.Parse("1961") },
            new() { Span = Span(document, "set in"), Start = PartialDate.Parse("1961-05-02"), End = PartialDate.Parse("1961-05-02") },
        ];

        var days = DocumentDays.Named(document.Text, times, null, new DateOnly(2024, 10, 2), new DateOnly(2024, 10, 2));

        Assert.Equal([new DateOnly(2024, 9, 30).DayNumber], days);
    }

    [Fact]
    public void AClaimSaidOnlyInALineNamingAnotherDocumentsHeadlineCorroboratesNothing()
    {
        const string headline = "Nine people killed as fire hits market hall in Westvale";
        var report = Document("Nine people were killed when a fire hit the market hall, officials said.", "Alpha") with { Title = headline };
        var other = Document("Officials said nine people were killed in the market hall fire.", "Beta");
        var page = Document("A new bridge opened to traffic in the valley.\n\nREAD MORE: " + headline + "\n\nThe bridge cost little.", "Gamma");
        // Its own headline repeated in its body is the page's own.
        var own = Document(headline + "\n\nThe fire service gave no cause.", "Delta") with { Title = headline };
        ClaimDraft Nine(Document d, string phrase) => Quantity(d, phrase, "people", "count", 9, 9);

        var claims = Claims(new InMemoryCorpus()
            .Add(report, Analysis(report, [Nine(report, "Nine people")]))
            .Add(other, Analysis(other, [Nine(other, "nine people")]))
            .Add(page, Analysis(page, [Nine(page, "Nine people killed")]))
            .Add(own, Analysis(own, [Nine(own, "Nine people killed")])));

        Assert.Contains(claims, claim => claim.Sources.Contains(report.Id) && claim.Sources.Contains(other.Id) && claim.Sources.Contains(own.Id));
        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(page.Id) && claim.Sources.Count > 1);
        Assert.Null(TeaserLines.Line(own.Text, 0, 11, own.Title));
        Assert.True(TeaserLines.NamesAnother(TeaserLines.Line(page.Text, page.Text.IndexOf("Nine", StringComparison.Ordinal), page.Text.IndexOf("Nine", StringComparison.Ordinal) + 4, page.Title), new HashSet<string> { headline }));
    }
}
