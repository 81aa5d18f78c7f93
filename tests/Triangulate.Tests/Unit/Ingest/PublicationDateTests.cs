using System.Text;
using Triangulate.Ingest;
using Triangulate.Model;

namespace Triangulate.Tests.Unit.Ingest;

/// <summary>Publication days read from HTML: markup sources in order, URL path dates, days stated near the headline.</summary>
public class PublicationDateTests
{
    private static SourceDocument Read(string html, string source = "page.html")
    {
        var result = HtmlDocumentReader.FromBytes(source, Encoding.UTF8.GetBytes(html));
        Assert.NotNull(result.Document);
        return result.Document;
    }

    private static string Page(string head, string body, string lang = "de") =>
        $"<!doctype html><html lang=\"{lang}\"><head><title>Neue Brücke eröffnet</title>{head}</head><body>{body}</body></html>";

    private const string Story = "<p>Die neue Brücke über den Fluss wurde am Morgen eröffnet, sagte der Bürgermeister vor vielen Gästen.</p>";

    [Fact]
    public void A_publication_meta_tag_gives_the_day_as_written_in_its_own_offset()
    {
        var doc = Read(Page("<meta property=\"article:published_time\" content=\"2021-11-04T23:30:00-05:00\">", "<h1>Neue Brücke eröffnet</h1>" + Story));
        Assert.Equal(new PartialDate(2021, 11, 4), doc.Metadata.Published!.Date);
        Assert.Equal(DateBasis.Metadata, doc.Metadata.Published.Basis);
    }

    [Fact]
    public void A_utc_stamp_past_midnight_takes_the_url_s_day_and_a_local_stamp_keeps_its_own()
    {
        const string url = "https://news.example/2023/11/08/neue-bruecke/";
        var utc = Read(Page("<meta property=\"article:published_time\" content=\"2023-11-09T03:28:35+00:00\">", "<h1>Neue Brücke eröffnet</h1>" + Story), url);
        Assert.Equal(new PartialDate(2023, 11, 8), utc.Metadata.Published!.Date);
        var local = Read(Page("<meta property=\"article:published_time\" content=\"2023-11-09T18:37:32+01:00\">", "<h1>Neue Brücke eröffnet</h1>" + Story), url);
        Assert.Equal(new PartialDate(2023, 11, 9), local.Metadata.Published!.Date);
    }

    [Fact]
    public void A_date_published_held_in_a_page_script_dates_a_page_whose_markup_shows_none()
    {
        var doc = Read(Page("<script>window.__STATE__ = {\"article\": {\"datePublished\": \"2021-03-04T08:00:00Z\"}};</script>", "<h1>Neue Brücke eröffnet</h1>" + Story));
        Assert.Equal(new PartialDate(2021, 3, 4), doc.Metadata.Published!.Date);
        Assert.Null(Read(Page("<script>var x = 1;</script>", "<h1>Neue Brücke eröffnet</h1>" + Story)).Metadata.Published);
    }

    [Fact]
    public void A_time_marked_as_published_outranks_a_generic_date_tag()
    {
        var doc = Read(Page("<meta name=\"date\" content=\"2022-01-21T15:38:44+01:00\">",
            "<article><h1>Neue Brücke eröffnet</h1><time itemprop=\"datePublished\" datetime=\"2022-01-27\">27.01.2022</time>" + Story + "</article>"));
        Assert.Equal(new PartialDate(2022, 1, 27), doc.Metadata.Published!.Date);
    }

    [Fact]
    public void A_modified_date_is_not_taken_for_the_publication_when_the_page_has_one()
    {
        var doc = Read(Page("<meta property=\"article:modified_time\" content=\"2023-03-06\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"dateModified\":\"2023-03-06\",\"datePublished\":\"2023-01-10\"}</script>",
            "<h1>Neue Brücke eröffnet</h1>" + Story));
        Assert.Equal(new PartialDate(2023, 1, 10), doc.Metadata.Published!.Date);
    }

    [Fact]
    public void A_full_date_in_the_url_path_dates_a_page_without_markup()
    {
        var doc = Read(Page("", Story), "https://news.example.org/2020/03/27/bridge-opens/");
        Assert.Equal(new PartialDate(2020, 3, 27), doc.Metadata.Published!.Date);
    }

    [Fact]
    public void Metadata_that_contradicts_the_url_month_is_passed_over()
    {
        var doc = Read(Page("<meta property=\"article:published_time\" content=\"0001-01-01\"><meta name=\"pubdate\" content=\"2018-02-28\">",
            "<h1>Neue Brücke eröffnet</h1><div>09.05.2020 | Lokales</div>" + Story), "https://news.example.org/lokales/2020/05/bridge-opens/");
        Assert.Equal(new PartialDate(2020, 5, 9), doc.Metadata.Published!.Date);
        Assert.Equal(DateBasis.Stated, doc.Metadata.Published.Basis);
    }

