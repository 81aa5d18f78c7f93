namespace Triangulate.Store;

/// <summary>One full-text search hit: what it is ("document", "claim", "quote"), its id, the document it is in, and a snippet.</summary>
/// <param name="Kind">"document", "claim" or "quote".</param>
/// <param name="Id">The document, claim or quote id.</param>
/// <param name="Document">The document the text is in (for claims and quotes, the first that carries it).</param>
/// <param name="Snippet">Text around the match; matched words between <see cref="MarkStart"/> and <see cref="MarkEnd"/>.</param>
public sealed record SearchHit(string Kind, string Id, string Document, string Snippet)
{
    /// <summary>Starts a matched word in <see cref="Snippet"/> (a control character no document text keeps, so encoding never touches it).</summary>
    public const char MarkStart = '\u0002';

    /// <summary>Ends a matched word in <see cref="Snippet"/>.</summary>
    public const char MarkEnd = '\u0003';
}
