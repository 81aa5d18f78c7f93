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
    public void Dump_examples()
    {
        var dump = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(TestPaths.KurskExample, "*.txt").Order(StringComparer.Ordinal))
        {
            var r = Classify(File.ReadAllText(file));
            dump.AppendLine("== " + Path.GetFileName(file));
            foreach (var b in r.Blocks)
            {
                var s = r.Text[b.Start..b.End];
                dump.AppendLine($"{b.Kind,-10} {s[..Math.Min(90, s.Length)]}");
            }
        }
        File.WriteAllText("/tmp/ingest-text-dump.txt", dump.ToString());
    }
}
