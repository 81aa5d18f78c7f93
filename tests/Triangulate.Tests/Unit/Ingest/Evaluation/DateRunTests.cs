using Triangulate.Ingest.Evaluation;
using Triangulate.Model;

namespace Triangulate.Tests.Unit.Ingest.Evaluation;

public class DateRunTests
{
    private static DateEstimate Day(int y, int m, int d) => DateEstimate.Exact(new PartialDate(y, m, d), DateBasis.Metadata);

    [Fact]
    public void Pages_are_scored_as_htmldate_scores_them()
    {
        var run = new DateRun();
        run.Add(new PartialDate(2020, 1, 2), Day(2020, 1, 2)); // right
        run.Add(new PartialDate(2020, 1, 2), Day(2020, 1, 3)); // wrong, within a day
        run.Add(new PartialDate(2020, 1, 2), null);            // missing
        run.Add(null, null);                                   // true negative
        run.Add(null, Day(2020, 1, 1));                        // wrong
        Assert.Equal(5, run.Pages);
        Assert.Equal(1, run.Right);
        Assert.Equal(2, run.Wrong);
        Assert.Equal(1, run.Missing);
        Assert.Equal(0.4, run.Accuracy, 6);
        Assert.Equal(0.6, run.AccuracyWithinDay, 6);
        Assert.Equal(0.6, run.Coverage, 6);
        Assert.Equal(1.0 / 3, run.Precision, 6);
        Assert.Equal(0.5, run.Recall, 6);
    }

    [Fact]
    public void The_ground_truth_reads_nan_as_a_page_without_a_date()
    {
        var truth = DateEvaluation.ReadTruth("""{"a": {"url": "https://x.example/1", "date": "2020-10-09"}, "b": {"url": "https://x.example/2", "date": null}}""");
        Assert.Equal(new PartialDate(2020, 10, 9), truth["a"].Item2);
        Assert.Null(truth["b"].Item2);
    }
}
