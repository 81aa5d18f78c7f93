using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// Where documents, analyses, problems and corpus results live between runs. Documents are keyed by the SHA-256 of their
/// bytes: saving the same content twice keeps one copy. Implementations are safe to call from several threads.
/// </summary>
public interface IStore : ICorpusReader, IDisposable
{
    /// <summary>True when a document with these bytes is stored and was made by <paramref name="pipelineVersion"/>.</summary>
    bool Contains(string sha256, string pipelineVersion);

    /// <summary>Saves a batch of documents in one transaction (replacing ones with the same bytes made by another version).</summary>
    void Save(IReadOnlyList<StoredDocument> batch);

    /// <summary>Records problems (the same source and error once).</summary>
    void SaveProblems(IEnumerable<Problem> problems);

    /// <summary>
    /// Forgets the problems recorded for <paramref name="source"/>: an input path (with the records inside it, named
    /// "<c>source#…</c>") when it is read again, or a corpus stage ("stage NAME") when it has run again; what is still
    /// wrong is recorded anew, what was fixed no longer shows.
    /// </summary>
    void ClearProblems(string source);

    /// <summary>Replaces the corpus-wide results.</summary>
    void SaveCorpus(CorpusResult result);

    /// <summary>The corpus-wide results, or <see cref="CorpusResult.Empty"/> before the first run.</summary>
    CorpusResult LoadCorpus();

    /// <summary>Every document, in id order.</summary>
    IEnumerable<Document> ReadDocuments();

    /// <summary>Every recorded problem, ordered by source then error.</summary>
    IReadOnlyList<Problem> ReadProblems();

    /// <summary>
    /// Full-text search (every word of <paramref name="query"/>, in any order) over documents, corpus claims and quotes,
    /// best first; each hit's snippet marks matched words with U+0002 and U+0003 so callers can encode, then highlight.
    /// </summary>
    IReadOnlyList<SearchHit> Search(string query, int limit);

    /// <summary>The bytes a document was read from, or null.</summary>
    byte[]? FindRaw(string documentId);
}
