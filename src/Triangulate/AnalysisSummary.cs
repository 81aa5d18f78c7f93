using Triangulate.Model;

namespace Triangulate;

/// <summary>What one run did.</summary>
public sealed record AnalysisSummary
{
    /// <summary>Documents read from the inputs (including ones already stored).</summary>
    public int DocumentsRead { get; init; }

    /// <summary>Documents newly analysed and stored.</summary>
    public int DocumentsStored { get; init; }

    /// <summary>Documents skipped because the store already had them (same bytes, same pipeline version), or read twice in this run.</summary>
    public int DocumentsKnown { get; init; }

    /// <summary>Problems met in this run, in the order met.</summary>
    public IReadOnlyList<Problem> Problems { get; init; } = [];

    /// <summary>Corpus-wide stages that failed; their findings are missing from the dossier.</summary>
    public IReadOnlyList<StageFailure> FailedStages { get; init; } = [];

    /// <summary>Stories in the store after the run.</summary>
    public int Stories { get; init; }

    /// <summary>Stories whose findings were made anew (the rest were unchanged and kept).</summary>
    public int StoriesAnalysed { get; init; }

    /// <summary>Wall-clock time of each phase, in order.</summary>
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];
}
