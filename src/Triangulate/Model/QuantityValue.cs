namespace Triangulate.Model;

/// <summary>A value with its bounds after hedges ("about 800" becomes a range around 800) in a normalised unit.</summary>
public sealed record QuantityValue
{
    /// <summary>The lowest value the text allows.</summary>
    public double? Low { get; init; }

    /// <summary>The highest value the text allows.</summary>
    public double? High { get; init; }

    /// <summary>Normalised unit: km2, km, kg, percent, people, items, days.</summary>
    public string? Unit { get; init; }
}
