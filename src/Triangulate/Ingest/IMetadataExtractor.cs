using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>Finds the metadata an analyst relies on (title, outlet, origin, authors, dateline, dates, comments) in markup hints and classified blocks.</summary>
public interface IMetadataExtractor
{
    /// <summary>Fills in the document's metadata fields; returns the document unchanged where nothing is found.</summary>
    Document Extract(Document document, SourceDocument source);
}
