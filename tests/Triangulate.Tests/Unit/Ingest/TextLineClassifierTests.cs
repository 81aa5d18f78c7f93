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
}
