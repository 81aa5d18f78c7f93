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

    /// <summary>A corpus-wide stage failed: the dossier was written, but it says which findings are missing.</summary>
    public const int StageFailed = 3;

    /// <summary>The store could not be written mid-run (disk full, read-only): the run stopped; what it saved before stays.</summary>
    public const int StoreFailed = 4;

    /// <summary>Another run held the store's writer lease longer than this run waits (24 h): nothing was stored.</summary>
    public const int StoreBusy = 5;

    /// <summary>The code of a run: a stage failure outranks input problems, which outrank success.</summary>
    public static int Of(int failedStages, int problems) => failedStages > 0 ? StageFailed : problems > 0 ? Problems : Success;
}
