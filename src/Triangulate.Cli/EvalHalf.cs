namespace Triangulate.Cli;

/// <summary>
/// The two halves of an evaluation set: items whose file name hashes even are the part one looks at while tuning,
/// odd ones are held back and only scored. The hash is FNV-1a over the file name (not the path), so the split is the
/// same on every machine and run, and a file keeps its half when a set grows.
/// </summary>
internal static class EvalHalf
{
    public const string Look = "look";
    public const string Held = "held";

    /// <summary>The half a file belongs to: <see cref="Look"/> or <see cref="Held"/>.</summary>
    public static string Of(string file)
    {
        var name = Path.GetFileName(file);
        var hash = 2166136261u;
        foreach (var c in name) hash = (hash ^ c) * 16777619u;
        return (hash & 1) == 0 ? Look : Held;
    }
}
