namespace Triangulate.Ingest;

/// <summary>
/// A unit the block classifier labels: a line of a text capture, or a block element of a page.
/// Offsets are into the document's text; <see cref="Hint"/> is what the reader already knows from markup.
/// </summary>
public sealed record TextSegment(int Start, int End)
{
    /// <summary>A kind the reader is sure of from markup (a &lt;nav&gt;, an &lt;h1&gt;), or null.</summary>
    public Model.BlockKind? Hint { get; init; }

    /// <summary>Markup features for the classifier (tag path, link density, class names); null for plain text.</summary>
    public IReadOnlyDictionary<string, double>? Features { get; init; }

    /// <summary>The element path the segment came from, for HTML ("html/body/article/p").</summary>
    public string? Path { get; init; }
}
