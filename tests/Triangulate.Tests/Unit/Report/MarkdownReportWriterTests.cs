using Triangulate.Report;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Report;

public class MarkdownReportWriterTests
{
    private static string Report(out IReadOnlyList<Triangulate.Model.Document> docs)
    {
        using var temp = new TempFolder();
        docs = SomeDossier.SmallDocuments();
        using var store = SomeDossier.Store(temp.File("t.db"), docs);
        return SomeDossier.Write(new MarkdownReportWriter(), store);
    }

    [Fact]
    public void A_story_gets_a_summary_with_documents_outlets_sources_and_dates()
    {
        var md = Report(out _);
        Assert.Contains("## The held territory", md);
        Assert.Contains("- Documents: 3", md);
        // Publishers and the outside source one of them cites: the outlets behind the story, not only those that printed it.
        Assert.Contains("- Outlets: 4 (Alpha News, Beta Wire, Gamma &lt;Daily>, Wire Agency)", md);
        Assert.Contains("- Dates: 2024-11-20 – 2024-12-05", md);
    }

    [Fact]
    public void Key_figures_cite_every_mention_by_document_id_and_excerpt()
    {
        var md = Report(out var docs);
        var line = md.Split('\n').Single(l => l.StartsWith("| area held: 800", StringComparison.Ordinal));
        Assert.Contains("contested", line);
        Assert.Contains($"`{docs[0].Id}` “800 square kilometres”", line);
        Assert.Contains($"`{docs[1].Id}` “800 square kilometres”", line);
    }

    [Fact]
    public void Contradictions_timeline_quotes_and_provenance_each_have_a_section_with_evidence()
    {
        var md = Report(out var docs);
        Assert.Contains("### Contradictions", md);
        Assert.Contains("### Timeline", md);
        Assert.Contains("- **2024-12-05**: area held: 500 square kilometres", md);
        Assert.Contains("#### the commander (anonymous)", md);
        Assert.Contains($"`{docs[1].Id}` copies `{docs[0].Id}` (score 0.93)", md);
        Assert.Contains($"`{docs[2].Id}` cites Wire Agency", md);
    }

    [Fact]
    public void A_mention_attributed_to_an_entity_cites_its_name_never_its_id()
    {
        using var temp = new TempFolder();
        var docs = SomeDossier.SmallDocuments();
        var corpus = SomeDossier.For(docs, entityPhrase: "the region");
        // The extractor's document-local id for the entity, as a claim's attribution carries it.
        var local = Triangulate.Extract.Entities.EntityExtractor.LocalId(Triangulate.Model.EntityType.Place, Triangulate.Extract.Entities.EntityExtractor.Key("the region"));
        var attributed = corpus.Claims[0] with { Mentions = [.. corpus.Claims[0].Mentions.Select(m => m with { Attribution = new Triangulate.Model.Attribution { Speaker = local } })] };
        corpus = corpus with { Claims = [attributed, .. corpus.Claims.Skip(1)] };
        using var store = SomeDossier.Store(temp.File("t.db"), docs, corpus);
        var md = SomeDossier.Write(new MarkdownReportWriter(), store);
        Assert.Contains("(per the region)", md);
        Assert.DoesNotContain(local, md);
    }

    [Fact]
    public void Documents_in_no_story_and_problems_are_listed()
    {
        using var temp = new TempFolder();
        var docs = SomeDossier.SmallDocuments();
        using var store = SomeDossier.Store(temp.File("t.db"), docs, SomeDossier.For(docs.Take(2).ToList()));
        store.SaveProblems([new Triangulate.Model.Problem("bad.bin", "binary content")]);
        var md = SomeDossier.Write(new MarkdownReportWriter(), store);
        var rest = md[md.IndexOf("## Documents in no story", StringComparison.Ordinal)..];
        Assert.Contains(docs[2].Id, rest);
        Assert.DoesNotContain(docs[0].Id, rest[..rest.IndexOf("## Problems", StringComparison.Ordinal)]);
        Assert.Contains("- `bad.bin`: binary content", md);
    }

    [Fact]
    public void Figures_over_time_list_each_series_with_its_interval_points_and_arithmetic_check()
    {
        using var temp = new TempFolder();
        var docs = SomeDossier.SmallDocuments();
        var corpus = SomeDossier.For(docs);
        var claims = corpus.Claims;
        corpus = corpus with
        {
            Series =
            [
                new Triangulate.Model.FigureSeries
                {
                    Id = "s-area", Measure = "area", Subject = "Ukraine", Unit = "km2",
                    Points =
                    [
                        new Triangulate.Model.SeriesPoint { Date = Triangulate.Model.PartialDate.Parse("2024-08"), End = Triangulate.Model.PartialDate.Parse("2024-11-24"), Low = 1376, High = 1376, Claim = claims[0].Id, Sources = claims[0].Sources },
                        new Triangulate.Model.SeriesPoint { Date = Triangulate.Model.PartialDate.Parse("2024-11-25"), Low = 800, High = 800, Claim = claims[1].Id, Sources = claims[1].Sources },
                    ],
                    Notes = ["1,376 km2 to 800 km2 is a 41.9% fall; the stated share agrees."],
                },
            ],
        };
        using var store = SomeDossier.Store(temp.File("t.db"), docs, corpus);

        var md = SomeDossier.Write(new MarkdownReportWriter(), store);

        Assert.Contains("### Figures over time", md);
        Assert.Contains("- **Ukraine: area (km2)**: 1,376 (2024-08 – 2024-11-24) → 800 (2024-11-25)", md);
        Assert.Contains("  - check: 1,376 km2 to 800 km2 is a 41.9% fall; the stated share agrees.", md);
    }
}
