using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Link;

/// <summary>The linking stages on the example corpus, read through the whole pipeline into a temporary store.</summary>
public sealed class KurskLinkingTests
{
    private static readonly Lazy<(CorpusResult Result, Dictionary<string, Document> ByPrefix)> Linked = new(Run);

    private static (CorpusResult, Dictionary<string, Document>) Run()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("t.db"));
        var pipeline = Some.PipelineBuilder().Build();
        pipeline.Analyze([TestPaths.KurskExample], store);
        pipeline.Relink(store);
        var result = store.LoadCorpus();
        var byPrefix = new Dictionary<string, Document>();
        foreach (var (document, _) in store.ReadAnalyses())
            byPrefix[Path.GetFileName(document.Source)[..3]] = document;
        return (result, byPrefix);
    }

    private static string Id(string prefix) => Linked.Value.ByPrefix[prefix].Id;

    private static IEnumerable<Relation> Derivations => Linked.Value.Result.Relations.Where(r => r.Kind != RelationKind.Cites);

    [Fact]
    public void The_rewrite_000_is_derived_from_001_which_has_the_specifics()
    {
        var relation = Assert.Single(Derivations, r => r.From == Id("000"));
        Assert.Equal(Id("001"), relation.To);
        Assert.Equal(RelationKind.Rewrite, relation.Kind);
        Assert.InRange(relation.Score!.Value, 0.2, 1.0);
        Assert.True(relation.Evidence.Count >= 5, $"{relation.Evidence.Count} aligned passages");
        var text000 = Linked.Value.ByPrefix["000"].Text;
        var text001 = Linked.Value.ByPrefix["001"].Text;
        Assert.All(relation.Evidence, e =>
        {
            Assert.Equal(text000[e.From.Start..e.From.End], e.From.Excerpt);
            Assert.Equal(text001[e.To.Start..e.To.End], e.To.Excerpt);
        });
        // The glide bombs passage: "large glide bombs" in the rewrite, "3,000kg glide bombs" in the source.
        Assert.Contains(relation.Evidence, e => e.From.Excerpt!.Contains("large glide bombs", StringComparison.Ordinal)
            && e.To.Excerpt!.Contains("3,000kg glide bombs", StringComparison.Ordinal));
    }

    [Fact]
    public void The_independent_reports_002_003_004_are_derived_from_nothing_and_nothing_derives_from_them()
    {
        string[] independent = [Id("002"), Id("003"), Id("004")];
        Assert.DoesNotContain(Derivations, r => independent.Contains(r.From) || independent.Contains(r.To!));
        Assert.Single(Derivations);
    }

    [Fact]
    public void The_rewrite_and_its_source_are_one_independence_group_and_the_others_their_own()
    {
        var groups = Linked.Value.Result.IndependenceGroups;
        Assert.Equal(groups[Id("000")], groups[Id("001")]);
        Assert.Equal(string.CompareOrdinal(Id("000"), Id("001")) < 0 ? Id("000") : Id("001"), groups[Id("000")]);
        foreach (var prefix in new[] { "002", "003", "004" }) Assert.Equal(Id(prefix), groups[Id(prefix)]);
    }

    [Fact]
    public void All_five_captures_are_one_story_with_four_independent_sources()
    {
        var story = Assert.Single(Linked.Value.Result.Stories);
        Assert.Equal(Linked.Value.ByPrefix.Values.Select(d => d.Id).Order(StringComparer.Ordinal), story.Documents);
        Assert.Equal(4, story.IndependentSources);
        Assert.False(string.IsNullOrWhiteSpace(story.Title));
    }

    [Fact]
    public void The_source_001_cites_the_outlet_of_its_credit_line()
    {
        Assert.Equal("BBC", Linked.Value.ByPrefix["001"].Origin);
        var cites = Linked.Value.Result.Relations.Where(r => r.From == Id("001") && r.Kind == RelationKind.Cites).ToList();
        Assert.Contains(cites, r => r.ToOutlet == "bbc");
    }
}
