namespace Triangulate.Model;

/// <summary>What the corpus-wide stages (Link, Reconcile) found over every stored document. Replaced as a whole on each run.</summary>
public sealed record CorpusResult
{
    /// <summary>Derivations and citations.</summary>
    public IReadOnlyList<Relation> Relations { get; init; } = [];

    /// <summary>Stories.</summary>
    public IReadOnlyList<Story> Stories { get; init; } = [];

    /// <summary>Independence group of each document: documents of one group count as one source.</summary>
    public IReadOnlyDictionary<string, string> IndependenceGroups { get; init; } = new Dictionary<string, string>();

    /// <summary>Entities resolved across documents.</summary>
    public IReadOnlyList<Entity> Entities { get; init; } = [];

    /// <summary>Claims matched across documents.</summary>
    public IReadOnlyList<Claim> Claims { get; init; } = [];

    /// <summary>Quotes matched across documents.</summary>
    public IReadOnlyList<Quote> Quotes { get; init; } = [];

    /// <summary>Contradictions.</summary>
    public IReadOnlyList<Contradiction> Contradictions { get; init; } = [];

    /// <summary>Dated events in order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Figures over time: quantity claims on one measure and subject in date order.</summary>
    public IReadOnlyList<FigureSeries> Series { get; init; } = [];

    /// <summary>Publication dates inferred for documents that state none.</summary>
    public IReadOnlyDictionary<string, DateEstimate> InferredPublished { get; init; } = new Dictionary<string, DateEstimate>();

    /// <summary>Corpus-wide stages that failed in the run that made this result, in stage order; empty when every stage ran.</summary>
    public IReadOnlyList<StageFailure> FailedStages { get; init; } = [];

    /// <summary>Nothing found.</summary>
    public static CorpusResult Empty { get; } = new();
}
