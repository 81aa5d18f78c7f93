using Triangulate.Link;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Link;

public sealed class OutletNamesTests
{
    [Theory]
    [InlineData("ap", "associated press", true)]
    [InlineData("afp", "agence france presse", true)]
    [InlineData("meridian", "meridian press", true)]
    [InlineData("valley courier", "valley courier", true)]
    [InlineData("ap", "apple", false)]
    [InlineData("le", "le monde", false)]
    [InlineData("apx", "associated press", false)]
    [InlineData("press", "meridian press", false)]
    public void A_credit_names_an_outlet_by_its_key_its_initials_or_its_first_word(string credit, string outlet, bool expected) =>
        Assert.Equal(expected, OutletNames.Match(credit, outlet));

    [Theory]
    [InlineData("BOJESTAD (AP) — The quake struck at dawn.", "associated press", true)]
    [InlineData("This article first appeared on Meridian.", "meridian press", true)]
    [InlineData("Copyright 2024 Valley Courier. All rights reserved.", "valley courier", true)]
    [InlineData("The ap style guide was not followed.", "associated press", false)]
    [InlineData("Residents of Meridian Heights were evacuated.", "meridian press", false)]
    [InlineData("Meridian residents were evacuated.", "meridian press", false)]
    [InlineData("Nothing here names it.", "valley courier", false)]
    public void A_text_mentions_an_outlet_by_its_words_its_capital_initials_or_its_first_word_standing_alone(string text, string outlet, bool expected) =>
        Assert.Equal(expected, OutletNames.Mentioned(text, outlet));

    [Theory]
    [InlineData("Bergström", "bergstrom", true)]
    [InlineData("ZEITUNG", "zeitung", true)]
    [InlineData("Łódź", "lodz", true)]
    [InlineData("Straße", "strase", true)]
    [InlineData("Courier", "courie", false)]
    [InlineData("Courie", "courier", false)]
    [InlineData("Kurier", "courier", false)]
    public void A_token_folds_to_a_word_as_its_folded_string_would(string token, string word, bool expected)
    {
        Assert.Equal(expected, OutletNames.FoldsTo(token, word));
        Assert.Equal(expected, LinkText.FoldWord(token) == word);
    }

    [Theory]
    [InlineData("Reported by the Nordström Tidning staff.", "nordstrom tidning", true)]
    [InlineData("As NT reported on Monday.", "nordstrom tidning", true)]
    [InlineData("As Nt reported on Monday.", "nordstrom tidning", false)]
    [InlineData("Nordström said the vote was close.", "nordstrom tidning", false)]
    public void A_text_mentions_an_outlet_written_with_diacritics_by_its_folded_key(string text, string outlet, bool expected) =>
        Assert.Equal(expected, OutletNames.Mentioned(text, outlet));

    [Theory]
    [InlineData("associated press")]
    [InlineData("meridian press")]
    [InlineData("nordstrom tidning")]
    [InlineData("valley courier")]
    [InlineData("apple")]
    public void A_passage_of_a_profiled_text_mentions_an_outlet_as_the_passage_cut_out_does(string outlet)
    {
        // Every cut of the text, word boundaries and the middles of words alike: the profile's word filter may only
        // spare the scan where the answer is no.
        const string text = """
            BOJESTAD (AP) — The quake struck at dawn, Meridian reported.
            Residents of Meridian Heights were evacuated; NT and the Nordström Tidning staff counted 40 homes.
            This article first appeared on Valley Courier. Apples were sold out.
            """;
        var profile = TextProfile.Build(Some.Document(text), wording: true);
        Assert.Equal(OutletNames.Mentioned(text, outlet), OutletNames.Mentioned(profile, 0, text.Length, outlet));
        for (var start = 0; start <= text.Length; start += 3)
            for (var end = start; end <= text.Length; end += 5)
                Assert.True(OutletNames.Mentioned(text[start..end], outlet) == OutletNames.Mentioned(profile, start, end, outlet), $"{start}..{end}");
    }
}
