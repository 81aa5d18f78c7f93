using Triangulate.Text;

namespace Triangulate.Tests.Unit.Text;

public class NumberWordsTests
{
    [Theory]
    [InlineData("six", 6)]
    [InlineData("a dozen", 12)]
    [InlineData("two hundred", 200)]
    [InlineData("two hundred and fifty", 250)]
    [InlineData("twenty-five", 25)]
    [InlineData("1,376", 1376)]
    [InlineData("3,000kg", 3000)]
    [InlineData("40%", 40)]
    [InlineData("nine days", 9)]
    [InlineData("1.5 million", 1_500_000)]
    [InlineData("three thousand four hundred", 3400)]
    public void Numbers_read_as_news_writes_them(string text, double expected)
    {
        var tokens = Tokenizer.Tokenize(text, 0, text.Length);
        Assert.True(NumberWords.TryParse(text, tokens, 0, out var match));
        Assert.Equal(expected, match.Value);
    }

    [Theory]
    [InlineData("a day")]
    [InlineData("the army")]
    [InlineData("and six")]
    public void Words_that_are_not_numbers_are_not_read(string text)
    {
        var tokens = Tokenizer.Tokenize(text, 0, text.Length);
        Assert.False(NumberWords.TryParse(text, tokens, 0, out _));
    }

    [Fact]
    public void Indefinite_plurals_are_marked()
    {
        const string text = "dozens of people";
        Assert.True(NumberWords.TryParse(text, Tokenizer.Tokenize(text, 0, text.Length), 0, out var match));
        Assert.True(match.Plural);
    }

    [Fact]
    public void Digits_and_letters_written_together_are_two_tokens_with_offsets()
    {
        const string text = "the U.S. sent 3,000kg bombs";
        var tokens = Tokenizer.Tokenize(text, 0, text.Length);
        Assert.Equal(["the", "U.S.", "sent", "3,000", "kg", "bombs"], tokens.ConvertAll(t => text[t.Start..t.End]));
        Assert.Equal(TokenKind.Number, tokens[3].Kind);
    }

    [Theory]
    [InlineData("fourth", true)]
    [InlineData("Fifth", true)]
    [InlineData("twelfth", true)]
    [InlineData("twentieth", true)]
    [InlineData("twenty-fourth", true)]
    [InlineData("hundredth", true)]
    [InlineData("last", true)]
    [InlineData("growth", false)]
    [InlineData("month", false)]
    [InlineData("strength", false)]
    public void Ordinals_written_out_are_told_from_words_ending_alike(string word, bool ordinal) =>
        Assert.Equal(ordinal, NumberWords.IsOrdinalWord(word));
}
