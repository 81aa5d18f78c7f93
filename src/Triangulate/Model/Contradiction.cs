namespace Triangulate.Model;

/// <summary>Claims that cannot all be true, with a one-sentence explanation naming their sources.</summary>
public sealed record Contradiction
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>What they disagree about.</summary>
    public required string About { get; init; }

    /// <summary>The claims in conflict.</summary>
    public required IReadOnlyList<string> Claims { get; init; }

    /// <summary>Why they conflict, naming the sources.</summary>
    public required string Explanation { get; init; }

    /// <summary>The story this belongs to (every judgment after per-document analysis reads one story's evidence only).</summary>
    public string? Story { get; init; }
}
