using Triangulate.Ingest;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Ingest;

public class InputDiscoveryTests
{
    [Fact]
    public void Folders_are_read_recursively_in_ordinal_order_skipping_hidden_files()
    {
        using var temp = new TempFolder();
        temp.Write("b.txt", "b");
        temp.Write("a.txt", "a");
        temp.Write("sub/c.txt", "c");
        temp.Write(".hidden", "x");
        var problems = new List<Problem>();
        var files = InputDiscovery.Enumerate([temp.Path], problems.Add).Select(f => Path.GetRelativePath(temp.Path, f.FullPath)).ToList();
        Assert.Equal(["a.txt", "b.txt", Path.Combine("sub", "c.txt")], files);
        Assert.Empty(problems);
    }

    [Fact]
    public void A_missing_path_is_a_problem_naming_it()
    {
        var problems = new List<Problem>();
        var files = InputDiscovery.Enumerate(["/no/such/place.txt"], problems.Add).ToList();
        Assert.Empty(files);
        Assert.Equal("/no/such/place.txt", Assert.Single(problems).Source);
    }
}
