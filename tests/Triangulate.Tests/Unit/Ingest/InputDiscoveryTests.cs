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

    [Fact]
    public void A_file_of_size_0_is_empty_and_never_opened_so_a_named_pipe_cannot_hang_the_run()
    {
        using var temp = new TempFolder();
        temp.Write("empty.txt", "");
        temp.Write("good.txt", "text");
        if (!OperatingSystem.IsWindows())
        {
            // A link to a device of size 0, and a named pipe with no writer: opening it would wait forever.
            File.CreateSymbolicLink(temp.File("device.txt"), "/dev/null");
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", temp.File("pipe.txt"));
            mkfifo.WaitForExit();
        }
        var problems = new List<Problem>();
        var files = InputDiscovery.Enumerate([temp.Path], problems.Add).ToList();
        Assert.Equal("good.txt", Path.GetFileName(Assert.Single(files).FullPath));
        Assert.All(problems, p => Assert.Equal("empty file", p.Error));
        Assert.Contains(problems, p => p.Source.EndsWith("empty.txt", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Contains(problems, p => p.Source.EndsWith("device.txt", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Source.EndsWith("pipe.txt", StringComparison.Ordinal));
        }
    }

    [UnprivilegedFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_folder_that_cannot_be_listed_is_one_problem()
    {
        using var temp = new TempFolder();
        temp.Write("locked/a.txt", "text");
        var locked = temp.File("locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var problems = new List<Problem>();
            Assert.Empty(InputDiscovery.Enumerate([locked], problems.Add));
            Assert.StartsWith("cannot list folder", Assert.Single(problems).Error, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
