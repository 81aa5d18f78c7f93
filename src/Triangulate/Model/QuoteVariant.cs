namespace Triangulate.Model;

/// <summary>One rendering of a quote in one document.</summary>
public sealed record QuoteVariant
{
    /// <summary>Where it stands.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>The quoted words.</summary>
    public required string Text { get; init; }

    /// <summary>True for a direct quote, false for reported speech.</summary>
    public bool? Direct { get; init; }
}
