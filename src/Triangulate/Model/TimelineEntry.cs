namespace Triangulate.Model;

/// <summary>A dated event or claim of a story.</summary>
public sealed record TimelineEntry
{
    /// <summary>First date.</summary>
    public required PartialDate Start { get; init; }

    /// <summary>Last date.</summary>
    public required PartialDate End { get; init; }

    /// <summary>What happened.</summary>
    public required string Text { get; init; }

    /// <summary>Claims behind it.</summary>
    public IReadOnlyList<string> Claims { get; init; } = [];

    /// <summary>Documents behind it.</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>The story this belongs to (every judgment after per-document analysis reads one story's evidence only).</summary>
    public string? Story { get; init; }
}
