namespace Triangulate.Model;

/// <summary>What extraction found in one document's body. Stored beside the document; matched across documents later.</summary>
public sealed record DocumentAnalysis
{
    /// <summary>The document.</summary>
    public required string DocumentId { get; init; }

    /// <summary>Entities of this document, resolved within it (ids are document-local keys).</summary>
    public IReadOnlyList<Entity> Entities { get; init; } = [];

    /// <summary>Time expressions.</summary>
    public IReadOnlyList<TimeExpression> Times { get; init; } = [];

    /// <summary>Claims as made here.</summary>
    public IReadOnlyList<ClaimDraft> Claims { get; init; } = [];

    /// <summary>Quotes as given here.</summary>
    public IReadOnlyList<QuoteDraft> Quotes { get; init; } = [];

    /// <summary>Outside sources it names.</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];
}
