using Triangulate.Model;
using Triangulate.Reconcile;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Support.SomeClaims;

namespace Triangulate.Tests.Unit.Reconcile;

public sealed class DatingStageTests
{
    private static CorpusContext Run(InMemoryCorpus corpus, Action<CorpusContext>? link = null, IReadOnlyList<string>? calendars = null)
    {
        var context = corpus.Context();
        link?.Invoke(context);
        new DatingStage(calendars).Run(context);
        return context;
    }

    [Fact]
    public void EightWeeksUntilTheInaugurationIsEightWeeksBeforeItsDay()
    {
        var d = Document("After winning the 2024 election, he prepares. With exactly eight weeks until Donald Trump's inauguration, Ukraine will need to do everything possible.", "Alpha");

        var estimate = Run(new InMemoryCorpus().Add(d)).InferredPublished[d.Id];

        Assert.Equal(PartialDate.Parse("2024-11-25"), estimate.Date);
        Assert.Equal(DateBasis.Inferred, estimate.Basis);
        Assert.Contains(estimate.Evidence, s => s.Excerpt!.Contains("eight weeks until", StringComparison.Ordinal));
    }

    [Fact]
    public void NineDaysToGoBeforeTheInaugurationIsTheEleventhOfJanuary()
    {
        // No year in the text: the other, dated documents of the corpus choose which inauguration.
        var d = Document("KYIV – With nine days to go before President-elect Donald Trump’s inauguration, Russia and Ukraine are locked in an intense battle.", "Alpha");
        var dated = Document("Fighting continued on Sunday.", "Beta", published: "2024-12-20");

        var estimate = Run(new InMemoryCorpus().Add(d).Add(dated)).InferredPublished[d.Id];

        Assert.Equal(PartialDate.Parse("2025-01-11"), estimate.Date);
        Assert.Equal(estimate.Earliest, estimate.Latest);
    }

    [Fact]
    public void AlmostFourMonthsAfterAugustAndAMessageWrittenOnTwentySixNovemberGiveLateNovemberToEarlyDecember()
    {
        var d = Document(
            "Almost four months after Ukrainian troops launched a lightning offensive in August, text messages paint a dismal picture.\n\n“This trend will continue,” Pavlo wrote on 26 November. “It’s only a matter of time.”",
            "Alpha");
        var dated = Document("Fighting continued.", "Beta", published: "2024-11-20");

        var estimate = Run(new InMemoryCorpus().Add(d).Add(dated)).InferredPublished[d.Id];

        Assert.Equal(PartialDate.Parse("2024-11-26"), estimate.Earliest);
        Assert.True(estimate.Latest <= PartialDate.Parse("2024-12-15"), estimate.Latest.ToString());
        Assert.Equal(2, estimate.Evidence.Count);
    }

    [Fact]
    public void A_reported_past_day_alone_gives_an_interval_of_the_following_fortnight_and_no_best_day()
    {
        var d = Document("The spokesman wrote on 26 November 2024 that the attack failed.", "Alpha");

        var estimate = Run(new InMemoryCorpus().Add(d)).InferredPublished[d.Id];

        Assert.Equal("2024-11-26", estimate.Earliest.ToString());
        Assert.Equal("2024-12-10", estimate.Latest.ToString());
        Assert.Null(estimate.Date);
    }

    [Fact]
    public void A_date_inside_a_quote_after_a_future_word_still_counts_as_reported_past()
    {
        var d = Document("“It is only a matter of time before we lose,” said one soldier in late November 2024.", "Alpha");

        Assert.Equal("2024-11-20", Run(new InMemoryCorpus().Add(d)).InferredPublished[d.Id].Earliest.ToString());
    }

    [Fact]
    public void A_date_after_until_in_the_same_sentence_is_future_and_bounds_nothing()
    {
        var d = Document("The orders were to hold the land until a new president arrives at the end of January 2025.", "Alpha");

        Assert.Empty(Run(new InMemoryCorpus().Add(d)).InferredPublished);
    }

    [Fact]
    public void AnInaugurationCountdownWithNoYearAnywhereSaysNothing()
    {
        var d = Document("With nine days to go before the inauguration, the battle goes on.", "Alpha");

        Assert.Empty(Run(new InMemoryCorpus().Add(d)).InferredPublished);
    }

    [Fact]
    public void AFutureDateIsNotALowerBound()
    {
        var d = Document("He wants to push us out before January 20. With exactly eight weeks until the 2025 inauguration, talks loom.", "Alpha");

        var estimate = Run(new InMemoryCorpus().Add(d)).InferredPublished[d.Id];

        Assert.Equal(PartialDate.Parse("2024-11-25"), estimate.Date);
    }

    [Fact]
    public void ACopyIsPublishedAfterItsSourceAndBeforeWhatCopiesIt()
    {
        var source = Document("The offensive began.", "Alpha", published: "2024-11-25");
        var copy = Document("The offensive began, it was reported. It was also reported that 3 days after the offensive things changed.", "Beta");
        var later = Document("Reprint of the offensive story.", "Gamma", published: "2024-11-27");
        var corpus = new InMemoryCorpus().Add(source).Add(copy).Add(later);

        var estimate = Run(corpus, c =>
        {
            c.Relations.Add(new Relation { From = copy.Id, To = source.Id, Kind = RelationKind.Rewrite });
            c.Relations.Add(new Relation { From = later.Id, To = copy.Id, Kind = RelationKind.Copy });
        }).InferredPublished[copy.Id];

        Assert.Equal(PartialDate.Parse("2024-11-25"), estimate.Earliest);
        Assert.Equal(PartialDate.Parse("2024-11-27"), estimate.Latest);
    }

