namespace Triangulate.CorpusGen;

/// <summary>
/// One real-world event behind a story: its kind, date, place and facts. <see cref="Routine"/> events (a small quake,
/// a quarterly result, a league match) are written by wires from one fixed frame; <see cref="Anchor"/> is what a second event of the same kind in the
/// same place shares with this one (a town, a court, a post, a pair of clubs).
/// </summary>
internal sealed class Event(EventKind kind, DateOnly date, Town town, Facts facts)
{
    public EventKind Kind { get; } = kind;

    public DateOnly Date { get; } = date;

    public Town Town { get; } = town;

    public Facts Facts { get; } = facts;

    public bool Routine { get; init; }

    public object? Anchor { get; init; }

    /// <summary>A sum of money is part of the story (a fraud case), so the reports state it.</summary>
    public bool InvolvesMoney { get; init; }

    /// <summary>The language-neutral summary written to the gold file: type, place, date and the kind's key facts.</summary>
    public Dictionary<string, object> Gold()
    {
        var gold = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["type"] = Kind.Name,
            ["place"] = Town.Name,
            ["region"] = Town.Region,
            ["country"] = Town.Country.En,
            ["date"] = Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var slot in Kind.GoldSlots)
            if (Facts.Has(slot)) gold[slot] = Facts[slot].Gold;
        return gold;
    }
}
