using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// The simplest classifier: a segment's markup hint when the reader gave one, body otherwise.
/// The baseline that learned classifiers are measured against, and the fallback when they are switched off.
/// </summary>
public sealed class HintBlockClassifier : IBlockClassifier
{
    /// <inheritdoc />
    public IReadOnlyList<Block> Classify(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = new Block[document.Segments.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            var segment = document.Segments[i];
            blocks[i] = new Block(segment.Hint ?? BlockKind.Body, segment.Start, segment.End);
        }
        return blocks;
    }
}
