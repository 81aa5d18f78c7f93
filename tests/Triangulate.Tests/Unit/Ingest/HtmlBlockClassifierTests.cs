using System.Text;
using Triangulate.Ingest;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Ingest;

public class HtmlBlockClassifierTests
{
    private const string Page = """
        <html><body>
        <header><div class="site-name">Example Gazette</div></header>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <div class="layout">
          <div class="story-body">
            <h1>Storm closes the port</h1>
            <p class="byline">By Ann Smith</p>
            <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
            <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
            <figure><figcaption>Waves break over the harbour wall.</figcaption></figure>
            <p>Shipping companies said delays would last, at least, until the weekend, and asked travellers to check online.</p>
            <div class="advert">Sponsored: buy boots</div>
          </div>
          <div class="sidebar"><ul><li><a href="/1">Most read: prices rise again across the region this month</a></li><li><a href="/2">Second most read story of the week</a></li></ul></div>
        </div>
        <div id="comments"><p>I live there, and it was far worse than this report says, honestly.</p></div>
        <footer><a href="/about">About</a> <a href="/terms">Terms</a></footer>
        </body></html>
        """;

    private static (SourceDocument Document, IReadOnlyList<Block> Blocks) Classify(string html)
    {
        var document = HtmlDocumentReader.FromBytes("page.html", Encoding.UTF8.GetBytes(html)).Document!;
        return (document, new HtmlBlockClassifier().Classify(document));
    }

    private static BlockKind KindOf(SourceDocument document, IReadOnlyList<Block> blocks, string start) =>
        blocks.Single(b => document.Text[b.Start..b.End].StartsWith(start, StringComparison.Ordinal)).Kind;

