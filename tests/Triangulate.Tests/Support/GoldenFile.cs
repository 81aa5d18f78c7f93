namespace Triangulate.Tests.Support;

/// <summary>
/// Compares text with a golden file under tests/Triangulate.Tests/Expectations/ (Verify is not served here). With the
/// environment variable TRIANGULATE_UPDATE_GOLDEN=1 it writes the file instead, so an intended change is one run and a diff to review.
/// </summary>
public static class GoldenFile
{
    public static void Match(string name, string actual)
    {
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "Triangulate.Tests", "Expectations", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("TRIANGULATE_UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            if (Environment.GetEnvironmentVariable("TRIANGULATE_UPDATE_GOLDEN") != "1")
                Assert.Fail($"golden file {name} did not exist and was written; review it and run again");
            return;
        }
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line]) line++;
        Assert.Fail($"{name} differs at line {line + 1}:\n expected: {(line < e.Length ? e[line] : "<end>")}\n   actual: {(line < a.Length ? a[line] : "<end>")}\n(set TRIANGULATE_UPDATE_GOLDEN=1 to accept)");
    }
}
