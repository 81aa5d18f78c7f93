using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>Labels every segment of a document with a block kind: the article's parts and the furniture around it.</summary>
public interface IBlockClassifier
{
    /// <summary>Returns blocks covering every segment exactly once, in text order.</summary>
    IReadOnlyList<Block> Classify(SourceDocument document);
}
