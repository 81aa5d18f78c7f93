using Triangulate.Ingest.Evaluation;

namespace Triangulate.Tests.Unit.Ingest.Evaluation;

public class ExtractionScorerTests
{
    [Fact]
    public void Tokens_are_word_runs_of_any_script()
    {
        Assert.Equal(["Día", "2", "день", "a_b", "x"], ExtractionScorer.Tokens("Día, 2 — день! a_b... x"));
    }

    [Fact]
    public void Identical_text_scores_one_and_punctuation_does_not_matter()
    {
        var score = ExtractionScorer.Score("one two, three four five.", "one two three four five");
        Assert.Equal(1, score.Precision);
        Assert.Equal(1, score.Recall);
        Assert.Equal(1, score.F1);
    }

    [Fact]
    public void Extra_text_lowers_precision_and_missing_text_lowers_recall()
    {
        // Truth: 6 tokens → 3 shingles. Prediction adds 2 tokens → 5 shingles, 3 right.
        var extra = ExtractionScorer.Score("a b c d e f g h", "a b c d e f");
        Assert.Equal(3.0 / 5, extra.Precision, 6);
        Assert.Equal(1, extra.Recall);
        var missing = ExtractionScorer.Score("a b c d", "a b c d e f");
        Assert.Equal(1, missing.Precision);
        Assert.Equal(1.0 / 3, missing.Recall, 6);
    }

    [Fact]
    public void Shingles_are_a_multiset()
    {
        // Five shingles (abcd twice); the truth has abcd once, so one counts: 1/5, where a set would give 1/4.
        var score = ExtractionScorer.Score("a b c d a b c d", "a b c d");
        Assert.Equal(1.0 / 5, score.Precision, 6);
    }

    [Fact]
    public void Pages_are_averaged_before_the_harmonic_mean()
    {
        var scorer = new ExtractionScorer();
        scorer.Add("a b c d", "a b c d");
        scorer.Add("", "a b c d");
        Assert.Equal(2, scorer.Pages);
        Assert.Equal(1, scorer.Total.Precision);
        Assert.Equal(0.5, scorer.Total.Recall);
        Assert.Equal(2 * 0.5 / 1.5, scorer.Total.F1, 6);
    }
}
