namespace Triangulate.Model;

/// <summary>A person, organisation, place, unit or weapon, with every spelling it goes by and every place it is mentioned.</summary>
public sealed record Entity
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>The canonical name.</summary>
    public required string Name { get; init; }

    /// <summary>What kind of thing it is.</summary>
    public required EntityType Type { get; init; }

    /// <summary>
    /// A finer kind the contract's type list lacks ("product"): the dossier writes such an entity with type "other" and
    /// this subtype, so it stays valid against the contract without losing what the extractor knew.
    /// </summary>
    public string? Subtype { get; init; }

    /// <summary>Other spellings and short forms.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Roles and appositions the texts give.</summary>
    public IReadOnlyList<string> Descriptions { get; init; } = [];

    /// <summary>Where it is mentioned.</summary>
    public required IReadOnlyList<TextSpan> Mentions { get; init; }

    /// <summary>The entity as the dossier contract types it: a type the contract lacks becomes "other" with a subtype.</summary>
    public Entity ForContract() => Type switch
    {
        EntityType.Product => this with { Type = EntityType.Other, Subtype = "product" },
        EntityType.Financial => this with { Type = EntityType.Other, Subtype = "financial" },
        _ => this,
    };
}
