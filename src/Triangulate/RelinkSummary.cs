using Triangulate.Model;

namespace Triangulate;

/// <summary>What one relink did: how many stories there are, how many were analysed again, what failed, how long each phase took.</summary>
public sealed record RelinkSummary
{
    /// <summary>Stories in the store.</summary>
    public int Stories { get; init; }

    /// <summary>Stories whose inputs changed, analysed again (the others kept their stored findings).</summary>
    public int StoriesAnalysed { get; init; }

    /// <summary>Stages that failed; their findings are missing from the dossier.</summary>
    public IReadOnlyList<StageFailure> FailedStages { get; init; } = [];

    /// <summary>Wall-clock time of each corpus stage, of the story stages together, and of saving.</summary>
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];
}
