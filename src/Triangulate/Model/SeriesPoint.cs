namespace Triangulate.Model;

/// <summary>One value of a <see cref="FigureSeries"/>: when, how much (bounds after hedges), and which claim and documents say so.</summary>
public sealed record SeriesPoint
{
    /// <summary>When the value holds.</summary>
    public required PartialDate Date { get; init; }

    /// <summary>Lowest value the sources allow.</summary>
    public double? Low { get; init; }

    /// <summary>Highest value the sources allow.</summary>
    public double? High { get; init; }

    /// <summary>The claim behind the point.</summary>
    public required string Claim { get; init; }

    /// <summary>Documents that carry it.</summary>
    public required IReadOnlyList<string> Sources { get; init; }
}
