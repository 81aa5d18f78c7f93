using System.Text;
using Triangulate.Ingest;
using Triangulate.Model;

namespace Triangulate.Tests.Unit.Ingest;

public class HtmlDocumentReaderTests
{
    private const string Article = """
        <!doctype html>
        <html lang="en-GB"><head>
        <meta charset="utf-8">
        <title>Dam breach floods valley | The Daily Example</title>
        <meta property="og:site_name" content="The Daily Example">
        <meta property="og:url" content="https://www.example.org/news/dam">
        <meta property="article:published_time" content="2024-08-07T09:30:00+03:00">
        <meta name="author" content="Ann Smith and Bob Jones">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Dam breach floods the valley","publisher":{"@type":"Organization","name":"Daily Example"},"author":[{"@type":"Person","name":"Ann Smith"}]}</script>
        <style>.x { color: red }</style>
        </head><body>
        <header><div class="logo">The Daily Example</div></header>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
        <main><article>
        <h1>Dam breach floods the valley</h1>
        <p>The dam gave way early on Wednesday, officials said, flooding three villages downstream and cutting the main road.</p>
        <figure><img src="a.jpg"><figcaption>Water covers the road near the dam.</figcaption></figure>
        <p>Rescue teams, working through the night, moved more than 2,000 people to higher ground, the regional governor said.</p>
        <p>Engineers had warned in March that the structure, built in 1961, needed repairs, according to a report seen by the newspaper.</p>
        <div class="ad-slot">Advertisement</div>
        </article></main>
        <aside class="sidebar"><ul><li><a href="/a">Another story about floods elsewhere in the region</a></li></ul></aside>
        <section id="comments"><p>Reader comment: this was predictable, and the officials knew it.</p></section>
        <script>var hidden = "script text must not appear";</script>
        <footer><a href="/about">About us</a> <a href="/contact">Contact</a></footer>
        </body></html>
        """;

    private static SourceDocument Read(string html, string name = "page.html") => Read(Encoding.UTF8.GetBytes(html), name);

    private static SourceDocument Read(byte[] bytes, string name = "page.html")
    {
        var result = HtmlDocumentReader.FromBytes(name, bytes);
        Assert.NotNull(result.Document);
        return result.Document;
    }

    private static string Line(SourceDocument document, int i) => document.Text[document.Segments[i].Start..document.Segments[i].End];

