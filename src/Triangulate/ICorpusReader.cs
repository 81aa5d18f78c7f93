using Triangulate.Model;

namespace Triangulate;

/// <summary>Read access to every stored document and its analysis, streamed in id order so stages never need the corpus in memory.</summary>
public interface ICorpusReader
{
    /// <summary>How many documents are stored.</summary>
    int DocumentCount { get; }

    /// <summary>Every document with its analysis, in id order.</summary>
    IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses();

    /// <summary>One document, or null.</summary>
    Document? FindDocument(string id);

    /// <summary>One document's analysis, or null.</summary>
    DocumentAnalysis? FindAnalysis(string id);
}