    [Fact]
    public void The_main_content_is_found_and_only_it_is_body()
    {
        var (document, blocks) = Classify(Page);
        var body = DocumentAssembler.JoinBody(document.Text, blocks);
        Assert.StartsWith("The port closed on Monday", body, StringComparison.Ordinal);
        Assert.Contains("Forecasters, who had issued", body, StringComparison.Ordinal);
        Assert.EndsWith("check online.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Most read", body, StringComparison.Ordinal);
        Assert.DoesNotContain("I live there", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Furniture_is_classified_by_its_markup()
    {
        var (document, blocks) = Classify(Page);
        Assert.Equal(BlockKind.Title, KindOf(document, blocks, "Storm closes"));
        Assert.Equal(BlockKind.Byline, KindOf(document, blocks, "By Ann Smith"));
        Assert.Equal(BlockKind.Navigation, KindOf(document, blocks, "Home"));
        Assert.Equal(BlockKind.Caption, KindOf(document, blocks, "Waves break"));
        Assert.Equal(BlockKind.Advert, KindOf(document, blocks, "Sponsored"));
        Assert.Equal(BlockKind.Related, KindOf(document, blocks, "Most read"));
        Assert.Equal(BlockKind.Comment, KindOf(document, blocks, "I live there"));
        Assert.Equal(BlockKind.Navigation, KindOf(document, blocks, "About Terms"));
        Assert.Equal(BlockKind.Masthead, KindOf(document, blocks, "Example Gazette"));
    }

    [Fact]
    public void Text_written_straight_into_a_div_is_scored_as_a_paragraph_and_date_lines_cues_and_photo_text_are_not_body()
    {
        var (document, blocks) = Classify("""
            <html><body>
            <div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
            <div class="row"><div class="col-3"><p>Short teaser about the weather, with a comma.</p></div>
            <div class="col-9"><p class="title">Ferry service resumes</p>
            <div>segunda-feira, 22 de janeiro de 2018 às 0:13</div>
            The ferry service between the two islands resumed on Monday after the storm, the operator said, adding that crews
            had inspected the harbour walls over the weekend, found no damage, and cleared the slipway of debris and sand.
            <div class="photo wide">The slipway after the storm (Image: HARBOUR OFFICE)</div>
            <p>Timetables for the winter, the operator said, will be published on its website later this week, after talks.</p>
            <div>DON'T MISS</div>
            <p>More ferries will be added in the spring if demand keeps rising, according to the regional council's plan.</p>
            </div></div>
            </body></html>
            """);
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The ferry service between"));
        Assert.Equal(BlockKind.Dateline, KindOf(document, blocks, "segunda-feira"));
        Assert.Equal(BlockKind.Caption, KindOf(document, blocks, "The slipway after"));
        Assert.Equal(BlockKind.Related, KindOf(document, blocks, "DON'T MISS"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "More ferries"));
        Assert.NotEqual(BlockKind.Body, KindOf(document, blocks, "Short teaser"));
    }

    [Fact]
    public void Blocks_cover_every_segment_once_in_order()
    {
        var (document, blocks) = Classify(Page);
        Assert.Equal(document.Segments.Count, blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            Assert.Equal(document.Segments[i].Start, blocks[i].Start);
            Assert.Equal(document.Segments[i].End, blocks[i].End);
        }
    }

    [Fact]
    public void Plain_text_documents_go_to_the_fallback_classifier()
    {
        var text = Some.SourceDocument("Headline\nBody line one.\n");
        var blocks = new HtmlBlockClassifier().Classify(text);
        Assert.All(blocks, b => Assert.Equal(BlockKind.Body, b.Kind));
    }

    [Fact]
    public void The_format_dispatcher_sends_html_to_the_html_classifier_and_the_rest_to_the_fallback()
    {
        var other = new FixedClassifier(BlockKind.Other);
        var dispatcher = new FormatBlockClassifier(other).Add("html", new FixedClassifier(BlockKind.Teaser));
        var html = HtmlDocumentReader.FromBytes("p.html", "<p>Hello there</p>"u8.ToArray()).Document!;
        Assert.Equal(BlockKind.Teaser, dispatcher.Classify(html)[0].Kind);
        Assert.Equal(BlockKind.Other, dispatcher.Classify(Some.SourceDocument("Hello\n"))[0].Kind);
    }

    private sealed class FixedClassifier(BlockKind kind) : IBlockClassifier
    {
        public IReadOnlyList<Block> Classify(SourceDocument document) => [.. document.Segments.Select(s => new Block(kind, s.Start, s.End))];
    }

    [Fact]
    public void The_article_s_own_header_and_a_date_paragraph_are_not_its_text_but_a_quoted_post_keeps_its_attribution()
    {
        const string html = """
            <html><body><article class="story">
              <header><h1>Storm closes the port</h1><div class="kicker">Weather desk special report on the coast</div></header>
              <p>Updated on: November 19, 2019 / 10:07 AM</p>
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <blockquote><p>Ferries stay in dock until Wednesday, please check before you travel. <a href="https://x.example/p/1">pic.example/abc</a></p>
              <p>— Harbour Authority (@harbour) November 19, 2019</p></blockquote>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Other, KindOf(document, blocks, "Weather desk"));
        Assert.Equal(BlockKind.Dateline, KindOf(document, blocks, "Updated on:"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "— Harbour Authority"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The port closed"));
    }

    [Fact]
    public void A_short_list_item_that_is_partly_a_link_is_a_pointer_and_a_list_of_prose_stays_text()
    {
        const string html = """
            <html><body><article class="story"><h1>Storm closes the port</h1>
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <ul><li>Ferries, the authority said, stay in dock until the wind drops below gale force on the open sea.</li></ul>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <ul><li><a href="/a">Prices rise again</a> across the region</li><li><a href="/b">Second story of the week</a> now</li></ul>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.NotEqual(BlockKind.Body, KindOf(document, blocks, "Prices rise again"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Ferries, the authority"));
    }

    [Fact]
    public void A_line_repeating_the_page_title_is_the_title_even_as_a_paragraph()
    {
        const string html = """
            <html><head><meta property="og:title" content="Storm closes the port"></head><body><div class="story">
              <p class="headline">Storm closes the port</p>
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
            </div></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Title, KindOf(document, blocks, "Storm closes the port"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The port closed"));
    }

    [Fact]
    public void A_class_name_pairing_a_content_word_with_a_furniture_word_names_the_furniture()
    {
        const string html = """
            <html><body><article class="post"><div class="entry-content">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <div class="post-author"><div class="author-content"><p>Ann is a harbour reporter who lives by the sea, with two cats, and writes about ships.</p></div></div>
            </div></article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Byline, KindOf(document, blocks, "Ann is a harbour"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Forecasters"));
    }

    [Fact]
    public void A_box_inside_the_article_that_is_mostly_links_points_elsewhere_even_where_its_summaries_are_plain_text()
    {
        const string html = """
            <html><body><article class="story">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <p>Shipping companies said delays would last, at least, until the weekend, and asked travellers to check online.</p>
              <div class="box">
                <div><a href="/a">Prices rise again across the whole of the region for the third month running this year</a><p>Shops blame fuel.</p></div>
                <div><a href="/b">The second most read story of the week, about a bridge that nobody has crossed since spring</a><p>Nobody knows why.</p></div>
              </div>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Related, KindOf(document, blocks, "Shops blame fuel."));
        Assert.NotEqual(BlockKind.Body, KindOf(document, blocks, "Prices rise again"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Shipping companies"));
    }

    [Fact]
    public void An_excerpt_inside_the_article_is_another_story_s_teaser()
    {
        const string html = """
            <html><body><article class="story">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <div class="row"><p class="row-excerpt">A new ferry, the largest yet built for the route, will enter service in the spring.</p></div>
              <p class="post-excerpt">Shipping companies said delays would last until the weekend.</p>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Teaser, KindOf(document, blocks, "A new ferry"));
        Assert.Equal(BlockKind.Teaser, KindOf(document, blocks, "Shipping companies"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Forecasters"));
    }

    [Fact]
    public void A_run_together_class_name_that_begins_or_ends_with_a_strong_furniture_word_names_that_furniture()
    {
        Assert.Equal(BlockKind.Comment, HtmlClassHints.Score("commentlist").Kind);
        Assert.Equal(BlockKind.Related, HtmlClassHints.Score("jp-relatedposts").Kind);
        Assert.Equal(BlockKind.Related, HtmlClassHints.Score("leftsidebar").Kind);
        Assert.True(HtmlClassHints.Score("commentlist").Weight < 0);
        // Too short a remainder to be a compound, or a weak word: no reading.
        Assert.Equal(0, HtmlClassHints.Score("footers").Weight);
        Assert.Equal(0, HtmlClassHints.Score("morestuff").Weight);

        const string html = """
            <html><body><article class="story">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <ol class="commentlist"><li><p>I live there, and it was far worse than this report says, honestly, much worse.</p></li></ol>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Comment, KindOf(document, blocks, "I live there"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Forecasters"));
    }

    [Fact]
    public void A_small_box_without_commas_and_over_a_third_links_points_elsewhere_but_a_prose_box_stays_text()
    {
        const string html = """
            <html><body><article class="story">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <div class="box">
                <p>Read our full guide to this season: <a href="/g">The storm season guide</a></p>
                <p>And the times of every crossing: <a href="/t">The winter ferry timetable</a></p>
              </div>
              <div class="box">
                <p>Fishermen, who lost a week of work, said the <a href="/f">compensation fund</a> was too small.</p>
                <p>The mayor, asked about it, said more money, and soon, would come from the region.</p>
              </div>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Related, KindOf(document, blocks, "Read our full guide"));
        Assert.Equal(BlockKind.Related, KindOf(document, blocks, "And the times"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Fishermen, who lost"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Forecasters"));
    }

    [Fact]
    public void A_short_sibling_box_does_not_join_the_article_on_its_class_words_alone()
    {
        const string html = """
            <html><body><div class="layout">
              <div class="story-body">
                <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
                <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
                <p>Shipping companies said delays would last, at least, until the weekend, and asked travellers to check online.</p>
              </div>
              <section class="article-rights">All rights reserved by the Example Gazette, 2019.</section>
              <section class="article-part">
                <p>Fishermen, who lost a week of work, said the compensation fund, set up in March, was too small for them.</p>
              </section>
            </div></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.NotEqual(BlockKind.Body, KindOf(document, blocks, "All rights reserved"));
        // A sibling with a paragraph's worth of text still joins.
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Fishermen, who lost"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Shipping companies"));
    }

    [Fact]
    public void A_linked_line_that_is_no_paragraph_after_the_last_prose_line_points_elsewhere()
    {
        const string html = """
            <html><body><article class="story">
              <div>The harbour authority keeps a page on the closure: <a href="/c">closure notices</a></div>
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <div>Our weather desk has a live map of the storm: <a href="/w">storm tracker</a></div>
              <p>Updates will follow, as the <a href="/l">live page</a> shows.</p>
              <blockquote><p>Stay indoors tonight.</p>— Harbour Office (@harbour) <a href="/s">March 3, 2019</a></blockquote>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Related, KindOf(document, blocks, "Our weather desk"));
        // Before the last prose line, a paragraph, or an embedded post's attribution: still the article.
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The harbour authority keeps"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Updates will follow"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "— Harbour Office"));
    }

    [Fact]
    public void A_comment_cue_heading_after_the_text_opens_the_comment_thread()
    {
        const string html = """
            <html><body><article class="story">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <h3>What comes next</h3>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <h3>Leave a Reply</h3>
              <div class="entry"><p>I live there, and it was far worse than this report says, honestly, much worse.</p></div>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Comment, KindOf(document, blocks, "I live there"));
        // A heading that is no comment cue does not end the text.
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Forecasters"));
    }

    [Fact]
    public void A_paragraph_that_is_a_whole_line_furniture_cue_is_that_furniture()
    {
        const string html = """
            <html><body><article class="story">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <p>You may also like:</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <p>Don't miss the ferry if you can.</p>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Teaser, KindOf(document, blocks, "You may also like"));
        // A cue inside a sentence leaves the paragraph text.
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Don't miss the ferry"));
    }

    [Fact]
    public void A_small_story_nested_in_the_article_is_another_story_but_a_wrapped_story_is_the_text()
    {
        const string html = """
            <html><body><div class="story-body">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <p>Shipping companies said delays would last, at least, until the weekend, and asked travellers to check online.</p>
              <p>Fishermen, who lost a week of work, said the compensation fund, set up in March, was too small for them.</p>
              <article class="card"><p>A new ferry, the largest yet built for the route, will enter service, weather allowing, in the spring.</p></article>
            </div></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.NotEqual(BlockKind.Body, KindOf(document, blocks, "A new ferry"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Fishermen, who lost"));

        // A story holding most of its wrapper's text is the story itself.
        const string wrapped = """
            <html><body><div class="story-body">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <article class="story">
                <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
                <p>Shipping companies said delays would last, at least, until the weekend, and asked travellers to check online.</p>
              </article>
            </div></body></html>
            """;
        (document, blocks) = Classify(wrapped);
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The port closed"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Shipping companies"));
    }

    [Fact]
    public void A_long_line_that_is_nearly_all_link_is_a_teaser_but_a_sentence_with_a_link_stays_text()
    {
        const string html = """
            <html><body><article class="story">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of <a href="/s">high seas</a>.</p>
              <p>Shipping companies said delays would last, at least, until the weekend, and asked travellers to check online.</p>
              <p><a href="/f">A new ferry, the largest yet built for the route, will enter service in the spring after sea trials off the coast, its builders said, with room for four hundred cars and two thousand people on every crossing</a></p>
              <blockquote><p><a href="/q">Stay indoors tonight, and keep away from the harbour wall and the beaches until the red warning is lifted by the office, please, everyone</a></p></blockquote>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Related, KindOf(document, blocks, "A new ferry"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Forecasters"));
        // An embedded post is mostly its links and still quoted text.
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Stay indoors"));
    }

    [Fact]
    public void A_line_that_is_only_a_control_s_label_is_navigation_but_a_sentence_using_the_word_stays_text()
    {
        const string html = """
            <html><body><div class="article-body">
              <div class="fade"><p class="open">Caption</p><p class="shut">Close</p></div>
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <p>Close.</p>
              <p>Close to the harbour wall, the waves broke over the road and flooded the cafes, the shops and the old fish market.</p>
            </div></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Navigation, KindOf(document, blocks, "Caption"));
        Assert.Equal(BlockKind.Navigation, KindOf(document, blocks, "Close."));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Close to the harbour"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The port closed"));
    }

    [Fact]
    public void A_post_s_sharing_and_taxonomy_labels_are_navigation_but_sentences_using_the_words_stay_text()
    {
        const string html = """
            <html><body><div class="article-body">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <h3>Like this:</h3>
              <p>Filed under</p>
              <p>Topics</p>
              <p>Tags:</p>
              <p>Topics like this one, the mayor said, are filed under weather in the council's minutes and debated every spring.</p>
            </div></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Navigation, KindOf(document, blocks, "Like this:"));
        Assert.Equal(BlockKind.Navigation, KindOf(document, blocks, "Filed under"));
        Assert.Equal(BlockKind.Navigation, blocks.Single(b => document.Text[b.Start..b.End] == "Topics").Kind);
        Assert.Equal(BlockKind.Navigation, KindOf(document, blocks, "Tags:"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Topics like this one"));
    }

    [Fact]
    public void A_line_set_apart_that_opens_with_a_credit_is_a_credit_but_a_paragraph_notice_stays_text()
    {
        const string html = """
            <html><body><section class="articlebody">
              <div>© Jane Roe Waves break over the harbour wall on Monday, as seen from the ferry terminal.</div>
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <div>Photo: Jane Roe</div>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <p>© 2019 Example Agency. All rights reserved.</p>
            </section></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Credit, KindOf(document, blocks, "© Jane Roe"));
        Assert.Equal(BlockKind.Credit, KindOf(document, blocks, "Photo: Jane Roe"));
        // An agency's notice written as a paragraph is kept, as annotators keep it.
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "© 2019 Example Agency"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The port closed"));
    }

    [Fact]
    public void A_callout_or_call_to_action_box_in_the_article_is_promotion_not_text()
    {
        const string html = """
            <html><body><div class="article-body">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <div class="callout callout--inset-left"><div class="heading-h5">Stay informed: read the Gazette every morning.</div></div>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
              <div class="cta-box"><p>Get the weekly edition delivered to your door, twelve issues for the price of ten.</p></div>
              <p>Shipping companies said delays would last, at least, until the weekend, and asked travellers to check online.</p>
            </div></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Advert, KindOf(document, blocks, "Stay informed"));
        Assert.Equal(BlockKind.Advert, KindOf(document, blocks, "Get the weekly edition"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Forecasters"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Shipping companies"));
    }

    [Fact]
    public void A_short_line_with_links_that_reads_as_a_sentence_stays_text_but_a_linked_label_points_elsewhere()
    {
        const string html = """
            <html><body><article class="story">
              <p>The port closed on Monday as winds reached 120 km/h, the harbour authority said, and ferries stayed in dock.</p>
              <ul>
                <li>Ferries, <a href="/b">barges and, for once, all four tugs</a>, stayed in dock.</li>
                <li><a href="/t">The winter ferry timetable</a></li>
              </ul>
              <p>Live map: <a href="/m">where the storm is now</a></p>
              <p>Follow the <a href="/d">harbour desk</a> on <a href="/f">Facebook</a>, <a href="/x">X</a> and <a href="/i">Instagram</a>.</p>
              <p>Forecasters, who had issued a red warning, expect the storm to ease by Wednesday, but warned of high seas.</p>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Ferries, barges"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Follow the harbour desk"));
        // Labels of links, without a sentence's ending: pointers, as before.
        Assert.Equal(BlockKind.Related, KindOf(document, blocks, "The winter ferry timetable"));
        Assert.Equal(BlockKind.Navigation, KindOf(document, blocks, "Live map"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Forecasters"));
    }

    [Fact]
    public void A_subheading_with_no_text_after_it_heads_nothing_but_a_subheading_over_text_stays_text()
    {
        const string html = """
            <html><body><article class="story">
              <p>The ferry service between the islands resumed on Monday, the operator said, after crews cleared the slipway.</p>
              <h2>What the council plans</h2>
              <p>More ferries will be added in the spring if demand keeps rising, according to the regional council's plan.</p>
              <h3>In pictures: the first crossing</h3>
              <div class="embed-frame"></div>
              <h2>Have your say about the timetable</h2>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "What the council plans"));
        Assert.Equal(BlockKind.Title, KindOf(document, blocks, "In pictures"));
        Assert.Equal(BlockKind.Title, KindOf(document, blocks, "Have your say"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "More ferries"));
    }

    [Fact]
    public void A_short_line_opening_with_an_update_cue_and_a_time_is_the_revision_stamp_but_a_sentence_about_a_revision_stays_text()
    {
        const string html = """
            <html><body><article class="story">
              <p>Story updated at 6:40 p.m.</p>
              <p>The ferry service between the islands resumed on Monday, the operator said, after crews cleared the slipway.</p>
              <p>The timetable was revised in 2019.</p>
              <p>More ferries will be added in the spring if demand keeps rising, according to the regional council's plan.</p>
              <p>Mis à jour le 3 mars 2020.</p>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Dateline, KindOf(document, blocks, "Story updated at"));
        Assert.Equal(BlockKind.Dateline, KindOf(document, blocks, "Mis à jour le"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The timetable was revised"));
    }

    [Fact]
    public void A_paragraph_in_a_caption_sized_box_whose_class_names_a_picture_is_its_caption_but_text_beside_a_picture_stays_text()
    {
        const string html = """
            <html><body><article class="story">
              <p>The ferry service between the islands resumed on Monday, the operator said, after crews cleared the slipway.</p>
              <div class="story-images"><div class="slip-imageMeta"><p>The slipway on Sunday. Photo: Harbour Office</p></div></div>
              <div class="asset"><div class="img-metadata">The captain, photo: ferry operator</div></div>
              <p>More ferries will be added in the spring if demand keeps rising, according to the regional council's plan.</p>
              <div class="content-imagetext"><p>Tickets are sold online and at the harbour, the operator said on Monday.</p>
                <p>Crews will check the ramps every morning before the first crossing, and close them in high winds.</p></div>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Caption, KindOf(document, blocks, "The slipway on Sunday"));
        Assert.Equal(BlockKind.Caption, KindOf(document, blocks, "The captain"));
        // A box so named that holds more than a caption sets text beside a picture.
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Tickets are sold"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "More ferries"));
    }

