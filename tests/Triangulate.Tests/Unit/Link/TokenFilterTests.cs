using Triangulate.Link;

namespace Triangulate.Tests.Unit.Link;

public sealed class TokenFilterTests
{
    [Fact]
    public void Every_word_of_the_text_folded_may_be_in_it()
    {
        const string text = "Firefighters from Østerholm fought the blaze on Kaiserstraße for 3 hours; the AP's reporter (Nordström) saw it.";
        var filter = TokenFilter.Of(text);
        foreach (var word in new[] { "firefighters", "osterholm", "kaiserstrase", "3", "hours", "ap", "s", "nordstrom", "it" })
            Assert.True(filter.MayContain(TokenFilter.Key(word)), word);
    }

    [Fact]
    public void A_word_the_text_lacks_is_mostly_ruled_out()
    {
        // Two hundred distinct words in the text, two hundred others asked for: a Bloom filter of eight bits a word and
        // three probes answers maybe for about 3 % of absent words, never for all of them.
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}"));
        var filter = TokenFilter.Of(text);
        var maybe = Enumerable.Range(200, 200).Count(i => filter.MayContain(TokenFilter.Key($"word{i}")));
        Assert.InRange(maybe, 0, 30);
        Assert.All(Enumerable.Range(0, 200), i => Assert.True(filter.MayContain(TokenFilter.Key($"word{i}"))));
    }
}
