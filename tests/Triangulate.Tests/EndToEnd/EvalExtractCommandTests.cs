using System.Globalization;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

[Collection(Support.ConsoleTests.Name)]
public sealed class EvalExtractCommandTests
{
    [Fact]
    public void EvalExtractScoresTheSeedGoldSetPerItemType()
    {
        var gold = Path.Combine(TestPaths.RepoRoot, "tests", "Triangulate.Tests", "Fixtures", "gold", "extract-gold.json");
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        int code;
        try
        {
            code = Triangulate.Cli.TriangulateCli.Run(["eval", "extract", gold]);
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split('\t')).ToList();
        // Every item is printed for the looked-at half, the held-back half and the whole set; the floors hold for the whole.
        foreach (var item in (string[])["entity", "entity+type", "quote", "quote+speaker", "status"])
            Assert.Equal(["all", "held", "look"], lines.Where(r => r[0] == item).Select(r => r[1]).Order(StringComparer.Ordinal));
        var rows = lines.Where(r => r[1] == "all").ToDictionary(r => r[0], r => r[1..]);
        // Recall floors measured on the seed gold set (docs/benchmarks.md): a regression below them fails.
        Assert.True(double.Parse(rows["quote+speaker"][5], CultureInfo.InvariantCulture) >= 0.9);
        Assert.True(double.Parse(rows["status"][5], CultureInfo.InvariantCulture) >= 0.7);
        Assert.True(double.Parse(rows["entity"][5], CultureInfo.InvariantCulture) >= 0.9);
        // Precision floors: the gold lists every named entity and direct quote of the bodies, so extra items are errors.
        Assert.True(double.Parse(rows["entity"][4], CultureInfo.InvariantCulture) >= 0.9);
        Assert.True(double.Parse(rows["entity+type"][4], CultureInfo.InvariantCulture) >= 0.9);
        Assert.True(double.Parse(rows["quote"][4], CultureInfo.InvariantCulture) >= 0.9);
    }
}
