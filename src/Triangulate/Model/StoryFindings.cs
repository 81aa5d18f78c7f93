namespace Triangulate.Model;

/// <summary>
/// What the story stages found about one story: the unit the store keeps, rewrites and serves. A story whose inputs
/// have not changed since its findings were made (same <see cref="Fingerprint"/>) is not analysed again.
/// </summary>
public sealed record StoryFindings
{
    /// <summary>The story, its first and last days widened by its members' inferred dates.</summary>
    public required Story Story { get; init; }

    /// <summary>A hash of everything the story stages read for this story; empty when a stage failed on it (always redone).</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>Entities resolved across the story's documents (an entity of several stories has one id, and a row in each).</summary>
    public IReadOnlyList<Entity> Entities { get; init; } = [];

    /// <summary>Claims matched across the story's documents.</summary>
    public IReadOnlyList<Claim> Claims { get; init; } = [];

    /// <summary>Quotes matched across the story's documents.</summary>
    public IReadOnlyList<Quote> Quotes { get; init; } = [];

    /// <summary>Contradictions among the story's claims.</summary>
    public IReadOnlyList<Contradiction> Contradictions { get; init; } = [];

    /// <summary>The story's dated events in order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>The story's figures over time.</summary>
    public IReadOnlyList<FigureSeries> Series { get; init; } = [];

    /// <summary>Publication dates inferred for the story's documents that state none.</summary>
    public IReadOnlyDictionary<string, DateEstimate> InferredPublished { get; init; } = new Dictionary<string, DateEstimate>();
}
