using System.Globalization;
using Triangulate.Model;
using Triangulate.Reconcile;
using Triangulate.Tests.Support;
using Xunit.Abstractions;
using static Triangulate.Tests.Support.SomeClaims;

namespace Triangulate.Tests.Unit.Reconcile;

/// <summary>
/// Publication dating on generated corpora with known truth: for widely known events, articles written a known number
/// of days before or after them in several phrasings, plus articles whose only evidence is future or weak (which must
/// get no date). Measures accuracy within a day for pinned dates, how often intervals hold, and false dates.
/// </summary>
public sealed class DatingGeneratedCorpusTests(ITestOutputHelper output)
{
    private static readonly (string Phrase, string Date)[] Events =
    [
        ("the G20 summit", "2024-11-18"), ("the NATO summit", "2023-07-11"), ("the inauguration", "2021-01-20"),
        ("Christmas", "2022-12-25"), ("Thanksgiving", "2019-11-28"), ("Easter", "2024-03-31"),
        ("the climate summit", "2022-11-06"), ("the Olympics", "2021-07-23"), ("the G7 summit", "2023-05-19"),
        ("the World Cup", "2022-11-20"), ("the Munich Security Conference", "2025-02-14"), ("Ramadan", "2024-03-11"),
        ("the midterm elections", "2022-11-08"), ("the coronation", "2023-05-06"), ("the BRICS summit", "2024-10-22"),
    ];

    [Fact]
    public void Generated_articles_are_dated_within_a_day_or_within_an_interval_that_holds_and_weak_ones_get_nothing()
    {
        int pinned = 0, pinnedRight = 0, intervals = 0, intervalsHold = 0, silentExpected = 0, silent = 0, wrong = 0;
        var widths = new List<int>();
        var k = 0;
        foreach (var (phrase, date) in Events)
        {
            var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var n = 3 + (k++ % 9);
            var before = day.AddDays(-n);
            var after = day.AddDays(1 + (k % 8));
            var cases = new List<(Document Doc, DateOnly? Truth, bool Pinned)>
            {
                (Document($"With {n} days to go before {phrase}, officials are preparing.", "P" + k), before, true),
                (Document($"Exactly {n} days after {phrase}, the mood has changed.", "Q" + k), day.AddDays(n), true),
                (Document($"Cooperation resumed following {phrase}, officials said.", "R" + k), after, false),
                (Document($"Leaders will meet again after {phrase}.", "S" + k), null, false),
                (Document("The administration under Biden is reviewing the plan.", "T" + k), null, false),
            };
            foreach (var (doc, truth, isPinned) in cases)
            {
                // One dated neighbour within a fortnight of the truth chooses the year, as a story's other articles do.
                var neighbour = Document("Fighting continued.", "N" + k, published: (truth ?? day).AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                var context = new InMemoryCorpus().Add(doc).Add(neighbour).Context();
                new DatingStage().Run(context);
                var estimate = context.InferredPublished.GetValueOrDefault(doc.Id);
                if (truth is not { } t)
                {
                    silentExpected++;
                    if (estimate is null) silent++; else wrong++;
                    continue;
                }
                if (isPinned)
                {
                    pinned++;
                    if (estimate?.Date is { } d && Math.Abs(d.Earliest.DayNumber - t.DayNumber) <= 1) pinnedRight++;
                    else if (estimate is not null) wrong++;
                    continue;
                }
                intervals++;
                if (estimate is null) continue;
                if (estimate.Earliest.Earliest <= t && t <= estimate.Latest.Latest) { intervalsHold++; widths.Add(estimate.Latest.Latest.DayNumber - estimate.Earliest.Earliest.DayNumber); }
                else wrong++;
            }
        }
        widths.Sort();
        output.WriteLine($"pinned within a day {pinnedRight}/{pinned}; intervals holding {intervalsHold}/{intervals} (median width {(widths.Count > 0 ? widths[widths.Count / 2] : 0)} days); silent when weak or future {silent}/{silentExpected}; wrong dates {wrong}");
        Assert.Equal(0, wrong);
        Assert.Equal(pinned, pinnedRight);
        Assert.Equal(intervals, intervalsHold);
        Assert.Equal(silentExpected, silent);
    }
}
