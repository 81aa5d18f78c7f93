namespace Triangulate.Model;

/// <summary><see cref="From"/> is derived from, or points to, <see cref="To"/> (a document) or <see cref="ToOutlet"/> (a source outside the corpus).</summary>
public sealed record Relation
{
    /// <summary>The derived or citing document.</summary>
    public required string From { get; init; }

    /// <summary>The document it derives from.</summary>
    public string? To { get; init; }

    /// <summary>The outside source it cites.</summary>
    public string? ToOutlet { get; init; }

    /// <summary>What kind of relation.</summary>
    public required RelationKind Kind { get; init; }

    /// <summary>Confidence in [0, 1].</summary>
    public double? Score { get; init; }

    /// <summary>Aligned passages a person can check side by side.</summary>
    public IReadOnlyList<AlignedPassage> Evidence { get; init; } = [];
}
