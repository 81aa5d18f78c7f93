namespace Triangulate.Model;

/// <summary>The whole analysis of a corpus: the contract <c>triangulate.dossier/1</c>.</summary>
public sealed record Dossier
{
    /// <summary>The contract's name and version.</summary>
    public const string SchemaName = "triangulate.dossier/1";

    /// <summary>Always <see cref="SchemaName"/>.</summary>
    public string Schema { get; init; } = SchemaName;

    /// <summary>When it was written.</summary>
    public DateTimeOffset? Generated { get; init; }

    /// <summary>Every document.</summary>
    public IReadOnlyList<Document> Documents { get; init; } = [];

    /// <summary>Derivations and citations.</summary>
    public IReadOnlyList<Relation> Relations { get; init; } = [];

    /// <summary>Stories.</summary>
    public IReadOnlyList<Story> Stories { get; init; } = [];

    /// <summary>Entities across documents.</summary>
    public IReadOnlyList<Entity> Entities { get; init; } = [];

    /// <summary>Claims across documents.</summary>
    public IReadOnlyList<Claim> Claims { get; init; } = [];

    /// <summary>Quotes across documents.</summary>
    public IReadOnlyList<Quote> Quotes { get; init; } = [];

    /// <summary>Contradictions.</summary>
    public IReadOnlyList<Contradiction> Contradictions { get; init; } = [];

    /// <summary>Dated events in order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Figures over time (an extra property beside the contract).</summary>
    public IReadOnlyList<FigureSeries> Series { get; init; } = [];

    /// <summary>Inputs that could not be analysed.</summary>
    public IReadOnlyList<Problem> Problems { get; init; } = [];
}
