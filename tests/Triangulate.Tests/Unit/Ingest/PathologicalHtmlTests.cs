using System.Text;
using Triangulate.Ingest;

namespace Triangulate.Tests.Unit.Ingest;

/// <summary>Pages the HTML5 parser would spend quadratic time on are cut at the element and depth caps, read up to there, and the cut is a problem naming the page.</summary>
public class PathologicalHtmlTests
{
    private const string Lead = "<html><body><p>The harbour reopened on Monday after the storm, the port authority said in a statement.</p>";

    private static string Repeat(string unit, int times)
    {
        var builder = new StringBuilder(Lead, Lead.Length + (unit.Length * times));
        for (var i = 0; i < times; i++) builder.Append(unit);
        return builder.ToString();
    }

    [Theory]
    [InlineData("<div><span><b>", 60_000)]
    [InlineData("<div><span><b>x", 93_000)]
    [InlineData("<div>", 100_000)]
    public void Unclosed_or_deeply_nested_tags_past_the_depth_cap_are_dropped_and_the_page_is_still_read(string unit, int times)
    {
        var html = Repeat(unit, times) + "<p>The last paragraph, under every unclosed tag, is read too.</p>";

        var result = HtmlDocumentReader.FromBytes("deep.html", Encoding.UTF8.GetBytes(html));

        Assert.NotNull(result.Document);
        Assert.Contains("harbour reopened on Monday", result.Document.Text, StringComparison.Ordinal);
        Assert.NotNull(result.Problem);
        Assert.Equal("deep.html", result.Problem.Source);
        Assert.Contains("The last paragraph, under every unclosed tag, is read too.", result.Document.Text, StringComparison.Ordinal);
        Assert.Contains("nested over", result.Problem.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_over_the_element_cap_is_read_up_to_the_cap()
    {
        var limits = new IngestLimits { MaxHtmlElements = 1_000 };
        var html = Repeat("<p>Line of text in its own paragraph.</p>", 5_000);

        var result = HtmlDocumentReader.FromBytes("many.html", Encoding.UTF8.GetBytes(html), limits: limits);

        Assert.NotNull(result.Document);
        Assert.InRange(result.Document.Segments.Count, 900, 1_000);
        Assert.Contains("1000-element limit", result.Problem?.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_within_the_caps_is_not_cut_and_raises_no_problem()
    {
        var html = Repeat("<div class=\"row\"><p>Para <b>bold</b> <a href=\"/x\">link <i>it</i></a><br>more</p><ul><li>one<li>two</ul></div>", 2_000) + "</body></html>";

        var (bounded, reason) = HtmlParseBudget.Scan(html, IngestLimits.Default);

        Assert.Null(reason);
        Assert.Same(html, bounded);
    }

    [Fact]
    public void Script_text_and_comments_are_not_counted_as_markup()
    {
        var script = "<script>" + string.Concat(Enumerable.Repeat("var s = '<div>';", 2_000)) + "</script><!--" + string.Concat(Enumerable.Repeat("<div>", 2_000)) + "-->";

        var (_, reason) = HtmlParseBudget.Scan(Lead + script, IngestLimits.Default);

        Assert.Null(reason);
    }

    [Fact]
    public void A_page_over_the_size_cap_is_cut_there_and_its_first_part_analysed_whatever_the_load()
    {
        // Over the default 4 MB: a page of the same paragraphs repeated, with a last paragraph past the cap.
        var html = Repeat("<p>The ferry to the island ran again on Tuesday, the harbour master said after the inspection.</p>\n", 50_000)
            + "<p>The closing paragraph sits past the size cap.</p></body></html>";
        Assert.True(html.Length > IngestLimits.Default.MaxHtmlChars);

        var result = HtmlDocumentReader.FromBytes("huge.html", Encoding.UTF8.GetBytes(html));

        Assert.NotNull(result.Document);
        Assert.Contains("harbour reopened on Monday", result.Document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("closing paragraph", result.Document.Text, StringComparison.Ordinal);
        Assert.EndsWith("the harbour master said after the inspection.", result.Document.Text.TrimEnd(), StringComparison.Ordinal);
        Assert.NotNull(result.Problem);
        Assert.Equal("huge.html", result.Problem.Source);
        Assert.StartsWith("HTML page truncated at 4 MB for analysis: the first ", result.Problem.Error, StringComparison.Ordinal);
        Assert.Contains($" of {html.Length} characters of markup read", result.Problem.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_text_with_no_tag_near_the_size_cap_is_cut_at_the_cap()
    {
        var limits = new IngestLimits { MaxHtmlChars = 4_096 };
        var html = Lead + string.Concat(Enumerable.Repeat("words without any markup ", 1_000));

        var (bounded, reason) = HtmlParseBudget.Scan(html, limits);

        Assert.Equal(4_096, bounded.Length);
        Assert.StartsWith("page truncated at 4096 characters for analysis", reason, StringComparison.Ordinal);
    }
}