    [Fact]
    public void When_every_story_of_a_stream_reads_as_nested_the_first_story_is_the_text()
    {
        const string html = """
            <html><body><div class="stream">
              <article class="item"><h2>Ferries resume</h2>
                <p>The ferry service between the islands resumed on Monday, the operator said, after crews cleared the slipway.</p>
                <p>More ferries will be added in the spring if demand keeps rising, according to the regional council's plan.</p>
                <div class="related"><p>Tickets for the first crossing sold out within an hour, the operator said, and more are promised.</p></div></article>
              <article class="item"><h2>Bridge closes</h2>
                <p>The old bridge over the river closed on Tuesday for repairs, the council said, and will reopen in the summer.</p>
                <p>Drivers are asked to use the ring road, which will carry the traffic, according to the council's statement.</p></article>
              <article class="item"><h2>Market moves</h2>
                <p>The Saturday market moves to the harbour square next month, traders said, while the old hall is renovated.</p>
                <p>Stalls will open at eight, as before, and parking will be free on the first weekend, the organisers said.</p></article>
            </div></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The ferry service"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "More ferries"));
        // The story's own related box, and the stories after it, stay what they are.
        Assert.Equal(BlockKind.Related, KindOf(document, blocks, "Tickets for the first crossing"));
        Assert.NotEqual(BlockKind.Body, KindOf(document, blocks, "The old bridge"));
        Assert.NotEqual(BlockKind.Body, KindOf(document, blocks, "Stalls will open"));
    }

    [Fact]
    public void A_story_whose_only_box_is_named_a_teaser_is_still_the_text()
    {
        const string html = """
            <html><body><div id="content"><div class="news-teaser single">
              <h1>Ferries resume</h1>
              <div class="right">
                <p>The ferry service between the islands resumed on Monday, the operator said, after crews cleared the slipway.</p>
                <p>More ferries will be added in the spring if demand keeps rising, according to the regional council's plan.</p>
              </div>
            </div></div></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The ferry service"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "More ferries"));
    }

