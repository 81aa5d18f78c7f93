using Triangulate.Text;

namespace Triangulate.Tests.Unit.Text;

public class NewsSentenceSplitterTests
{
    private static List<string> Split(string text)
    {
        var sentences = new List<Sentence>();
        new NewsSentenceSplitter().Split(text, 0, text.Length, sentences);
        return sentences.ConvertAll(s => text[s.Start..s.End]);
    }

    [Theory]
    [InlineData("Lt. Gen. Smith met Mr. Jones in the U.S. capital on Dec. 8. They spoke.", 2)]
    [InlineData("He lives at No. 10 Downing Street. It is old.", 2)]
    [InlineData("J. R. Smith said it. Then he left.", 2)]
    [InlineData("The talks (held in Geneva. Mostly.) failed. Nobody was surprised.", 2)]
    [InlineData("“The situation is getting worse every day.” He said it twice.", 2)]
    [InlineData("Prices rose 2.5 percent. Wages did not.", 2)]
    [InlineData("• First point\n• Second point", 2)]
    [InlineData("He said no. Then he left.", 2)]
    public void Abbreviations_initials_and_brackets_do_not_end_sentences(string text, int count) =>
        Assert.Equal(count, Split(text).Count);

    [Fact]
    public void A_closing_quote_stays_with_its_sentence()
    {
        var sentences = Split("“We don’t see the goal. Our land is not here.” The tone is dark.");
        Assert.Equal(["“We don’t see the goal.", "Our land is not here.”", "The tone is dark."], sentences);
    }

    [Fact]
    public void The_baseline_splits_after_abbreviations_where_the_news_splitter_does_not()
    {
        const string text = "Mr. Jones arrived. He sat.";
        var baseline = new List<Sentence>();
        new PunctuationSentenceSplitter().Split(text, 0, text.Length, baseline);
        Assert.Equal(3, baseline.Count);
        Assert.Equal(2, Split(text).Count);
    }
}
