using Triangulate.Link;
using Triangulate.Model;
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

    [Fact]
    public void A_profile_built_with_signature_and_wording_serves_the_search_and_the_verification_alike()
    {
        const string Credit = "Source: Valley Courier";
        var document = Doc("Headline here\nHeavy rain flooded the river town of Marvale on Tuesday, the mayor said.\nRescue crews pulled 37 people from rooftops during the night.\n" + Credit + "\n", "a.txt");
        var start = document.Text.IndexOf(Credit, StringComparison.Ordinal);
        document = document with { Blocks = [.. document.Blocks.Where(b => b.End <= start), new Block(BlockKind.Credit, start, start + Credit.Length)] };
        var both = TextProfile.Build(document, signature: true, wording: true);
        var search = TextProfile.Build(document);
        var verification = TextProfile.Build(document, signature: false);
        Assert.Empty(search.WordFiveGrams);
        Assert.Equal(search.Signature, both.Signature);
        Assert.NotEmpty(verification.WordFiveGrams);
        Assert.True(verification.WordFiveGrams.SetEquals(both.WordFiveGrams));
        Assert.Contains(Credit, both.LinesOutsideBody);
        Assert.Equal(verification.LinesOutsideBody, both.LinesOutsideBody);
        Assert.Equal(verification.Sentences.Count, both.Sentences.Count);
        Assert.Equal(verification.BodyHash, both.BodyHash);
    }
}
