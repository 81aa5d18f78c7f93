namespace Triangulate.Tests.Support;

/// <summary>Where test inputs are: copied beside the test assembly by the project file, so tests never depend on the working directory or on ../shared.</summary>
public static class TestPaths
{
    public static string Root => AppContext.BaseDirectory;

    /// <summary>The example corpus (examples/kursk), copied into the output folder.</summary>
    public static string KurskExample => Path.Combine(Root, "Examples", "kursk");

    /// <summary>The repo's copy of the dossier contract.</summary>
    public static string Schema => Path.Combine(Root, "Spec", "dossier.schema.json");

    public static string Fixtures => Path.Combine(Root, "Fixtures");

    public static string Specs => Path.Combine(Root, "Specs");

    /// <summary>The repository root (for golden files that a test may be told to update), found by walking up to Triangulate.slnx.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(Root);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Triangulate.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Triangulate.slnx not found above " + Root);
        }
    }
}
