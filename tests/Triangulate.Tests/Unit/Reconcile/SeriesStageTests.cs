using Triangulate.Model;
using Triangulate.Reconcile;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Support.SomeClaims;

namespace Triangulate.Tests.Unit.Reconcile;

public sealed class SeriesStageTests
{
    private static CorpusContext Run(InMemoryCorpus corpus)
    {
        var context = corpus.Context();
        new ClaimMatchingStage().Run(context);
        new ContradictionStage().Run(context);
        new SeriesStage().Run(context);
        return context;
    }

    [Fact]
    public void A_figure_now_and_a_figure_at_its_peak_named_by_different_words_form_a_series_in_time_order()
    {
        var peak = Document("The operation began in August. At its peak, Ukraine’s army reportedly controlled approximately 1,376 square kilometers.", "Alpha", published: "2024-12-15");
        var now = Document("Ukraine currently controls about 800 square kilometers of territory in the region.", "Beta", published: "2024-11-25");
        var corpus = new InMemoryCorpus()
            .Add(peak, Analysis(peak, [Quantity(peak, "approximately 1,376 square kilometers", "area", "area", 1376, 1376, "km2")]) with
            {
                Times = [new TimeExpression { Span = Span(peak, "in August"), Start = PartialDate.Parse("2024-08"), End = PartialDate.Parse("2024-08") }],
            })
            .Add(now, Analysis(now, [Quantity(now, "about 800 square kilometers of territory", "territory", "area", 720, 880, "km2")]));

        var context = Run(corpus);

        Assert.Empty(context.Contradictions);
        var series = Assert.Single(context.Series);
        Assert.Equal("Ukraine", series.Subject);
        Assert.Equal(2, series.Points.Count);
        // The peak is an interval, not an invented day: from the dated event of its passage to before publication.
        Assert.Equal(PartialDate.Parse("2024-08"), series.Points[0].Date);
        Assert.Equal(PartialDate.Parse("2024-12-14"), series.Points[0].End);
        Assert.Equal(1376, series.Points[0].Low);
        Assert.Equal(PartialDate.Parse("2024-11-25"), series.Points[1].Date);
        Assert.Null(series.Points[1].End);
    }

    [Fact]
    public void Another_holders_figure_of_the_same_measure_does_not_join_the_series()
    {
        var d = Document("Ukraine currently controls about 800 square kilometers of territory. In October alone, Russia occupied an estimated 500 square kilometers of Ukrainian territory.", "Alpha", published: "2024-11-25");
        var corpus = new InMemoryCorpus().Add(d, Analysis(d,
        [
            Quantity(d, "about 800 square kilometers of territory", "territory", "area", 720, 880, "km2"),
            Quantity(d, "an estimated 500 square kilometers", "territory", "area", 450, 550, "km2", time: "2024-10"),
        ]));

        var context = Run(corpus);

        Assert.Empty(context.Series);
        Assert.Empty(context.Contradictions);
    }

    [Fact]
    public void The_nearest_time_word_decides_when_a_figure_holds()
    {
        const string text = "Ukraine currently controls about 800 square kilometers, more than 40 percent less than the peak of 1376 square kilometers.";

        Assert.Equal("now", FigureTimes.Nearest(text, text.IndexOf("800", StringComparison.Ordinal), text.IndexOf("800", StringComparison.Ordinal) + 3));
        Assert.Equal("earlier", FigureTimes.Nearest(text, text.IndexOf("1376", StringComparison.Ordinal), text.IndexOf("1376", StringComparison.Ordinal) + 4));
        Assert.Null(FigureTimes.Nearest("The bridge is 40 km long.", 14, 19));
    }

    [Fact]
    public void The_holder_is_the_nearest_country_before_the_figure_not_one_after_a_preposition()
    {
        const string text = "A source told us that Ukraine currently controls 800 km2 of territory in Russia. At its peak, Kyiv's operation held 1,376 km2.";

        Assert.Equal("Ukraine", FigureSubjects.HolderBefore(text, text.IndexOf("800", StringComparison.Ordinal)));
        Assert.Equal("Ukraine", FigureSubjects.HolderBefore(text, text.IndexOf("1,376", StringComparison.Ordinal)));
        Assert.Equal("Russia", FigureSubjects.HolderBefore("In October alone, Russian forces regained 500 km2.", 42));
        Assert.Null(FigureSubjects.HolderBefore("Troops in Ukraine hold 500 km2.", 23));
    }
}
