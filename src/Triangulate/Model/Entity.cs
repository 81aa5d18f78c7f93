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

    /// <summary>Other spellings and short forms.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Roles and appositions the texts give.</summary>
    public IReadOnlyList<string> Descriptions { get; init; } = [];

    /// <summary>Where it is mentioned.</summary>
    public required IReadOnlyList<TextSpan> Mentions { get; init; }
}
