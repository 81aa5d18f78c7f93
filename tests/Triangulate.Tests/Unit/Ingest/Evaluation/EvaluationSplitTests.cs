using Triangulate.Ingest.Evaluation;
using Triangulate.Model;

namespace Triangulate.Tests.Unit.Ingest.Evaluation;

public class EvaluationSplitTests
{
    [Fact]
    public void The_split_is_a_fixed_hash_of_the_id_and_cuts_a_set_near_half()
    {
        // FNV-1a of "a" is 0xE40C292C (even), of "b" 0xE70C2DE5 (odd): the values any other run or machine computes too.
        Assert.Equal(EvaluationPart.Look, EvaluationSplit.PartOf("a"));
        Assert.Equal(EvaluationPart.HeldBack, EvaluationSplit.PartOf("b"));
        var look = Enumerable.Range(0, 1000).Count(i => EvaluationSplit.PartOf($"page{i}") == EvaluationPart.Look);
        Assert.InRange(look, 400, 600);
    }

    [Fact]
    public void A_peer_s_days_are_read_as_strings_timestamps_objects_or_nothing()
    {
        var days = DateEvaluation.ReadPredictions("""{"a": "2020-10-09", "b": "2020-10-09T23:10:00+02:00", "c": {"date": "2019-01-02"}, "d": null, "e": NaN}""");
        Assert.Equal(new PartialDate(2020, 10, 9), days["a"]);
        Assert.Equal(new PartialDate(2020, 10, 9), days["b"]);
        Assert.Equal(new PartialDate(2019, 1, 2), days["c"]);
        Assert.Null(days["d"]);
        Assert.Null(days["e"]);
    }

    [Fact]
    public void Date_counts_go_to_the_whole_and_to_the_page_s_part()
    {
        var run = new SplitDateRun();
        run.Add("a", new PartialDate(2020, 1, 2), DateEstimate.Exact(new PartialDate(2020, 1, 2), DateBasis.Metadata));
        run.Add("b", new PartialDate(2020, 1, 2), null);
        Assert.Equal(2, run.All.Pages);
        Assert.Equal(1, run.Look.Right);
        Assert.Equal(1, run.HeldBack.Missing);
    }
}
