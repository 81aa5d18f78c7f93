using Triangulate.Ingest;

namespace Triangulate.Tests.Unit.Ingest;

public class NameShapeTests
{
    [Theory]
    [InlineData("The Wendle Post")]
    [InlineData("The St. Louis Marnhold-Dispatch")]
    [InlineData("Marnhold Media Corp.")]
    [InlineData("Jane Q. Doe")]
    [InlineData("Yahoo!Marnhold")]
    [InlineData("NEW YORK")]
    [InlineData("OK! Magazin")]
    [InlineData("Marnhold Verein e.V.")]
    [InlineData("Fraktion DIE MARNHOLD. im Landtag")]
    public void A_short_noun_phrase_is_a_name(string value) => Assert.True(NameShape.IsName(value));

    [Theory]
    [InlineData("This website uses cookies. By continuing to use our website without changing the settings")]
    [InlineData("Diese Website verwendet Cookies.")]
    [InlineData("Article mis à jour le 7 janvier 2020.")]
    [InlineData("Subscribe to our newsletter for the latest news")]
    [InlineData("Is this your story?")]
    [InlineData("")]
    public void A_sentence_or_a_long_prompt_is_no_name(string value) => Assert.False(NameShape.IsName(value));

    [Theory]
    [InlineData("Jane Doe", true)]
    [InlineData("Marnhold24 Redaktion", true)]
    [InlineData("28.5.2020 17:43 Uppdaterad", false)]
    [InlineData("Jane Doe - January 10", false)]
    [InlineData("Redaktion 1. November 2023", false)]
    public void A_person_s_name_holds_no_date_nor_time(string value, bool person) =>
        Assert.Equal(person, NameShape.IsPersonName(value));
}
