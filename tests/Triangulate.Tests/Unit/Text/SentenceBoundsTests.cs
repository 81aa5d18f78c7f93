using Triangulate.Text;

namespace Triangulate.Tests.Unit.Text;

public class SentenceBoundsTests
{
    [Fact]
    public void A_long_run_without_punctuation_is_cut_at_white_space_into_bounded_pieces_covering_it()
    {
        var words = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => "word" + (i % 97)));
        var sentences = new List<Sentence>();
        new NewsSentenceSplitter().Split(words, 0, words.Length, sentences);
        Assert.Single(sentences);

        var notes = SentenceBounds.Apply(words, sentences, 500, 1_000_000);

        Assert.Single(notes);
        Assert.All(sentences, s => Assert.InRange(s.Length, 1, 500));
        // Cut at spaces: no word is split, and every word is in exactly one piece.
        Assert.All(sentences, s => Assert.True(s.End == words.Length || words[s.End] == ' '));
        Assert.Equal(words.Split(' ').Length, sentences.Sum(s => words[s.Start..s.End].Split(' ').Length));
    }

    [Fact]
    public void A_run_with_no_white_space_is_cut_at_the_cap_without_splitting_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("a😀", 1_000));
        var sentences = new List<Sentence> { new(0, text.Length) };

        SentenceBounds.Apply(text, sentences, 101, 1_000_000);

        Assert.All(sentences, s => Assert.False(char.IsLowSurrogate(text[s.Start])));
        Assert.Equal(text.Length, sentences.Sum(s => s.Length));
    }

    [Fact]
    public void Sentences_past_the_word_cap_are_dropped_and_the_cap_is_noted()
    {
        var text = string.Concat(Enumerable.Repeat("One two three four five. ", 100));
        var sentences = new List<Sentence>();
        new NewsSentenceSplitter().Split(text, 0, text.Length, sentences);

        var notes = SentenceBounds.Apply(text, sentences, 2_000, 52);

        Assert.Equal(10, sentences.Count);
        Assert.Contains("52-word limit", Assert.Single(notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Sentences_within_the_caps_are_left_as_they_are()
    {
        var text = "The bridge reopened. Traffic resumed on Monday.";
        var sentences = new List<Sentence>();
        new NewsSentenceSplitter().Split(text, 0, text.Length, sentences);
        var before = sentences.ToList();

        Assert.Empty(SentenceBounds.Apply(text, sentences, 2_000, 200_000));
        Assert.Equal(before, sentences);
    }
}
