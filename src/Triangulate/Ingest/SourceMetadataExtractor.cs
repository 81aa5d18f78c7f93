using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>Takes the metadata the source itself gives (markup, record fields) and, failing a title there, the text of the first title block.</summary>
public sealed class SourceMetadataExtractor : IMetadataExtractor
{
    /// <inheritdoc />
    public Document Extract(Document document, SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(source);
        var meta = source.Metadata;
        var title = meta.Title;
        if (title is null)
        {
            foreach (var block in document.Blocks)
            {
                if (block.Kind != BlockKind.Title) continue;
                title = document.Text[block.Start..block.End];
                break;
            }
        }
        return document with
        {
            Title = title ?? document.Title,
            Outlet = meta.Outlet ?? document.Outlet,
            Authors = meta.Authors.Count > 0 ? meta.Authors : document.Authors,
            Published = meta.Published ?? document.Published,
        };
    }
}
