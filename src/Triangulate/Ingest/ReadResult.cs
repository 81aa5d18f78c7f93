using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>One item a reader yields: a document, or a problem with one input or record. A problem may come with a document that was still read (replaced bytes).</summary>
public sealed record ReadResult(SourceDocument? Document, Problem? Problem)
{
    /// <summary>A document read cleanly.</summary>
    public static ReadResult Of(SourceDocument document) => new(document, null);

    /// <summary>An input that could not be read.</summary>
    public static ReadResult Failed(string source, string error) => new(null, new Problem(source, error));
}