    [Fact]
    public void Every_block_element_becomes_one_line_and_script_and_style_text_is_left_out()
    {
        var document = Read(Article);
        Assert.Equal("html", document.Format);
        Assert.Contains("Dam breach floods the valley\n", document.Text, StringComparison.Ordinal);
        Assert.Contains("The dam gave way early on Wednesday, officials said, flooding three villages downstream and cutting the main road.\n", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("script text", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("color", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_is_the_lines_joined_and_segments_cover_each_non_blank_character_once()
    {
        var document = Read(Article);
        var rebuilt = new StringBuilder();
        var covered = new int[document.Text.Length];
        for (var i = 0; i < document.Segments.Count; i++)
        {
            rebuilt.Append(Line(document, i)).Append('\n');
            for (var c = document.Segments[i].Start; c < document.Segments[i].End; c++) covered[c]++;
        }
        Assert.Equal(document.Text, rebuilt.ToString());
        for (var c = 0; c < document.Text.Length; c++)
            Assert.Equal(char.IsWhiteSpace(document.Text[c]) ? 0 : 1, char.IsWhiteSpace(document.Text[c]) ? 0 : covered[c]);
    }

    [Fact]
    public void Markup_gives_hints_paths_and_features()
    {
        var document = Read(Article);
        var segments = document.Segments;
        var title = segments.Single(s => document.Text[s.Start..s.End] == "Dam breach floods the valley");
        Assert.Equal(BlockKind.Title, title.Hint);
        Assert.EndsWith("article[1]/h1[1]", title.Path, StringComparison.Ordinal);
        Assert.Equal(BlockKind.Navigation, segments.Single(s => document.Text[s.Start..s.End] == "Home").Hint);
        Assert.Equal(BlockKind.Caption, segments.Single(s => document.Text[s.Start..s.End].StartsWith("Water covers", StringComparison.Ordinal)).Hint);
        Assert.Equal(BlockKind.Comment, segments.Single(s => document.Text[s.Start..s.End].StartsWith("Reader comment", StringComparison.Ordinal)).Hint);
        Assert.Equal(BlockKind.Advert, segments.Single(s => document.Text[s.Start..s.End] == "Advertisement").Hint);
        var paragraph = segments.Single(s => document.Text[s.Start..s.End].StartsWith("Rescue teams", StringComparison.Ordinal));
        Assert.Null(paragraph.Hint);
        Assert.Equal(1, paragraph.Features!["in.article"]);
        Assert.Equal(0, paragraph.Features["linkDensity"]);
        Assert.True(segments.Single(s => document.Text[s.Start..s.End] == "About us Contact").Features!["linkDensity"] > 0.8);
    }

    [Fact]
    public void Metadata_comes_from_open_graph_json_ld_and_the_html_element()
    {
        var meta = Read(Article).Metadata;
        Assert.Equal("Dam breach floods the valley", meta.Title);
        Assert.Equal("The Daily Example", meta.Outlet);
        Assert.Equal(["Ann Smith"], meta.Authors);
        Assert.Equal(new PartialDate(2024, 8, 7), meta.Published!.Date);
        Assert.Equal(DateBasis.Metadata, meta.Published.Basis);
        Assert.Equal("en", meta.Language);
        Assert.Equal("https://www.example.org/news/dam", meta.Url);
    }

    [Fact]
    public void Without_structured_data_the_title_tag_is_cleaned_and_authors_split_and_time_read()
    {
        var meta = Read("""
            <html><head><title>Floods reach the city - Example News</title><meta name="author" content="Ann Smith and Bob Jones">
            <link rel="canonical" href="https://news.example.com/floods"></head>
            <body><article><p>Text of the article that is long enough to be read as prose.</p><time datetime="2023-02-01T08:00:00Z">1 Feb</time></article></body></html>
            """).Metadata;
        Assert.Equal("Floods reach the city", meta.Title);
        Assert.Equal(["Ann Smith", "Bob Jones"], meta.Authors);
        Assert.Equal("news.example.com", meta.Outlet);
        Assert.Equal(new PartialDate(2023, 2, 1), meta.Published!.Date);
    }

    [Theory]
    // Issue 15, session 26: a social card's title keeps the site's name as the title bar does; only the site's name goes.
    [InlineData("Ferry service resumes | Harbour Gazette", "Harbour Gazette", "Ferry service resumes")]
    [InlineData("Ferry service resumes - Harbour Gazette", "Harbour Gazette", "Ferry service resumes")]
    [InlineData("Ferry service resumes after long winter - live", "Harbour Gazette", "Ferry service resumes after long winter - live")]
    [InlineData("Ferry service resumes - Gazette - Harbour News", "Gazette - Harbour News", "Ferry service resumes")]
    [InlineData("Ferry service resumes - Gazette | harbour.example", "Gazette | harbour.example", "Ferry service resumes")]
    [InlineData("Ferry service resumes | Harbour Gazette", "https://www.harbour-gazette.example", "Ferry service resumes")]
    public void A_social_card_title_drops_the_site_name_only(string card, string site, string title)
    {
        var meta = Read($$"""
            <html><head><meta property="og:title" content="{{card}}"><meta property="og:site_name" content="{{site}}"></head>
            <body><article><p>Text of the article that is long enough to be read as prose.</p></article></body></html>
            """).Metadata;
        Assert.Equal(title, meta.Title);
        // A site name written as its address is the host.
        Assert.Equal(site.StartsWith("http", StringComparison.Ordinal) ? "harbour-gazette.example" : site, meta.Outlet);
    }

    [Fact]
    public void A_windows_1251_page_is_decoded_with_its_declared_charset()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><p>День</p></body></html>";
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes(html);
        var document = Read(bytes);
        Assert.Equal("День\n", document.Text);
    }

    [Fact]
    public void Truncated_html_is_read_as_far_as_it_goes()
    {
        var document = Read("<html><body><article><p>First paragraph is complete.</p><p>Second is cut o");
        Assert.Equal("First paragraph is complete.\nSecond is cut o\n", document.Text);
    }

    [Fact]
    public void Ten_thousand_nested_elements_do_not_overflow_the_stack()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 10_000; i++) html.Append("<div>");
        html.Append("<p>deep text</p>");
        for (var i = 0; i < 10_000; i++) html.Append("</div>");
        html.Append("<p>after</p></body></html>");
        var document = Read(html.ToString());
        Assert.Contains("deep text", document.Text, StringComparison.Ordinal);
        Assert.EndsWith("after\n", document.Text, StringComparison.Ordinal);
        Assert.All(document.Segments, s => Assert.True(s.Path!.Split('/').Length <= HtmlDocumentReader.MaxDepth + 1));
    }

    [Fact]
    public void A_100_mb_page_is_refused_without_being_read()
    {
        using var temp = new Triangulate.Tests.Support.TempFolder();
        var path = temp.File("huge.html");
        using (var file = File.Create(path))
        {
            file.Write("<html><body><p>"u8);
            file.SetLength(100L * 1024 * 1024);
        }
        var input = new InputFile(path, path, new FileInfo(path).Length);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Assert.Single(new HtmlDocumentReader().Read(input, IngestLimits.Default));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(result.Document);
        Assert.StartsWith("too large: 100 MB", result.Problem!.Error, StringComparison.Ordinal);
        Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_binary_payload_with_an_html_name_is_a_problem()
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A, 0x00, 0x01];
        var result = HtmlDocumentReader.FromBytes("image.html", bytes);
        Assert.Null(result.Document);
        Assert.Contains("binary", result.Problem!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_are_taken_by_extension_or_by_an_html_head()
    {
        var reader = new HtmlDocumentReader();
        Assert.True(reader.CanRead(new InputFile("a.HTM", "a.HTM", 1), "x"u8));
        Assert.True(reader.CanRead(new InputFile("capture", "capture", 1), "\n <!DOCTYPE html><html>"u8));
        Assert.False(reader.CanRead(new InputFile("a.txt", "a.txt", 1), "Plain text with <b>tags</b> inside"u8));
    }
}
