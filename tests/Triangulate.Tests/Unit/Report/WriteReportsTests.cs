using System.Globalization;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Report;

/// <summary>
/// The formats of one run are written at once, and each story's section is rendered on any core: the files must be
/// byte for byte what each format writes alone, stories in story order.
/// </summary>
public class WriteReportsTests
{
    private static readonly DateTimeOffset Generated = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A store of <paramref name="count"/> one-document stories, each with a claim on its document (more stories than a rendered chunk holds).</summary>
    private static SqliteStore Stories(string path, int count)
    {
        var documents = Enumerable.Range(0, count)
            .Select(i => Some.DatedDocument(string.Create(CultureInfo.InvariantCulture, $"Crews cleared {i + 3} roads in district {i} on Friday, the mayor said.\n"), new DateOnly(2024, 5, 1 + i % 28), $"r{i}.txt") with { Title = $"Roads of district {i}" })
            .ToList();
        var store = SqliteStore.Open(path);
        store.Save([.. documents.Select(d => new StoredDocument(d, SomeDossier.Analysis(d), System.Text.Encoding.UTF8.GetBytes(d.Text), "text", Pipeline.Version))]);
        var findings = documents.Select(d => new StoryFindings
        {
            Story = new Story { Id = "s-" + d.Id, Title = d.Title!, Documents = [d.Id] },
            Claims = [new Claim { Id = "c-" + d.Id, Kind = ClaimKind.Status, Text = d.Title!, Story = "s-" + d.Id, Mentions = [new Mention { Span = new TextSpan(d.Id, 0, 12).WithExcerpt(d.Text) }], Sources = [d.Id], IndependentSources = 1, Verdict = Verdict.SingleSource }],
        }).ToList();
        store.SaveCorpus(new CorpusLinks(), [.. findings.Select(f => f.Story)], findings);
        return store;
    }

    [Fact]
    public void Formats_written_at_once_are_byte_for_byte_what_each_writes_alone_with_stories_in_order()
    {
        using var temp = new TempFolder();
        using var store = Stories(temp.File("store.db"), 75);
        var pipeline = Some.PipelineBuilder().Build();
        var together = pipeline.WriteReports(store, temp.File("together"), ["json", "md", "html"], Generated);
        Assert.Equal(["dossier.json", "dossier.md", "dossier.html"], together.Select(Path.GetFileName));
        foreach (var path in together)
        {
            var alone = Assert.Single(pipeline.WriteReports(store, temp.File("alone-" + Path.GetExtension(path)[1..]), [Path.GetExtension(path)[1..]], Generated));
            Assert.Equal(File.ReadAllBytes(alone), File.ReadAllBytes(path));
        }

        // Story order is the order of their first documents; every section is there once, in that order.
        var markdown = File.ReadAllText(together[1]);
        var titles = store.ReadStories().Select(s => "## " + s.Title).ToList();
        var at = titles.Select(t => markdown.IndexOf(t + "\n", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
        Assert.Contains("75 documents, 75 stories, 75 claims, 0 quotes", markdown, StringComparison.Ordinal);
    }
}
