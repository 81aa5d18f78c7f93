using Triangulate.Model;
using Triangulate.Reconcile;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Support.SomeClaims;

namespace Triangulate.Tests.Unit.Reconcile;

/// <summary>
/// Statuses and statements whose own words date their events to different times are two facts (<see cref="EventTimes"/>);
/// an approximation corroborates only what its number rounds (<see cref="Figures.Written"/>).
/// </summary>
public sealed class EventTimeMatchingTests
{
    private static List<Claim> Claims(InMemoryCorpus corpus)
    {
        var context = corpus.Context();
        new ClaimMatchingStage().Run(context);
        return context.Claims;
    }

    /// <summary>A publication-relative time as the time extractor leaves it in an undated document: a rule, no dates.</summary>
    private static TimeExpression Relative(Document document, string phrase, string rule) =>
        new() { Span = Span(document, phrase), Rule = rule, Anchor = TimeAnchor.Publication };

    /// <summary>A time the time extractor resolved on its document's date: the days, and the rule or none when it is complete as written.</summary>
    private static TimeExpression Dated(Document document, string phrase, string day, string? rule) =>
        new() { Span = Span(document, phrase), Start = PartialDate.Parse(day), End = PartialDate.Parse(day), Anchor = rule is null ? TimeAnchor.None : TimeAnchor.Publication, Rule = rule };

    private static (Document, DocumentAnalysis) Damaged(string text, string outlet, string timePhrase, string rule)
    {
        var document = Document(text, outlet);
        var analysis = Analysis(document, [Status(document, text, "undersea cables", "damaged")]) with { Times = [Relative(document, timePhrase, rule)] };
        return (document, analysis);
    }

