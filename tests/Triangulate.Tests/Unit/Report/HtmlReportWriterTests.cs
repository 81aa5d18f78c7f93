using System.Text.RegularExpressions;
using Triangulate.Report;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Report;

public class HtmlReportWriterTests
{
    private static string Report(out IReadOnlyList<Triangulate.Model.Document> docs)
    {
        using var temp = new TempFolder();
        docs = SomeDossier.SmallDocuments();
        using var store = SomeDossier.Store(temp.File("t.db"), docs);
        return SomeDossier.Write(new HtmlReportWriter(), store);
    }

    [Fact]
    public void Markup_in_document_text_is_rendered_as_text()
    {
        var html = Report(out _);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>ground", html);
        Assert.Contains("&lt;b&gt;ground&lt;/b&gt;", html);
        Assert.Contains("Gamma &lt;Daily&gt;", html);
    }

    [Fact]
    public void The_file_makes_no_external_request()
    {
        var html = Report(out _);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("default-src 'none'", html);
    }

    [Fact]
    public void Evidence_marks_the_claimed_characters_in_context()
    {
        var html = Report(out _);
        Assert.Contains("Troops hold <mark>800 square kilometres</mark> of the region", html);
    }

    [Fact]
    public void Figures_timeline_and_provenance_are_drawn_as_inline_svg()
    {
        var html = Report(out var docs);
        Assert.Equal(3, Regex.Count(html, "<svg "));
        Assert.Contains("area of held territory over time", html);
        Assert.Contains("2024-11-20: 800 km2; 2024-12-05: 500 km2;", html);
        // An arc's tooltip names both documents as a reader knows them (outlet: title), not by id.
        Assert.Contains($"<title>{System.Net.WebUtility.HtmlEncode(Evidence.Label(docs[1]))} copy {System.Net.WebUtility.HtmlEncode(Evidence.Label(docs[0]))}</title>", html);
        Assert.Contains("marker-end=\"url(#arrow)\"", html);
    }

    [Fact]
    public void The_page_has_landmarks_and_a_print_style()
    {
        var html = Report(out _);
        Assert.Contains("<main id=\"main\">", html);
        Assert.Contains("<nav aria-label=", html);
        Assert.Contains("@media print", html);
        Assert.Contains("lang=\"en\"", html);
    }
}
