namespace Triangulate.Model;

/// <summary>A reader's comment, kept apart from the article body.</summary>
public sealed record Comment
{
    /// <summary>The commenter's name as shown, when there is one.</summary>
    public string? Author { get; init; }

    /// <summary>The comment text.</summary>
    public required string Text { get; init; }

    /// <summary>Where the comment text stands in the document.</summary>
    public required TextSpan Span { get; init; }
}
