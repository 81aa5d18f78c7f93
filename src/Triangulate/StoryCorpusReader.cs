using Triangulate.Model;

namespace Triangulate;

/// <summary>
/// One story's documents as a corpus: what a story stage reads, so it cannot see (or be changed by) any other story.
/// Documents are read in the story's order; one that has left the store since is skipped.
/// </summary>
public sealed class StoryCorpusReader(ICorpusReader corpus, IReadOnlyList<string> documents) : ICorpusReader
{
    private readonly HashSet<string> _members = new(documents, StringComparer.Ordinal);

    /// <inheritdoc />
    public int DocumentCount => documents.Count;

    /// <inheritdoc />
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses()
    {
        foreach (var id in documents)
        {
            if (corpus.FindDocument(id) is not { } document || corpus.FindAnalysis(id) is not { } analysis) continue;
            yield return (document, analysis);
        }
    }

    /// <inheritdoc />
    public Document? FindDocument(string id) => _members.Contains(id) ? corpus.FindDocument(id) : null;

    /// <inheritdoc />
    public DocumentAnalysis? FindAnalysis(string id) => _members.Contains(id) ? corpus.FindAnalysis(id) : null;
}
