namespace Triangulate.Model;

/// <summary>Documents that tell the same developing story.</summary>
public sealed record Story
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>A title chosen from its documents' titles.</summary>
    public required string Title { get; init; }

    /// <summary>Its documents' ids.</summary>
    public required IReadOnlyList<string> Documents { get; init; }

    /// <summary>The earliest date of its documents.</summary>
    public PartialDate? First { get; init; }

    /// <summary>The latest date of its documents.</summary>
    public PartialDate? Last { get; init; }

    /// <summary>Documents left after copies and shared origins count once.</summary>
    public int? IndependentSources { get; init; }
}
