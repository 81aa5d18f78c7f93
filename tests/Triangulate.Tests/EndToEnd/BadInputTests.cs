using System.Text;
using System.Text.Json.Nodes;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

/// <summary>Bad input beside good: the good is analysed, each bad one is a problem naming it, the exit code is 1.</summary>
public class BadInputTests
{
    [Fact]
    public void Bad_inputs_are_problems_and_good_ones_are_still_analysed()
    {
        using var temp = new TempFolder();
        var input = Path.Combine(temp.Path, "in");
        temp.Write("in/good.txt", File.ReadAllBytes(Directory.GetFiles(TestPaths.KurskExample)[0]));
        temp.Write("in/binary.bin", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02, 0xFF, 0x00]);
        temp.Write("in/empty.txt", []);
        temp.Write("in/broken.txt", [.. Encoding.UTF8.GetBytes("Ukraine’s “news” "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" continues.")]);
        using (var huge = File.Create(temp.File("in/huge.txt"))) huge.SetLength(200L * 1024 * 1024);
        File.CreateSymbolicLink(temp.File("in/dangling.txt"), temp.File("nowhere.txt"));
        var missing = temp.File("missing-folder");

        var exit = Triangulate.Cli.TriangulateCli.Run(["analyze", input, missing, "--out", temp.File("out"), "--db", temp.File("t.db"), "--quiet"]);

        Assert.Equal(1, exit);
        var dossier = JsonNode.Parse(File.ReadAllText(temp.File("out/dossier.json")))!.AsObject();
        var problems = dossier["problems"]!.AsArray().Select(p => ((string)p!["source"]!, (string)p["error"]!)).ToList();
        foreach (var bad in new[] { "binary.bin", "empty.txt", "broken.txt", "huge.txt", "dangling.txt" })
            Assert.Contains(problems, p => p.Item1.EndsWith(bad, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == missing);
        Assert.Contains(problems, p => p.Item2.Contains("too large", StringComparison.Ordinal));
        var sources = dossier["documents"]!.AsArray().Select(d => (string)d!["source"]!).ToList();
        Assert.Contains(sources, s => s.EndsWith("good.txt", StringComparison.Ordinal));
        // Broken UTF-8 is still analysed, with its bytes replaced and the problem listed.
        Assert.Contains(sources, s => s.EndsWith("broken.txt", StringComparison.Ordinal));
        Assert.Equal(2, sources.Count);
        Assert.All(problems, p => Assert.DoesNotContain('\n', p.Item2));
    }
}
