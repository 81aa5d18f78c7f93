using Triangulate.Link;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class TextProfileTests
{
    [Fact]
    public void A_sentence_of_quoted_speech_is_marked_quoted_and_its_attribution_is_not()
    {
        var profile = TextProfile.Build(Doc("Headline here\n“We have a deal we can live with,” she said at the gates.\nThe board raised its offer on Friday.", "a.txt"), signature: false);
        var quoted = profile.Sentences.Single(s => profile.Text[s.Start..s.End].Contains("deal", StringComparison.Ordinal));
        var plain = profile.Sentences.Single(s => profile.Text[s.Start..s.End].Contains("board", StringComparison.Ordinal));
        Assert.True(quoted.Quoted);
        Assert.False(plain.Quoted);
    }

    [Fact]
    public void Wording_leaves_out_names_numbers_and_the_opening_capital()
    {
        var profile = TextProfile.Build(Doc("Headline here\nRescuers pulled 37 people from rooftops in Marvale overnight.", "a.txt"), signature: false);
        var sentence = profile.Sentences.Single(s => profile.Text[s.Start..s.End].Contains("rooftops", StringComparison.Ordinal));
        ulong Word(string w) => LinkText.Hash(LinkText.FoldWord(w));
        Assert.Contains(Word("pulled"), sentence.Wording);
        Assert.Contains(Word("rooftops"), sentence.Wording);
        Assert.DoesNotContain(Word("Rescuers"), sentence.Wording);
        Assert.DoesNotContain(Word("Marvale"), sentence.Wording);
        Assert.DoesNotContain(Word("37"), sentence.Wording);
        // Names and numbers are still anchors and content: they align facts, they just are not taken wording.
        Assert.Contains(Word("Marvale"), sentence.Content);
        Assert.Equal(2, sentence.Anchors.Length);
    }
}
