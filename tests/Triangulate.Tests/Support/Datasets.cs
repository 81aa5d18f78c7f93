namespace Triangulate.Tests.Support;

/// <summary>
/// The evaluation datasets beside the repository (<c>../shared/datasets</c>, or <c>TRIANGULATE_DATASETS</c>). Users
/// do not have them, so the tests that read them are skipped, visibly, where they are absent.
/// </summary>
public static class Datasets
{
    /// <summary>The datasets folder, whether or not it exists.</summary>
    public static string Root =>
        Environment.GetEnvironmentVariable("TRIANGULATE_DATASETS") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "datasets"));

    /// <summary>One dataset's folder.</summary>
    public static string Folder(string name) => Path.Combine(Root, name);

    /// <summary>Whether a dataset is present.</summary>
    public static bool Has(string name) => Directory.Exists(Folder(name));
}

/// <summary>A fact that is reported skipped when its dataset is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatasetFactAttribute : FactAttribute
{
    /// <summary>Skips unless every named dataset is present.</summary>
    public DatasetFactAttribute(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var missing = names.Where(n => !Datasets.Has(n)).ToList();
        if (missing.Count > 0) Skip = $"dataset(s) {string.Join(", ", missing)} absent under {Datasets.Root}";
    }
}
