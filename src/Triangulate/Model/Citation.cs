namespace Triangulate.Model;

/// <summary>A document naming an outside source it took information from ("told an agency", "(AP)", "Cre: X").</summary>
public sealed record Citation
{
    /// <summary>The source as named.</summary>
    public required string Outlet { get; init; }

    /// <summary>Where it is named.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>True when the whole document is credited to it (a credit line), false when one statement is.</summary>
    public bool Credit { get; init; }
}
