using Triangulate.Ingest;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Ingest;

public class TextMetadataExtractorTests
{
    internal static Document Assemble(string text, SourceMetadata? meta = null, string source = "test.txt")
    {
        var sourceDocument = Some.SourceDocument(text, source) with { Metadata = meta ?? SourceMetadata.Empty };
        var assembler = new DocumentAssembler(new TextLineClassifier(), new TextMetadataExtractor(), new Some.FixedLanguage("en"));
        return assembler.Assemble(sourceDocument);
    }

    internal static Document Example(string prefix) =>
        Assemble(File.ReadAllText(Directory.GetFiles(TestPaths.KurskExample, prefix + "_*.txt").Single()));

    [Fact]
    public void The_syndicated_copy_has_its_masthead_outlet_origin_authors_and_dateline()
    {
        var d = Example("002");
        Assert.Equal("Ahead of Trump’s return to office, Ukraine and Russia battle for Kursk", d.Title);
        Assert.Equal("The Spokesman-Review", d.Outlet);
        Assert.Equal("The Washington Post", d.Origin);
        Assert.Equal(["Siobhán O’Grady", "Kostiantyn Khudov"], d.Authors);
        Assert.Equal("KYIV", d.Dateline);
        Assert.StartsWith("KYIV – With nine days", d.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("MUST CREDIT", d.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Morgunov", string.Join(",", d.Authors), StringComparison.Ordinal);
    }

    [Fact]
    public void The_repost_credits_its_origin_and_keeps_furniture_out_of_the_body()
    {
        var d = Example("001");
        Assert.Equal("Ukraine’s exhausted troops in Russia told to cling on and wait for Trump", d.Title);
        Assert.Equal("BBC", d.Origin);
        Assert.Null(d.Outlet);
        Assert.StartsWith("The tone is dark, even angry.", d.Body, StringComparison.Ordinal);
        Assert.EndsWith("“As long as it is feasible from the military point of view.”", d.Body, StringComparison.Ordinal);
        foreach (var furniture in new[] { "spot_img", "Cre: BBC", "Most Popular", "Music revolution", "sponsors", "HomeNews", "under constant Russian bombardment\n" })
            Assert.DoesNotContain(furniture, d.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_keeps_its_comments_apart_with_their_authors()
    {
        var d = Example("003");
        Assert.Equal(5, d.Comments.Count);
        Assert.Equal(["Habibi", "Donatello", "ZmeeLove", "Africa", "Bella Ciao"], d.Comments.Select(c => c.Author));
        Assert.All(d.Comments, c => Assert.Equal(c.Text, d.Text[c.Span.Start..c.Span.End]));
        Assert.DoesNotContain("Comments", d.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Habibi", d.Body, StringComparison.Ordinal);
        var lines = d.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.EndsWith(lines[6], d.Body, StringComparison.Ordinal);
        Assert.Contains("securing total control of Kursk", d.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_translation_has_a_lower_case_dateline_and_no_comment_furniture_in_the_body()
    {
        var d = Example("004");
        Assert.Equal("kiev", d.Dateline);
        Assert.StartsWith("Ukraine is losing ground in Koersk:", d.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Leave a comment", d.Body, StringComparison.Ordinal);
        Assert.StartsWith("kiev - Ukrainian troops", d.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capture_without_a_headline_has_no_title_and_its_related_link_is_not_body()
    {
        var d = Example("000");
        Assert.Null(d.Title);
        Assert.DoesNotContain("ALSO READ", d.Body, StringComparison.Ordinal);
        Assert.Equal(13, d.Blocks.Count(b => b.Kind == BlockKind.Body));
    }

    [Fact]
    public void A_wire_story_names_its_agency_dateline_and_stated_date()
    {
        var d = Assemble("""
            Floods close the main road north of the capital

            By Maria Lopez and John Smith

            LISBON, March 3, 2025 (Agencia Noticias) – Heavy rain closed the main road north of the capital on Monday, officials said.

            Crews worked through the night to clear the mud, and the road is expected to reopen on Wednesday.
            """);
        Assert.Equal("Floods close the main road north of the capital", d.Title);
        Assert.Equal(["Maria Lopez", "John Smith"], d.Authors);
        Assert.Equal("LISBON", d.Dateline);
        Assert.Equal("Agencia Noticias", d.Origin);
        Assert.Equal(new PartialDate(2025, 3, 3), d.Published!.Date);
        Assert.Equal(DateBasis.Stated, d.Published.Basis);
        Assert.Equal("March 3, 2025", d.Published.Evidence[0].Excerpt);
    }

    [Fact]
    public void Markup_metadata_wins_and_the_url_host_is_the_outlet_when_there_is_no_masthead()
    {
        var text = "A headline about the harbour works\n\nThe harbour works began on Monday, the port authority said in a statement.\n";
        var d = Assemble(text, new SourceMetadata { Url = "https://www.example-news.org/a/1", Title = "Markup title" });
        Assert.Equal("Markup title", d.Title);
        Assert.Equal("example-news.org", d.Outlet);
        Assert.Equal("Markup title", Assemble(text, new SourceMetadata { Title = "Markup title", Outlet = "Example" }).Title);
        Assert.Equal("Example", Assemble(text, new SourceMetadata { Outlet = "Example" }).Outlet);
    }

    [Theory]
    [InlineData("ecb://4_7ecb")]
    [InlineData("urn:record:4_7")]
    [InlineData("file:///data/pages/a.txt")]
    public void A_record_name_that_is_no_web_address_names_no_outlet(string url)
    {
        // Issue 15, session 26: a corpus's record name ("ecb://4_7ecb") made every record an outlet of its own.
        var text = "A headline about the harbour works\n\nThe harbour works began on Monday, the port authority said in a statement.\n";
        Assert.Null(Assemble(text, new SourceMetadata { Url = url }).Outlet);
        Assert.Null(SourceMetadata.WebHost(url));
        Assert.Equal("harbour-example.net", SourceMetadata.WebHost("http://www.harbour-example.net/works/1"));
    }

    [Fact]
    public void A_trailing_agency_signature_is_the_origin()
    {
        var d = Assemble("Storm hits the coast\n\nThe storm reached the coast overnight and cut power to thousands of homes, the utility said. — AFP\n");
        Assert.Equal("AFP", d.Origin);
    }

    [Fact]
    public void A_date_line_the_text_states_outranks_the_page_s_last_resort_day()
    {
        var guess = new SourceMetadata { LastResortPublished = DateEstimate.Exact(new PartialDate(2019, 1, 2), DateBasis.Metadata) };
        const string story = "Storm hits the coast\n\nThe storm reached the coast overnight and cut power to thousands of homes, the utility said.\n";
        var stated = Assemble("December 23, 2012\n" + story, guess);
        Assert.Equal(new PartialDate(2012, 12, 23), stated.Published!.Date);
        Assert.Equal(DateBasis.Stated, stated.Published.Basis);
        var guessed = Assemble(story, guess);
        Assert.Equal(new PartialDate(2019, 1, 2), guessed.Published!.Date);
        Assert.Equal(DateBasis.Metadata, guessed.Published.Basis);
    }

    private const string YearlessWireStory = """
        Ferry service resumes after the storm

        HARROWFIELD, October 7 (Newswire) - The ferry to the islands sailed again on Tuesday after three days in port, the operator said.

        Passengers queued from early morning for the first crossing.
        """;

    [Fact]
    public void A_dateline_without_its_year_still_names_its_place_and_agency()
    {
        var d = Assemble(YearlessWireStory);
        Assert.Equal("HARROWFIELD", d.Dateline);
        Assert.Equal("Newswire", d.Origin);
        // No year anywhere to take: the month and day date nothing.
        Assert.Null(d.Published);
    }

    [Theory]
    [InlineData("MARLOW BAY (Wirepress) — The bridge reopened on Monday, the council said.", "MARLOW BAY", "Wirepress")]
    [InlineData("ESTAVIA, 12. März (Nachrichtendienst) - Die Brücke ist seit Montag wieder offen.", "ESTAVIA", "Nachrichtendienst")]
    [InlineData("PUERTO LINDO, 4 de mayo (Agencia Sur) - El puente volvió a abrir el lunes.", "PUERTO LINDO", "Agencia Sur")]
    [InlineData("Villa Serrana, 9 de junio (Agencia Sur).- El puente volvió a abrir el lunes.", "Villa Serrana", "Agencia Sur")]
    [InlineData("Corvale, Nov. 2 (Wirepress) - The bridge reopened on Monday, the council said.", "Corvale", "Wirepress")]
    public void Yearless_and_dayless_datelines_are_read_in_several_languages(string paragraph, string place, string agency)
    {
        var d = Assemble("Bridge reopens\n\n" + paragraph + "\n\nTraffic was light in the morning.\n");
        Assert.Equal(place, d.Dateline);
        Assert.Equal(agency, d.Origin);
    }

    [Fact]
    public void A_word_that_is_no_month_before_a_number_is_no_dateline_day()
    {
        Assert.False(TextMetadataExtractor.Dateline("HOLTON, Rovers 24 - Athletic 10, the final score.", 0, 48).Success);
        Assert.True(TextMetadataExtractor.Dateline("HOLTON, June 24 - The final score.", 0, 34).Success);
        // Read at a sentence inside a text: the match starts where the sentence does.
        const string text = "Earlier news. HOLTON (Wirepress) - The final score.";
        var m = TextMetadataExtractor.Dateline(text, 14, text.Length - 14);
        Assert.True(m.Success);
        Assert.Equal(14, m.Index);
        Assert.Equal("HOLTON", m.Groups["place"].Value);
        Assert.False(TextMetadataExtractor.Dateline(text, 0, text.Length).Success);
    }

    [Fact]
    public void A_yearless_dateline_takes_the_year_nearest_the_page_s_guessed_day()
    {
        static SourceMetadata Guess(int year, int month, int day) =>
            new() { LastResortPublished = DateEstimate.Exact(new PartialDate(year, month, day), DateBasis.Metadata) };

        var d = Assemble(YearlessWireStory, Guess(2023, 10, 9));
        Assert.Equal(new PartialDate(2023, 10, 7), d.Published!.Date);
        Assert.Equal(DateBasis.Stated, d.Published.Basis);
        Assert.Equal("October 7", d.Published.Evidence[0].Excerpt);
        // Early January: an October dateline is last year's.
        Assert.Equal(new PartialDate(2022, 10, 7), Assemble(YearlessWireStory, Guess(2023, 1, 3)).Published!.Date);
    }

    [Fact]
    public void A_yearless_dateline_never_overrides_a_date_stated_with_its_year()
    {
        var guess = new SourceMetadata { LastResortPublished = DateEstimate.Exact(new PartialDate(2023, 10, 9), DateBasis.Metadata) };
        var dated = Assemble("October 8, 2021\n\n" + YearlessWireStory, guess);
        Assert.Equal(new PartialDate(2021, 10, 8), dated.Published!.Date);
        Assert.Equal("HARROWFIELD", dated.Dateline);
        var published = DateEstimate.Exact(new PartialDate(2023, 10, 8), DateBasis.Metadata);
        Assert.Equal(new PartialDate(2023, 10, 8), Assemble(YearlessWireStory, guess with { Published = published }).Published!.Date);
    }

    private const string MenuPageUrl = "https://www.marnhold-example.org/a/1";

    private static Document MenuPage(string firstLine) => Assemble(firstLine + MenuPageRest, new SourceMetadata { Url = MenuPageUrl });

    private const string MenuPageRest =
        "\n\nSubscribe for full access\n\nCouncil approves the new footbridge over the Wendle\n\n"
        + "By Arla Brisk | Published May 4, 2023\n\n"
        + "The town council of Marnhold voted on Thursday to build a footbridge over the river Wendle, the mayor said.\n\n"
        + "Work on the bridge is due to start in the spring and will take about a year, according to the council's plan.\n";

    [Theory]
    [InlineData("News  Politics  Economy  Sport  Culture  Weather")]
    [InlineData("Home | News | Sport | Weather | Local Politics")]
    [InlineData("Nachrichten · Politik · Wirtschaft · Sport · Kultur")]
    [InlineData("News \u2022 Daily Deals \u2022 Sport \u2022 Culture")]
    public void A_menu_line_of_section_words_is_not_the_outlet(string menu)
    {
        var d = MenuPage(menu);
        Assert.Equal("marnhold-example.org", d.Outlet);
        Assert.Equal("Council approves the new footbridge over the Wendle", d.Title);
        Assert.DoesNotContain(d.Blocks, b => b.Kind == BlockKind.Masthead);
    }

    [Fact]
    public void A_menu_line_above_a_known_title_is_not_read_as_the_masthead()
    {
        const string title = "Council approves the new footbridge over the Wendle";
        var d = Assemble("News  Politics  Economy  Sport  Culture  Weather\n\n" + title + "\n\n"
            + "MARNHOLD (Agency) - The town council of Marnhold voted on Thursday to build a footbridge over the river Wendle, the mayor said.\n\n"
            + "Work on the bridge is due to start in the spring and will take about a year, according to the council's plan.\n",
            new SourceMetadata { Url = MenuPageUrl, Title = title });
        Assert.Equal("marnhold-example.org", d.Outlet);
        Assert.Equal(title, d.Title);
    }

    [Theory]
    [InlineData("The Daily Example")]
    [InlineData("The Marnhold  Courier")]
    [InlineData("Marnhold Evening Post")]
    public void A_masthead_is_still_the_outlet_beside_the_menu_rule(string masthead)
    {
        var d = MenuPage(masthead);
        Assert.NotEqual("marnhold-example.org", d.Outlet);
        Assert.StartsWith(masthead[..6], d.Outlet, StringComparison.Ordinal);
    }

    private const string VerticalMenu = "Skip to Article\nMenu\nHome\nNews›‹Back To Main Menu\nMetro\nThe Wendle Post\nWeather\nHealth & Medical\nCrime\n";

    [Fact]
    public void A_menu_copied_one_item_a_line_gives_no_outlet_not_its_glued_line_nor_an_item_with_a_masthead_word()
    {
        var d = MenuPage(VerticalMenu.TrimEnd('\n'));
        Assert.Equal("marnhold-example.org", d.Outlet);
    }

    [Fact]
    public void An_item_with_a_masthead_word_between_short_items_and_items_run_together_is_not_the_outlet()
    {
        var d = MenuPage("Subscribe\nThe Wendle Post\nMedia Insider Rewards\nSign InCloseYou are signed in as\nEdit Profile");
        Assert.Equal("marnhold-example.org", d.Outlet);
    }

    [Fact]
    public void A_masthead_heading_a_menu_one_item_a_line_is_still_the_outlet()
    {
        var d = MenuPage("The Marnhold Courier\nNews\nPolitics\nSport\nWeather\nCulture");
        Assert.Equal("The Marnhold Courier", d.Outlet);
    }

    [Theory]
    [InlineData("News›‹Back To Main Menu", true)]
    [InlineData("Home»World»Europe", true)]
    [InlineData("Sport → Football", false)]
    [InlineData("He called it «a new start» on Monday.", false)]
    [InlineData("The Daily Example", false)]
    public void Menu_items_glued_by_a_navigation_arrow_are_told_from_text(string line, bool glued) =>
        Assert.Equal(glued, LineFeatures.GluedItems(line));

    [Theory]
    [InlineData("/ Marnhold Courier", "Marnhold Courier")]
    [InlineData("Search The Wendle Post", "The Wendle Post")]
    public void Furniture_beside_a_masthead_line_is_left_out_of_the_outlet(string line, string outlet)
    {
        var d = MenuPage(line);
        Assert.Contains(d.Blocks, b => b.Kind == BlockKind.Masthead);
        Assert.Equal(outlet, d.Outlet);
    }

    [Theory]
    [InlineData("The Wendle Post - Back to home", "The Wendle Post")]
    [InlineData("The Wendle Post, A Marnhold Media CompanyClose", "The Wendle Post")]
    [InlineData("Support The Wendle Post", "The Wendle Post")]
    [InlineData("About Marnhold Chronicle", "Marnhold Chronicle")]
    [InlineData("News›‹", null)]
    [InlineData("NEWS", null)]
    [InlineData("Register", null)]
    [InlineData("Business News", null)]
    [InlineData("News Archives", null)]
    [InlineData("The Daily News", "The Daily News")]
    [InlineData("Daily News", "Daily News")]
    [InlineData("New York Post", "New York Post")]
    public void A_masthead_line_gives_the_name_in_it_and_a_section_label_none(string line, string? name) =>
        Assert.Equal(name, TextMetadataExtractor.MastheadName(line, []));

    [Fact]
    public void A_masthead_word_of_a_section_label_makes_later_lines_ending_in_it_sections_of_the_same_page()
    {
        var sectionEnds = new HashSet<string>(StringComparer.Ordinal);
        Assert.Null(TextMetadataExtractor.MastheadName("Auto News", sectionEnds));
        Assert.Null(TextMetadataExtractor.MastheadName("Truck & Bus News", sectionEnds));
        // On a page without that label the same line is a name; a name opening with "The" always is.
        Assert.Equal("Truck & Bus News", TextMetadataExtractor.MastheadName("Truck & Bus News", []));
        Assert.Equal("The Marnhold News", TextMetadataExtractor.MastheadName("The Marnhold News", sectionEnds));
    }

    [Theory]
    [InlineData("NEWS")]
    [InlineData("Business News")]
    public void A_section_label_on_a_page_is_not_its_outlet(string line) =>
        Assert.Equal("marnhold-example.org", MenuPage(line).Outlet);

    [Theory]
    [InlineData("This website uses cookies. By continuing to use our website without changing the settings, you agree.")]
    [InlineData("Diese Website verwendet Cookies. Wenn Sie die Seite weiter nutzen, stimmen Sie zu.")]
    [InlineData("Sign up for our daily newsletter and never miss a story")]
    public void A_consent_banner_or_a_prompt_in_the_masthead_is_no_outlet(string line) =>
        Assert.Null(TextMetadataExtractor.MastheadName(line, []));

    [Fact]
    public void A_sentence_in_a_byline_is_no_author()
    {
        var (people, _) = TextMetadataExtractor.SplitByline("By Jane Doe, Sign up to get our stories in your inbox every morning.");
        Assert.Equal(["Jane Doe"], people);
    }

    [Theory]
    [InlineData("fr", "Article mis à jour le 7 janvier 2020.")]
    [InlineData("en", "Updated at 1:23 p.m. on January 7, 2020")]
    [InlineData("de", "Aktualisiert am 7. Januar 2020")]
    public void An_update_notice_is_no_dateline(string language, string notice)
    {
        var html = $"""
            <html><head><title>Le port de Marnhold</title></head><body><article>
            <h1>Le port de Marnhold</h1>
            <p><i>{notice}</i></p>
            <p>The port of Marnhold closed on Monday after a storm damaged two of its cranes and flooded the customs shed.</p>
            <p>Dock workers said the repairs would take weeks, and ships were sent on to the next harbour along the coast.</p>
            <p>The harbour master told reporters that no one was hurt and that the cargo in the shed had been moved in time.</p>
            </article></body></html>
            """;
        var source = HtmlDocumentReader.FromBytes("page.html", System.Text.Encoding.UTF8.GetBytes(html)).Document!;
        var d = new DocumentAssembler(new HtmlBlockClassifier(), new TextMetadataExtractor(), new Some.FixedLanguage(language)).Assemble(source);
        // The notice is kept out of the body as a date line; the extractor must not read it as the dateline.
        Assert.Contains(d.Blocks, b => b.Kind == BlockKind.Dateline && d.Text[b.Start..b.End].Contains(notice[..8], StringComparison.Ordinal));
        Assert.Null(d.Dateline);
    }
}
