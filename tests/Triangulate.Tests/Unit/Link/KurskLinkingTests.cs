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
        var result = pipeline.Relink(store);
        var byPrefix = new Dictionary<string, Document>();
        foreach (var (document, _) in store.ReadAnalyses())
            byPrefix[Path.GetFileName(document.Source)[..3]] = document;
        return (result, byPrefix);
    }

    private static string Id(string prefix) => Linked.Value.ByPrefix[prefix].Id;

    private static IEnumerable<Relation> Derivations => Linked.Value.Result.Relations.Where(r => r.Kind != RelationKind.Cites);

    [Fact]
    public void Print()
    {
        foreach (var r in Linked.Value.Result.Relations)
        {
            Console.WriteLine($"{r.From} -> {r.To} {r.ToOutlet} {r.Kind} {r.Score} ev={r.Evidence.Count}");
            foreach (var e in r.Evidence) Console.WriteLine($"   [{e.From.Excerpt}]\n   <{e.To.Excerpt}>");
        }
        foreach (var (k, v) in Linked.Value.ByPrefix) Console.WriteLine($"{k} {v.Id} outlet={v.Outlet} origin={v.Origin} title={v.Title}");
        foreach (var s in Linked.Value.Result.Stories) Console.WriteLine($"story {s.Title} {string.Join(",", s.Documents)} {s.IndependentSources}");
    }
}
