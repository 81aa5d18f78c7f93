using System.Text;
using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Ingest;

/// <summary>
/// Makes a <see cref="Document"/> of a source document: classifies its segments, joins the body, tells the language, finds
/// the metadata (within <see cref="MetadataLengths"/>).
/// </summary>
public sealed class DocumentAssembler(IBlockClassifier classifier, IMetadataExtractor metadata, ILanguageIdentifier language)
{
    /// <summary>Assembles the document.</summary>
    public Document Assemble(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var blocks = classifier.Classify(source);
        var body = JoinBody(source.Text, blocks);
        var document = new Document
        {
            Id = StableId.ForDocument(source.Sha256),
            Source = source.Source,
            Sha256 = source.Sha256,
            Text = source.Text,
            Blocks = blocks,
            Body = body,
            Language = source.Metadata.Language ?? language.Identify(body.Length > 0 ? body : source.Text),
        };
        return MetadataLengths.Apply(metadata.Extract(document, source));
    }

    /// <summary>The body blocks joined by blank lines.</summary>
    public static string JoinBody(string text, IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(blocks);
        var builder = new StringBuilder();
        foreach (var block in blocks)
        {
            if (block.Kind != BlockKind.Body) continue;
            if (builder.Length > 0) builder.Append("\n\n");
            builder.Append(text.AsSpan(block.Start, block.End - block.Start));
        }
        return builder.ToString();
    }
}
