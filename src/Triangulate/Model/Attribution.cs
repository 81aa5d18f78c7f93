namespace Triangulate.Model;

/// <summary>Who the text says the information comes from, and through whom it passed.</summary>
public sealed record Attribution
{
    /// <summary>An entity id, or a description for unnamed sources ("one soldier").</summary>
    public string? Speaker { get; init; }

    /// <summary>Outlets and channels it passed through, nearest last ("Telegram", then the outlet that reported it).</summary>
    public IReadOnlyList<string> Via { get; init; } = [];
}
