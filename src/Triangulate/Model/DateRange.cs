namespace Triangulate.Model;

/// <summary>The time a claim holds for.</summary>
public sealed record DateRange
{
    /// <summary>First date.</summary>
    public PartialDate? Start { get; init; }

    /// <summary>Last date.</summary>
    public PartialDate? End { get; init; }
}
