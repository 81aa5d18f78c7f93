namespace Triangulate.Model;

/// <summary>
/// What the corpus-wide stages found, less the stories' own findings: derivations and citations, the independence
/// group of each document, and the stages that failed. Kept as rows keyed by document.
/// </summary>
public sealed record CorpusLinks
{
    /// <summary>Derivations and citations.</summary>
    public IReadOnlyList<Relation> Relations { get; init; } = [];

    /// <summary>Independence group of each document: documents of one group count as one source.</summary>
    public IReadOnlyDictionary<string, string> IndependenceGroups { get; init; } = new Dictionary<string, string>();

    /// <summary>Stages that failed in the run that made these results, in stage order.</summary>
    public IReadOnlyList<StageFailure> FailedStages { get; init; } = [];
}