    [Fact]
    public void A_day_written_under_the_headline_is_stated_with_its_span()
    {
        var doc = Read(Page("", "<nav><a href=\"/\">Start</a></nav><h1>Neue Brücke eröffnet</h1><p class=\"info\">Von Anna Beispiel am 29.12.2010, 13:36 Uhr</p>" + Story));
        var published = doc.Metadata.Published!;
        Assert.Equal(new PartialDate(2010, 12, 29), published.Date);
        Assert.Equal(DateBasis.Stated, published.Basis);
        var span = Assert.Single(published.Evidence);
        Assert.Equal("29.12.2010", doc.Text[span.Start..span.End]);
    }

    [Fact]
    public void A_date_line_that_names_an_update_is_passed_over_for_the_next()
    {
        var doc = Read(Page("", "<h1>Neue Brücke eröffnet</h1><p>Letzte Änderung: 31.10.2023</p><p>Erschienen am: 01.11.2023</p>" + Story));
        Assert.Equal(new PartialDate(2023, 11, 1), doc.Metadata.Published!.Date);
    }

    [Fact]
    public void Month_names_in_several_languages_and_american_numeric_dates_are_read()
    {
        Assert.Equal(new PartialDate(2017, 9, 1), Read(Page("", "<h1>Bridge opens</h1><div>Posted the September 1, 2017 at 0h00</div>" + Story, "en")).Metadata.Published!.Date);
        Assert.Equal(new PartialDate(2022, 2, 1), Read(Page("", "<h1>Neue Brücke eröffnet</h1><div>1. Februar 2022, Daniel Muster</div>" + Story)).Metadata.Published!.Date);
        Assert.Equal(new PartialDate(2020, 3, 27), Read(Page("", "<h1>Puente nuevo</h1><div>27 de marzo de 2020</div>" + Story, "es")).Metadata.Published!.Date);
        Assert.Equal(new PartialDate(2020, 3, 4), Read(Page("", "<h1>Bridge opens</h1><div>3/4/2020</div>" + Story, "en-US")).Metadata.Published!.Date);
        Assert.Equal(new PartialDate(2020, 4, 3), Read(Page("", "<h1>Neue Brücke eröffnet</h1><div>3/4/2020</div>" + Story)).Metadata.Published!.Date);
    }

    [Fact]
    public void A_page_nothing_else_dates_takes_the_first_short_stamp_outside_furniture_as_its_last_resort()
    {
        // No heading to look under, no date markup: only a menu's date and a short stamp line after the story.
        var doc = Read(Page("", "<nav><p>1. Januar 2020</p></nav><div>" + Story + "</div><div>Eingestellt am 3. März 2021</div><div>4. März 2021</div>"));
        Assert.Null(doc.Metadata.Published);
        var guess = doc.Metadata.LastResortPublished;
        Assert.NotNull(guess);
        Assert.Equal(new PartialDate(2021, 3, 3), guess.Date);
        Assert.Equal(DateBasis.Stated, guess.Basis);
        var span = Assert.Single(guess.Evidence);
        Assert.Equal("3. März 2021", doc.Text[span.Start..span.End]);
    }

    [Fact]
    public void Without_a_written_stamp_the_last_resort_is_the_day_the_page_source_writes_most()
    {
        static string Links(int newer, int older) =>
            string.Concat(Enumerable.Repeat("<p><a href=\"/archiv/2019-12-02-bruecke/\">Weiterlesen</a></p>", newer))
            + string.Concat(Enumerable.Repeat("<p><a href=\"/archiv/2018-05-01-fluss/\">Weiterlesen</a></p>", older));
        // The more recent day wins unless it is written under half as often as the other.
        Assert.Equal(new PartialDate(2019, 12, 2), Read(Page("", Story + Links(2, 3))).Metadata.LastResortPublished!.Date);
        Assert.Equal(new PartialDate(2018, 5, 1), Read(Page("", Story + Links(1, 3))).Metadata.LastResortPublished!.Date);
        Assert.Equal(DateBasis.Metadata, Read(Page("", Story + Links(1, 0))).Metadata.LastResortPublished!.Basis);
        // A day that contradicts the URL's year/month is no guess for the page.
        Assert.Null(Read(Page("", Story + Links(1, 0)), "https://news.example/2021/07/bruecke/").Metadata.LastResortPublished);
    }

    [Fact]
    public void A_page_without_any_date_has_none()
    {
        var doc = Read(Page("", "<h1>Neue Brücke eröffnet</h1>" + Story + "<footer>© 2019 Example GmbH</footer>"));
        Assert.Null(doc.Metadata.Published);
        Assert.Null(doc.Metadata.LastResortPublished);
    }
}
