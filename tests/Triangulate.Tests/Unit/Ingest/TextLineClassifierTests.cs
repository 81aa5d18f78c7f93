using CsCheck;
using Triangulate.Ingest;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Ingest;

public class TextLineClassifierTests
{
    private static (string Text, IReadOnlyList<Block> Blocks) Classify(string text)
    {
        var source = Some.SourceDocument(text);
        return (text, new TextLineClassifier().Classify(source));
    }

    private static string Example(string prefix) =>
        File.ReadAllText(Directory.GetFiles(TestPaths.KurskExample, prefix + "_*.txt").Single());

    private static BlockKind KindOf((string Text, IReadOnlyList<Block> Blocks) result, string startsWith) =>
        result.Blocks.First(b => result.Text[b.Start..b.End].StartsWith(startsWith, StringComparison.Ordinal)).Kind;

    [Fact]
    public void A_caption_that_carries_its_credit_is_split_into_caption_and_credit()
    {
        var r = Classify(Example("002"));
        var caption = r.Blocks.Single(b => b.Kind == BlockKind.Caption);
        var credit = r.Blocks.First(b => b.Kind == BlockKind.Credit);
        Assert.EndsWith("in the Sumy region.", r.Text[caption.Start..caption.End], StringComparison.Ordinal);
        Assert.StartsWith("MUST CREDIT:", r.Text[credit.Start..credit.End], StringComparison.Ordinal);
        Assert.Equal(caption.End + 1, credit.Start);
    }

    [Fact]
    public void Furniture_cues_breadcrumbs_and_teaser_lists_are_not_body()
    {
        var r = Classify(Example("001"));
        Assert.Equal(BlockKind.Navigation, KindOf(r, "HomeNews"));
        Assert.Equal(BlockKind.Credit, KindOf(r, "Cre: "));
        Assert.Equal(BlockKind.Advert, KindOf(r, "spot_img"));
        Assert.Equal(BlockKind.Teaser, KindOf(r, "Most Popular"));
        Assert.Equal(BlockKind.Teaser, KindOf(r, "Ho Chi Minh City, April 15, 2025"));
        Assert.Equal(BlockKind.Caption, KindOf(r, "Morale seems low"));
    }

    [Fact]
    public void Blocks_cover_every_non_blank_character_of_the_segments_exactly_once() =>
        Gen.String[Gen.Char["aB .:|…\n"], 0, 300].Sample(text =>
        {
            var r = Classify(text);
            var covered = new int[text.Length];
            foreach (var b in r.Blocks)
                for (var i = b.Start; i < b.End; i++) covered[i]++;
            for (var i = 0; i < text.Length; i++)
                Assert.Equal(char.IsWhiteSpace(text[i]) ? Math.Min(covered[i], 1) : 1, covered[i]);
        });

    [Theory]
    [InlineData("News  Politics  Economy  Sport  Culture  Weather", 6)]
    [InlineData("Startseite | Politik | Wirtschaft | Arts & Culture", 4)]
    [InlineData("Menu  Search  Log in", 3)]
    [InlineData("Deportes\tCultura\tOpinión", 3)]
    [InlineData("The Daily Example", 0)]
    [InlineData("The Marnhold  Courier", 0)]
    [InlineData("Daily Example | Est. 1883 | Sport", 0)]
    [InlineData("Storm  hits  the coast", 0)]
    [InlineData("Home | Top Stories Today | Sport", 0)]
    [InlineData("Page 1  Page 2  Page 3", 0)]
    public void A_menu_is_a_run_of_short_capitalised_items_set_wide_apart(string line, int items) =>
        Assert.Equal(items, LineFeatures.MenuItems(line));

    [Theory]
    [InlineData("Categories: Travel, Islands | Tags: ferry, harbour | Permalink.", true)]
    [InlineData("05/10/2018 - Posted by: Ana Lima - Category: City - Tags: ferry", true)]
    [InlineData("Autor: Jan Nowak · Dział: Kraj", true)]
    [InlineData("Tags: ferry, harbour", false)]
    [InlineData("The mayor said: the slipway is clear - and the ferry runs again.", false)]
    [InlineData("Kick-off: 10:30 - Venue: the old harbour - Stadium", true)]
    [InlineData("Score 10:30 | Half-time 5:12 | Final", false)]
    [InlineData("Home | Sport | Local Politics", false)]
    public void A_metadata_line_is_two_or_more_labelled_fields_set_apart_by_separators(string line, bool fields) =>
        Assert.Equal(fields, LineFeatures.IsLabelledFields(line));

    [Fact]
    public void A_menu_line_with_a_masthead_word_is_navigation_and_the_masthead_below_it_is_kept()
    {
        var r = Classify("News  Politics  Economy  Sport  Culture  Weather\n\nThe Marnhold Courier\n\nCouncil approves the new footbridge over the Wendle\n\n"
            + "The town council of Marnhold voted on Thursday to build a footbridge over the river Wendle, the mayor said in a statement.\n");
        Assert.Equal(BlockKind.Navigation, KindOf(r, "News  Politics"));
        Assert.Equal(BlockKind.Masthead, KindOf(r, "The Marnhold Courier"));
        Assert.Equal(BlockKind.Title, KindOf(r, "Council approves"));
    }
}
