namespace Triangulate.Cli;

/// <summary>What the process returns.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was analysed.</summary>
    public const int Success = 0;

    /// <summary>Some inputs had problems; the rest was analysed and each problem listed.</summary>
    public const int Problems = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;
}
