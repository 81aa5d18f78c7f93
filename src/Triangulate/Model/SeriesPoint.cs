namespace Triangulate.Model;

/// <summary>One value of a <see cref="FigureSeries"/>: when, how much (bounds after hedges), and which claim and documents say so.</summary>
public sealed record SeriesPoint
{
    /// <summary>When the value holds: the day, or the first day of the interval it may hold in.</summary>
    public required PartialDate Date { get; init; }

    /// <summary>The last day of that interval when the value is known only to hold some time within one ("at its peak": after the event, before publication); null for a single date.</summary>
    public PartialDate? End { get; init; }

    /// <summary>Lowest value the sources allow.</summary>
    public double? Low { get; init; }

    /// <summary>Highest value the sources allow.</summary>
    public double? High { get; init; }

    /// <summary>The claim behind the point.</summary>
    public required string Claim { get; init; }

    /// <summary>Documents that carry it.</summary>
    public required IReadOnlyList<string> Sources { get; init; }
}