    [Fact]
    public void A_short_paragraph_crediting_a_picture_and_a_caption_ending_with_its_credit_are_not_text_but_an_agency_notice_stays()
    {
        const string html = """
            <html><body><article class="story">
              <p>Foto: Anna Berg (Copyright)</p>
              <p>The ferry service between the islands resumed on Monday, the operator said, after crews cleared the slipway.</p>
              <div>The slipway on Sunday morning. | © Harbour Archive/Agency Images</div>
              <p>More ferries will be added in the spring if demand keeps rising, according to the regional council's plan.</p>
              <p>© Wire Service, wire:220124-99-835563/5</p>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Credit, KindOf(document, blocks, "Foto: Anna Berg"));
        Assert.Equal(BlockKind.Caption, KindOf(document, blocks, "The slipway on Sunday"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "© Wire Service"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "More ferries"));
    }

    [Fact]
    public void A_paragraph_wrapped_in_a_named_anchor_is_text_but_a_paragraph_that_is_a_link_is_not()
    {
        const string html = """
            <html><body><article class="story">
              <p>The ferry service between the islands resumed on Monday, the operator said, after crews cleared the slipway.</p>
              <p><a href="#crossing">When will the first crossing leave, and who decided on the timetable for it?</a></p>
              <p><a name="crossing">When will the first crossing leave, and who decided on the timetable for the spring season?</a></p>
              <p>The operator said the first crossing would leave at eight, as before, and that the council had agreed to it.</p>
              <p><a name="tickets">Tickets</a></p>
              <p>More ferries will be added in the spring if demand keeps rising, according to the regional council's plan.</p>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "When will the first crossing leave, and who decided on the timetable for the spring"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "Tickets"));
        Assert.NotEqual(BlockKind.Body, KindOf(document, blocks, "When will the first crossing leave, and who decided on the timetable for it?"));
    }

