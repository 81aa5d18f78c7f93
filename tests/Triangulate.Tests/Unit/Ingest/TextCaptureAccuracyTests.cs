using Xunit.Abstractions;
using System.Text;
using Triangulate.Ingest;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Ingest;

/// <summary>
/// Every block of the hand-labelled captures: the seeds (Fixtures/TextCaptures/kursk/*.kinds, one kind per block) and
/// captures written for these tests in other layouts and languages (Fixtures/TextCaptures/*.tsv, kind TAB line).
/// Prints per-kind accuracy (the figures of docs/benchmarks.md) and requires every block right.
/// </summary>
public class TextCaptureAccuracyTests(ITestOutputHelper output)
{
    private static string Captures => Path.Combine(TestPaths.Fixtures, "TextCaptures");

    private static readonly string[] SeedNames = ["000", "001", "002", "003", "004"];

    private static string[] OwnNames => [.. Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "TextCaptures"), "*.tsv").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Seeds() => [.. SeedNames];

    public static TheoryData<string> Own() => [.. OwnNames];

    private static List<(BlockKind Gold, BlockKind Found, string Line)> SeedPairs(string prefix)
    {
        var text = File.ReadAllText(Directory.GetFiles(TestPaths.KurskExample, prefix + "_*.txt").Single());
        var gold = File.ReadAllLines(Path.Combine(Captures, "kursk", prefix + ".kinds")).Select(Parse).ToList();
        var blocks = new TextLineClassifier().Classify(Some.SourceDocument(text));
        Assert.Equal(gold.Count, blocks.Count);
        return [.. blocks.Select((b, i) => (gold[i], b.Kind, text[b.Start..b.End]))];
    }

    private static List<(BlockKind Gold, BlockKind Found, string Line)> OwnPairs(string name)
    {
        var rows = File.ReadAllLines(Path.Combine(Captures, name)).Where(l => l.Length > 0).Select(l => l.Split('\t', 2)).ToList();
        var text = new StringBuilder();
        var starts = new List<int>();
        foreach (var row in rows)
        {
            starts.Add(text.Length);
            text.Append(row[1]).Append("\n\n");
        }
        var s = text.ToString();
        var found = new TextLineClassifier().Classify(Some.SourceDocument(s)).ToDictionary(b => b.Start, b => b.Kind);
        return [.. rows.Select((r, i) => (Parse(r[0]), found[starts[i]], r[1]))];
    }

    private static BlockKind Parse(string kind) => Enum.Parse<BlockKind>(kind.Trim(), ignoreCase: true);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_block_of_a_seed_capture_gets_its_labelled_kind(string prefix) => AssertAll(SeedPairs(prefix));

    [Theory]
    [MemberData(nameof(Own))]
    public void Every_line_of_a_capture_in_another_layout_or_language_gets_its_labelled_kind(string name) => AssertAll(OwnPairs(name));

    private static void AssertAll(List<(BlockKind Gold, BlockKind Found, string Line)> pairs)
    {
        var wrong = pairs.Where(p => p.Gold != p.Found).Select(p => $"{p.Gold} → {p.Found}: {p.Line}").ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Per_kind_accuracy_is_reported()
    {
        foreach (var (set, pairs) in new[]
        {
            ("seeds", SeedNames.SelectMany(SeedPairs).ToList()),
            ("own captures", OwnNames.SelectMany(OwnPairs).ToList()),
        })
        {
            output.WriteLine($"{set}: {pairs.Count(p => p.Gold == p.Found)}/{pairs.Count} blocks");
            foreach (var group in pairs.GroupBy(p => p.Gold).OrderBy(g => g.Key))
                output.WriteLine($"  {group.Key}: {group.Count(p => p.Found == p.Gold)}/{group.Count()}");
            Assert.NotEmpty(pairs);
        }
    }
}
