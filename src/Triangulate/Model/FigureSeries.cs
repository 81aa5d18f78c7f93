namespace Triangulate.Model;

/// <summary>One figure (a measure of one subject) as it changes over time: the quantity claims about it in date order.</summary>
public sealed record FigureSeries
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>What is measured (area, count, percent...).</summary>
    public required string Measure { get; init; }

    /// <summary>What it measures.</summary>
    public string? Subject { get; init; }

    /// <summary>Normalised unit of the values.</summary>
    public string? Unit { get; init; }

    /// <summary>The values in date order.</summary>
    public required IReadOnlyList<SeriesPoint> Points { get; init; }

    /// <summary>Results of arithmetic checks between the points and stated shares ("1,376 to 800 is a 42% fall; 'more than 40 percent' agrees").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The story this belongs to (every judgment after per-document analysis reads one story's evidence only).</summary>
    public string? Story { get; init; }
}