    [Fact]
    public void A_row_of_labelled_fields_is_the_posts_metadata_but_a_sentence_with_a_colon_and_a_dash_stays_text()
    {
        const string html = """
            <html><body><article class="story">
              <p>The ferry service between the islands resumed on Monday, the operator said, after crews cleared the slipway.</p>
              <p>The council's view was plain: the crossing must run daily - and the operator agreed to it, after a long debate.</p>
              <p>More ferries will be added in the spring if demand keeps rising, according to the regional council's plan.</p>
              <div>05/10/2018 - Escrito por: Ana Lima Ferreira - Seção: Cidade e Região - Marcadores: balsa, ilhas, porto</div>
              <p>Rubriken: Verkehr, Inseln | Schlagworte: Fähre, Hafen | Dauerlink.</p>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Dateline, KindOf(document, blocks, "05/10/2018 - Escrito por"));
        Assert.Equal(BlockKind.Navigation, KindOf(document, blocks, "Rubriken: Verkehr"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The council's view was plain"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "More ferries"));
    }

    private static string Paragraphs(string topic, int count)
    {
        var text = new StringBuilder();
        for (var i = 1; i <= count; i++)
            text.Append("<p>").Append(topic).Append(", part ").Append(i).Append(", was read out on Monday, the council said, and the debate, which ran late, went on for hours after that.</p>\n");
        return text.ToString();
    }

    [Fact]
    public void An_article_split_into_sibling_boxes_is_kept_whole_when_one_part_nested_deeper_outscores_each_box()
    {
        // The interview sits deep in a collapsible panel under its own heading: alone it outscores each of the article's
        // boxes, but the column around them all scores nearly as much from the boxes' paragraphs.
        var html = "<html><body><div class=\"column\">"
            + "<div class=\"box\">" + Paragraphs("The first report", 4) + "</div>"
            + "<div class=\"box\">" + Paragraphs("The second report", 4) + "</div>"
            + "<div class=\"box\">" + Paragraphs("The third report", 4) + "</div>"
            + "<div class=\"box\">" + Paragraphs("The fourth report", 4) + "</div>"
            + "<div class=\"accordion\"><div class=\"panel\"><h4 class=\"panel-title\">Interview with the mayor</h4><div class=\"collapse\"><div class=\"panel-body\"><div class=\"row\"><div class=\"col\"><div class=\"box\">"
            + Paragraphs("The interview", 10) + "</div></div></div></div></div></div></div>"
            + "</div></body></html>";
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The interview, part 1,"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The first report, part 1,"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The fourth report, part 4,"));
    }

    [Fact]
    public void The_climb_to_a_rival_ancestor_stops_at_the_article_element()
    {
        // The same shape with the winner an <article>: the boxes around it are other compositions, and the article, were
        // its wrapper taken, would read as a story nested in it.
        var html = "<html><body><div class=\"column\">"
            + "<div class=\"box\">" + Paragraphs("The first report", 4) + "</div>"
            + "<div class=\"box\">" + Paragraphs("The second report", 4) + "</div>"
            + "<div class=\"box\">" + Paragraphs("The third report", 4) + "</div>"
            + "<div class=\"box\">" + Paragraphs("The fourth report", 4) + "</div>"
            + "<div class=\"box\">" + Paragraphs("The fifth report", 4) + "</div>"
            + "<div class=\"accordion\"><div class=\"panel\"><h4 class=\"panel-title\">Interview with the mayor</h4><div class=\"collapse\"><div class=\"panel-body\"><div class=\"row\"><div class=\"col\"><article>"
            + Paragraphs("The interview", 10) + "</article></div></div></div></div></div></div>"
            + "</div></body></html>";
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The interview, part 1,"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The interview, part 10,"));
        Assert.NotEqual(BlockKind.Body, KindOf(document, blocks, "The first report, part 1,"));
    }

    private static string Cards(int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i =>
            $"<div class=\"grid-item\" id=\"post-{i}\"><div class=\"grid-item__head\"><a href=\"/story/{i}\">Another story headline number {i}</a></div>"
            + $"<p>A summary of that other story, number {i}, which says what it reports, in one line of plain text under the link.</p></div>"));

    [Fact]
    public void A_row_of_teaser_cards_after_the_text_points_elsewhere_though_its_summaries_are_plain_text()
    {
        var html = "<html><body><article class=\"story\">" + Paragraphs("The harbour report", 5)
            + "<div class=\"grid\">" + Cards(4) + "</div></article></body></html>";
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The harbour report, part 5,"));
        Assert.Equal(BlockKind.Related, KindOf(document, blocks, "A summary of that other story, number 1,"));
        Assert.Equal(BlockKind.Related, KindOf(document, blocks, "A summary of that other story, number 4,"));
    }

    [Fact]
    public void Cards_that_hold_most_of_the_text_and_paragraphs_of_one_line_each_keep_their_labels()
    {
        // A listing whose entries are the page's text: the cards hold more than half of it.
        var listing = "<html><body><article class=\"story\">" + Paragraphs("The listing's introduction", 1)
            + "<div class=\"grid\">" + Cards(8) + "</div></article></body></html>";
        var (document, blocks) = Classify(listing);
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "A summary of that other story, number 8,"));

        // The article's paragraphs, each a classed box with a link in it, repeat one shape but are one line each.
        var paragraphs = "<html><body><article class=\"story\">" + Paragraphs("The harbour report", 3)
            + string.Concat(Enumerable.Range(1, 4).Select(i =>
                $"<div class=\"body-paragraph\">The council, in its <a href=\"/minutes/{i}\">minutes of meeting {i}</a>, said the ferries would run daily through the winter, as they had done before the storm.</div>"))
            + "</article></body></html>";
        (document, blocks) = Classify(paragraphs);
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "The council, in its minutes of meeting 4,"));
    }

    [Fact]
    public void A_line_styled_as_a_heading_by_its_class_with_no_text_after_it_is_a_title()
    {
        const string html = """
            <html><body><article class="story">
              <p>The ferry service between the islands resumed on Monday, the operator said, after crews cleared the slipway.</p>
              <div class="section-title">What the council decided</div>
              <p>More ferries will be added in the spring if demand keeps rising, according to the regional council's plan.</p>
              <div class="heading-h3">More stories from the coast</div>
              <ul><li><a href="/1">Storm closes the port again</a></li><li><a href="/2">Fishing fleet stays in dock</a></li></ul>
            </article></body></html>
            """;
        var (document, blocks) = Classify(html);
        Assert.Equal(BlockKind.Title, KindOf(document, blocks, "More stories from the coast"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "What the council decided"));
        Assert.Equal(BlockKind.Body, KindOf(document, blocks, "More ferries"));
    }
}
