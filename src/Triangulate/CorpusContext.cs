using Triangulate.Model;

namespace Triangulate;

/// <summary>
/// What corpus-wide stages share: read access to the stored corpus and the results built so far. Stages run in the
/// order the pipeline gives (Link before Reconcile) and each reads what earlier ones wrote.
/// </summary>
public sealed class CorpusContext(ICorpusReader corpus)
{
    /// <summary>The stored documents and analyses.</summary>
    public ICorpusReader Corpus { get; } = corpus;

    /// <summary>Derivations and citations.</summary>
    public List<Relation> Relations { get; } = [];

    /// <summary>Stories.</summary>
    public List<Story> Stories { get; } = [];

    /// <summary>Independence group of each document.</summary>
    public Dictionary<string, string> IndependenceGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>Entities resolved across documents.</summary>
    public List<Entity> Entities { get; } = [];

    /// <summary>Global entity id of each document-local entity, keyed "documentId/localId" (filled by the entity resolution stage).</summary>
    public Dictionary<string, string> EntityIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Claims matched across documents.</summary>
    public List<Claim> Claims { get; } = [];

    /// <summary>Quotes matched across documents.</summary>
    public List<Quote> Quotes { get; } = [];

    /// <summary>Contradictions.</summary>
    public List<Contradiction> Contradictions { get; } = [];

    /// <summary>Timeline.</summary>
    public List<TimelineEntry> Timeline { get; } = [];

    /// <summary>Figures over time.</summary>
    public List<FigureSeries> Series { get; } = [];

    /// <summary>Inferred publication dates.</summary>
    public Dictionary<string, DateEstimate> InferredPublished { get; } = new(StringComparer.Ordinal);

    /// <summary>Stages that threw in this run, in order.</summary>
    public List<StageFailure> FailedStages { get; } = [];

    /// <summary>The independence group of a document: itself when no stage grouped it.</summary>
    public string GroupOf(string documentId) => IndependenceGroups.GetValueOrDefault(documentId, documentId);

    /// <summary>The results, frozen.</summary>
    public CorpusResult ToResult() => new()
    {
        Relations = [.. Relations],
        Stories = [.. Stories],
        IndependenceGroups = new SortedDictionary<string, string>(IndependenceGroups, StringComparer.Ordinal),
        Entities = [.. Entities],
        Claims = [.. Claims],
        Quotes = [.. Quotes],
        Contradictions = [.. Contradictions],
        Timeline = [.. Timeline],
        Series = [.. Series],
        InferredPublished = new SortedDictionary<string, DateEstimate>(InferredPublished, StringComparer.Ordinal),
        FailedStages = [.. FailedStages],
    };
}