    [Fact]
    public void AStatusOnAWeekdayAndOneInANamedMonthOfUndatedReportsAreTwoFacts()
    {
        var (a, aa) = Damaged("Calls were cut on Friday after two undersea cables were damaged off the cape.", "Alpha", "on Friday", "weekday:5:0");
        var (b, ba) = Damaged("Undersea cables were also damaged in January, causing outages.", "Beta", "in January", "month-of-year:1:-1");
        var (c, ca) = Damaged("Two undersea cables were damaged Friday, the operator said.", "Gamma", "Friday", "weekday:5:0");

        var claims = Claims(new InMemoryCorpus().Add(a, aa).Add(b, ba).Add(c, ca));

        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(b.Id) && claim.Sources.Count > 1);
        // The two Friday reports still corroborate each other.
        Assert.Contains(claims, claim => claim.Sources.Contains(a.Id) && claim.Sources.Contains(c.Id));
    }

    [Fact]
    public void AMainClausesTimeDatesAClauseOfTimeButNotARelativeClause()
    {
        // "filed charges Friday against the man who killed a woman": the killing was not on Friday.
        var a = Document("The county attorney filed charges Friday against the man who hit and killed a woman outside the store.", "Alpha");
        var b = Document("A woman was killed Wednesday night outside the store.", "Beta");
        // "disrupted on Friday after cables were damaged": the damage was that Friday.
        var c = Document("Calls were disrupted on Friday after two undersea cables were damaged.", "Gamma");
        var d = Document("Undersea cables were also damaged in January.", "Delta");
        DocumentAnalysis Said(Document doc, string subject, string status, string phrase, string rule) =>
            Analysis(doc, [Status(doc, doc.Text, subject, status)]) with { Times = [Relative(doc, phrase, rule)] };

        var claims = Claims(new InMemoryCorpus()
            .Add(a, Said(a, "a woman", "killed", "Friday", "weekday:5:0"))
            .Add(b, Said(b, "a woman", "killed", "Wednesday night", "weekday:3:0@NI"))
            .Add(c, Said(c, "undersea cables", "damaged", "on Friday", "weekday:5:0"))
            .Add(d, Said(d, "undersea cables", "damaged", "in January", "month-of-year:1:-1")));

        Assert.Contains(claims, claim => claim.Sources.Contains(a.Id) && claim.Sources.Contains(b.Id));
        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(c.Id) && claim.Sources.Contains(d.Id));
    }

    [Theory]
    [InlineData("Calls were disrupted on Friday after two cables were damaged in the sea.", "damaged", "two cables were damaged in the sea.", "after")]
    [InlineData("In January, cables were also damaged.", "damaged", "In January, cables were also damaged.", "")]
    [InlineData("Police charged the man who killed a woman, officials said.", "killed", "killed a woman, officials said.", "who")]
    // A clause a speech verb reports is the sentence's news: no opener, so the sentence's time dates it.
    [InlineData("Firefighters fought a blaze on Tuesday, officials said, adding that 24 people were hurt.", "hurt", "24 people were hurt.", "")]
    public void AStatusWordsClauseRunsBetweenClauseOpenersNotCommas(string sentence, string word, string clause, string opener)
    {
        var (from, to, found) = EventTimes.Clause(sentence, 0, sentence.Length, sentence.IndexOf(word, StringComparison.Ordinal));

        Assert.Equal(clause, sentence[from..to].Trim());
        Assert.Equal(opener, found);
    }

    [Fact]
    public void TwoDifferentWeekdaysAreTwoFactsAndATimeOfTheTellingDatesNothing()
    {
        var (a, aa) = Damaged("Two undersea cables were damaged on Tuesday off the cape.", "Alpha", "on Tuesday", "weekday:2:0");
        var (b, ba) = Damaged("Two undersea cables were damaged on Saturday off the cape.", "Beta", "on Saturday", "weekday:6:0");
        // "said on Saturday": when it was told, not when it happened.
        var (c, ca) = Damaged("Two undersea cables were damaged off the cape, the operator said on Saturday.", "Gamma", "on Saturday", "weekday:6:0");

        var claims = Claims(new InMemoryCorpus().Add(a, aa).Add(b, ba).Add(c, ca));

        // Not even through the undated third mention, which joins one of them.
        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(a.Id) && claim.Sources.Contains(b.Id));
        Assert.Contains(claims, claim => claim.Sources.Contains(c.Id) && claim.Sources.Count == 2);
    }

    [Fact]
    public void OneReportFormOfTwoWeekdaysIsTwoStatementsThoughACopyIsDatedAWeekLater()
    {
        // The wire dateline's day is the telling's, not the fire's.
        const string tuesday = "NEW IWICK, September 10 (Wire) - Four people died when a fire broke out in a nightclub on Elm Street in New Iwick on Tuesday";
        const string saturday = "NEW IWICK, September 14 (Wire) - Four people died when a fire broke out in a market hall on Quarry Lane in New Iwick on Saturday";
        var a = Document(tuesday + ", the fire service said.", "Alpha", "2024-09-10");
        var b = Document(saturday + ", the fire service said.", "Beta", "2024-09-14");
        // A copy published a week later keeps its source's "on Tuesday", which its own date resolves a week later.
        var c = Document(tuesday + ", the fire service said.", "Gamma", "2024-09-17");
        DocumentAnalysis Said(Document d, string words, string day, string dayWord, string rule) =>
            Analysis(d, [Statement(d, words, "the fire service")]) with { Times = [Dated(d, d.Text[11..23], "2024-09-10", "month-day:09-10:-1"), Dated(d, dayWord, day, rule)] };

        var claims = Claims(new InMemoryCorpus()
            .Add(a, Said(a, tuesday, "2024-09-10", "on Tuesday", "weekday:2:0"))
            .Add(b, Said(b, saturday, "2024-09-14", "on Saturday", "weekday:6:0"))
            .Add(c, Said(c, tuesday, "2024-09-17", "on Tuesday", "weekday:2:0")));

        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(b.Id) && claim.Sources.Count > 1);
        Assert.Contains(claims, claim => claim.Sources.Contains(a.Id) && claim.Sources.Contains(c.Id));
    }

    [Fact]
    public void ADateCompleteAsWrittenIsComparedByItsDays()
    {
        var a = Document("The inmate escaped on March 11, 2005, from the courthouse.", "Alpha", "2008-12-13");
        var b = Document("The inmate escaped on Friday from the courthouse.", "Beta", "2008-12-13");
        var c = Document("The inmate escaped on 11 March 2005 from the courthouse.", "Gamma", "2008-12-14");
        DocumentAnalysis Fled(Document d, string when, string day, string? rule) =>
            Analysis(d, [Status(d, d.Text, "the inmate", "escaped")]) with { Times = [Dated(d, when, day, rule)] };

        var claims = Claims(new InMemoryCorpus()
            .Add(a, Fled(a, "March 11, 2005", "2005-03-11", null))
            .Add(b, Fled(b, "on Friday", "2008-12-12", "weekday:5:0"))
            .Add(c, Fled(c, "11 March 2005", "2005-03-11", null)));

        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(b.Id) && claim.Sources.Count > 1);
        Assert.Contains(claims, claim => claim.Sources.Contains(a.Id) && claim.Sources.Contains(c.Id));
    }

    [Fact]
    public void NamedPeriodsOfUndatedRulesAreApartOnlyWhenAWriterWouldNotNameTheOneForTheOther()
    {
        Assert.False(EventTimes.Compatible(null, "weekday:5:0", null, "month-of-year:1:-1"));
        Assert.False(EventTimes.Compatible(null, "day:-1@NI", null, "year:-1"));
        Assert.False(EventTimes.Compatible(null, "month-of-year:3", null, "month-of-year:1:-1"));
        Assert.True(EventTimes.Compatible(null, "weekday:5:0@MO", null, "weekday:5:0"));
        // Yesterday may be the Friday; last year may be its January; a time to come or a weekend is not compared.
        Assert.True(EventTimes.Compatible(null, "day:-1", null, "weekday:5:0"));
        Assert.True(EventTimes.Compatible(null, "year:-1", null, "month-of-year:1:-1"));
        Assert.True(EventTimes.Compatible(null, "weekday:5:1", null, "month-of-year:1:-1"));
        Assert.True(EventTimes.Compatible(null, null, null, "month-of-year:1:-1"));
    }

    [Fact]
    public void AnApproximationCorroboratesOnlyWhatItsNumberRounds()
    {
        var a = Document("The club's offer is worth around $160 million over eight years.", "Alpha");
        var b = Document("Rumours put the rival offer perhaps between $165 million and $180 million.", "Beta");
        var c = Document("The club made an offer of $158 million over eight years.", "Gamma");
        var corpus = new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "around $160 million", "offer", "money", 144e6, 176e6, "USD", hedge: "around")]))
            .Add(b, Analysis(b, [Quantity(b, "between $165 million and $180 million", "offer", "money", 165e6, 180e6, "USD")]))
            .Add(c, Analysis(c, [Quantity(c, "$158 million", "offer", "money", 158e6, 158e6, "USD")]));

        var claims = Claims(corpus);

        // Not even through the undated third mention, which joins one of them.
        Assert.DoesNotContain(claims, claim => claim.Sources.Contains(a.Id) && claim.Sources.Contains(b.Id));
        Assert.Contains(claims, claim => claim.Sources.Contains(c.Id) && claim.Sources.Count == 2);
    }

    [Fact]
    public void TheRangeAnApproximationMeansIsItsNumberGiveOrTakeHalfItsLastDigit()
    {
        Assert.True(Figures.IsApproximation("Around"));
        Assert.True(Figures.IsApproximation("an  estimated"));
        Assert.False(Figures.IsApproximation("at least"));
        Assert.Equal((155e6, 165e6), Figures.Written(new QuantityValue { Low = 144e6, High = 176e6 }));
        Assert.Equal((1350d, 1450d), Figures.Written(new QuantityValue { Low = 1260, High = 1540 }));
        // An approximate range ("about 10 to 12") is not a widened point.
        Assert.Null(Figures.Written(new QuantityValue { Low = 9, High = 13.2 }));
    }
}