    [Fact]
    public void AUserCalendarAddsEvents()
    {
        using var folder = new TempFolder();
        var calendar = folder.Write("calendar.tsv", "2030-05-01\tgrand river festival\triver festival\n");
        var d = Document("With ten days to go before the river festival, the town is busy.", "Alpha");

        var without = Run(new InMemoryCorpus().Add(d));
        var with = Run(new InMemoryCorpus().Add(d), calendars: [calendar]);

        Assert.Empty(without.InferredPublished);
        Assert.Equal(PartialDate.Parse("2030-04-21"), with.InferredPublished[d.Id].Date);
    }

    [Fact]
    public void ClaimMatchingResolvesPublicationRelativeTimesAgainstTheInferredDate()
    {
        var d = Document("With exactly eight weeks until the 2025 inauguration, three days ago 40 soldiers died.", "Alpha");
        var draft = Quantity(d, "40 soldiers", "soldiers died", "count", 40, 40, "people") with
        {
            TimeSource = new TimeExpression { Span = Span(d, "three days ago"), Anchor = TimeAnchor.Publication, Rule = "day:-3" },
        };
        var context = new InMemoryCorpus().Add(d, Analysis(d, [draft])).Context();

        new DatingStage().Run(context);
        new ClaimMatchingStage().Run(context);

        Assert.Equal(PartialDate.Parse("2024-11-22"), Assert.Single(context.Claims).Time!.Start);
    }

    [Fact]
    public void Something_that_resumed_following_talks_in_a_city_of_the_calendar_is_dated_in_the_fortnight_after_them()
    {
        var d = Document("Cooperation resumed following bilateral discussions in Jeddah, Saudi Arabia. The administration under Trump is urging a deal.", "Alpha");
        var dated = Document("Fighting continued.", "Beta", published: "2025-01-10");

        var estimate = Run(new InMemoryCorpus().Add(d).Add(dated)).InferredPublished[d.Id];

        Assert.Equal("2025-03-11", estimate.Earliest.ToString());
        Assert.Equal("2025-03-25", estimate.Latest.ToString());
        Assert.Contains(estimate.Evidence, s => s.Excerpt!.Contains("Jeddah", StringComparison.Ordinal));
    }

    [Fact]
    public void Talks_that_will_only_come_after_bound_nothing()
    {
        var d = Document("Cooperation will resume after discussions in Jeddah, officials said.", "Alpha");
        var dated = Document("Fighting continued.", "Beta", published: "2025-01-10");

        Assert.DoesNotContain(d.Id, Run(new InMemoryCorpus().Add(d).Add(dated)).InferredPublished.Keys);
    }

    [Fact]
    public void A_present_administration_alone_is_too_weak_and_says_nothing()
    {
        // Four years of a term: an interval that wide is no date.
        var d = Document("The administration under Trump is urging a long-term deal.", "Alpha");
        var dated = Document("Fighting continued.", "Beta", published: "2025-01-10");

        Assert.DoesNotContain(d.Id, Run(new InMemoryCorpus().Add(d).Add(dated)).InferredPublished.Keys);
    }

    [Fact]
    public void A_president_elect_is_between_the_election_and_the_inauguration()
    {
        var d = Document("President-elect Joe Biden named his first cabinet picks.", "Alpha");
        var dated = Document("Fighting continued.", "Beta", published: "2020-12-01");

        var estimate = Run(new InMemoryCorpus().Add(d).Add(dated)).InferredPublished[d.Id];

        Assert.Equal("2020-11-03", estimate.Earliest.ToString());
        Assert.Equal("2021-01-20", estimate.Latest.ToString());
        Assert.Null(estimate.Date);
    }

    [Fact]
    public void Ahead_of_a_summit_in_the_present_bounds_from_above_and_a_reported_day_from_below()
    {
        var d = Document("Leaders are gathering ahead of the G20 summit in Rio. The minister spoke on 4 November 2024 about trade.", "Alpha");

        var estimate = Run(new InMemoryCorpus().Add(d)).InferredPublished[d.Id];

        Assert.Equal("2024-11-04", estimate.Earliest.ToString());
        Assert.Equal("2024-11-18", estimate.Latest.ToString());
    }

    [Fact]
    public void Parts_of_one_alias_in_different_clauses_name_nothing_together()
    {
        // "inauguration, Russia" must not read as a Russian inauguration: the US one of 2025 is meant.
        var d = Document("With nine days to go before President-elect Donald Trump’s inauguration, Russia and Ukraine fight on.", "Alpha");
        var dated = Document("Fighting continued on Sunday.", "Beta", published: "2024-12-20");

        Assert.Equal(PartialDate.Parse("2025-01-11"), Run(new InMemoryCorpus().Add(d).Add(dated)).InferredPublished[d.Id].Date);
    }
}
