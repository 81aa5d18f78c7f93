namespace Triangulate.Model;

/// <summary>One statement by one speaker, with every rendering of it across documents.</summary>
public sealed record Quote
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>Entity id, or a description for unnamed speakers; written even when null (the contract requires the property).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public required string? Speaker { get; init; }

    /// <summary>How the speaker is identified.</summary>
    public SpeakerKind? SpeakerKind { get; init; }

    /// <summary>Its renderings.</summary>
    public required IReadOnlyList<QuoteVariant> Variants { get; init; }

    /// <summary>Independent sources that carry it.</summary>
    public int? IndependentSources { get; init; }

    /// <summary>The story this belongs to (every judgment after per-document analysis reads one story's evidence only).</summary>
    public string? Story { get; init; }
}
