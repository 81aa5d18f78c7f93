using Triangulate.Ingest;

namespace Triangulate.Tests.Unit.Ingest;

public class HtmlMetadataReaderTests
{
    [Theory]
    [InlineData("The Wendle Post", "The Wendle Post")]
    [InlineData("Marnhold News | The latest from the valley | MN", "Marnhold News")]
    [InlineData("Marnhold Courier - Das Magazin für die Region", "Marnhold Courier")]
    [InlineData("https://www.marnhold-example.org/", "marnhold-example.org")]
    [InlineData("Ein Blog über ferne Länder, alte Häfen und den dritten Lebensabschnitt", null)]
    [InlineData("Read the news that matters.", null)]
    public void A_site_name_is_the_name_before_a_tagline_and_no_tagline_or_sentence(string siteName, string? expected) =>
        Assert.Equal(expected, HtmlMetadataReader.SiteName(siteName));

    [Theory]
    [InlineData("By Jane Doe and John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Jane Doe And John Roe For The Marnhold Courier", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Jane Doe, John Roe; Ann Poe", new[] { "Jane Doe", "John Roe", "Ann Poe" })]
    public void Authors_are_split_on_and_in_any_case_without_the_outlet_credited_after_for(string value, string[] names) =>
        Assert.Equal(names, HtmlMetadataReader.SplitNames(value));

    [Fact]
    public void A_stamp_in_the_author_meta_tag_is_no_author()
    {
        const string html = """
            <html><head><title>Hamnen stängd</title><meta name="author" content="28.5.2020 17:43 Uppdaterad"></head><body><article>
            <h1>Hamnen stängd</h1>
            <p>The port of Marnhold closed on Monday after a storm damaged two of its cranes and flooded the customs shed.</p>
            </article></body></html>
            """;
        var source = HtmlDocumentReader.FromBytes("page.html", System.Text.Encoding.UTF8.GetBytes(html)).Document!;
        Assert.Empty(source.Metadata.Authors);
    }
}
