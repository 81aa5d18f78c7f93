using System.Text.Json;
using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// Where documents, analyses, problems and corpus results live between runs. Documents are keyed by the SHA-256 of their
/// bytes: saving the same content twice keeps one copy. Implementations are safe to call from several threads.
/// </summary>
public interface IStore : ICorpusReader, Link.ILinkStateSource, IDisposable
{
    /// <summary>True when a document with these bytes is stored and was made by <paramref name="pipelineVersion"/>.</summary>
    bool Contains(string sha256, string pipelineVersion);

    /// <summary>The last place in the arrival order taken by a stored document (0 when none is stored).</summary>
    long LastArrival { get; }

    /// <summary>Saves a batch of documents in one transaction (replacing ones with the same bytes made by another version).</summary>
    void Save(IReadOnlyList<StoredDocument> batch);

    /// <summary>As <see cref="Save(IReadOnlyList{StoredDocument})"/>, the documents already encoded (by the threads that analysed them).</summary>
    void Save(IReadOnlyList<EncodedDocument> batch);

    /// <summary>
    /// True when writers in several processes save side by side (a database server); false when they take turns (one
    /// SQLite file has one write lock). Cluster workers save their batches themselves only into a store whose writers
    /// save side by side; into one file they hand the encoded rows back to the client, whose one writer saves them
    /// (docs/foundation.md, "Cluster").
    /// </summary>
    bool ConcurrentWriters => false;

    /// <summary>Records problems (the same source and error once).</summary>
    void SaveProblems(IEnumerable<Problem> problems);

    /// <summary>
    /// Forgets the problems recorded for <paramref name="source"/>: an input path (with the records inside it, named
    /// "<c>source#…</c>") when it is read again, or a corpus stage ("stage NAME") when it has run again; what is still
    /// wrong is recorded anew, what was fixed no longer shows. The problems of the sources in <paramref name="keep"/>
    /// stay: the records read again that were already stored, whose analysis (and the caps it hit) is not made again.
    /// </summary>
    void ClearProblems(string source, IReadOnlyCollection<string>? keep = null);

    /// <summary>Saves what a relink changed, in one transaction (see <see cref="CorpusUpdate"/>).</summary>
    void SaveCorpus(CorpusUpdate update);

    /// <summary>What made the stored link state (<see cref="CorpusUpdate.LinkVersion"/>), or null when there is none.</summary>
    string? ReadLinkVersion();

    /// <summary>
    /// The documents with their analyses in arrival order: those the linking stages have not seen yet, or every one
    /// when <paramref name="all"/>. Read for the linking stages: each analysis has its entities, times and citations,
    /// and no claims or quotes (empty; those are the story stages', read with <see cref="ICorpusReader.FindAnalysis"/>).
    /// </summary>
    IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadForLinking(bool all);

    /// <summary>The fingerprint each stored story's findings were made from.</summary>
    IReadOnlyDictionary<string, string> ReadStoryFingerprints();

    /// <summary>The stories, in order (their findings are read with <see cref="LoadStory"/>).</summary>
    IReadOnlyList<Story> ReadStories();

    /// <summary>One story's findings, or null.</summary>
    StoryFindings? LoadStory(string id);

    /// <summary>
    /// A story's findings as its page shows them (<see cref="LoadStory"/> otherwise): its entities' mentions without
    /// their excerpts, and no inferred publication dates. A story page names entities and breaks ties between them by
    /// the documents that mention them and how often; it never quotes an entity's mention or shows an inferred date.
    /// </summary>
    StoryFindings? LoadStoryToShow(string id) => LoadStory(id);

    /// <summary>Every story's findings, in story order, streamed.</summary>
    IEnumerable<StoryFindings> ReadStoryFindings();

    /// <summary>
    /// One part of every story's findings ("claims", "quotes", "contradictions", "timeline", "series"), in story order,
    /// streamed: a whole-store report writes each part without the others in memory.
    /// </summary>
    IEnumerable<T> ReadStoryPart<T>(string part, System.Text.Json.Serialization.Metadata.JsonTypeInfo<List<T>> type);

    /// <summary>
    /// Every publication date inferred for an undated document (each story's <c>InferredPublished</c>), in story order,
    /// streamed: cut out of the stories' findings without parsing the rest.
    /// </summary>
    IEnumerable<KeyValuePair<string, DateEstimate>> ReadInferredDates();

    /// <summary>How many stories the store holds, and their claims and quotes, counted without parsing their findings.</summary>
    (int Stories, int Claims, int Quotes) CountStoryFindings();

    /// <summary>Every relation, in stored order, streamed.</summary>
    IEnumerable<Relation> ReadRelations();

    /// <summary>Every entity (joined across the stories it is in), in id order, streamed.</summary>
    IEnumerable<Entity> ReadEntities();

    /// <summary>The story a document belongs to, or null.</summary>
    string? StoryOf(string documentId);

    /// <summary>The independence group of each of these documents that has one.</summary>
    IReadOnlyDictionary<string, string> IndependenceGroupsOf(IEnumerable<string> documentIds);

    /// <summary>The relations from or to these documents, in stored order.</summary>
    IReadOnlyList<Relation> RelationsOf(IEnumerable<string> documentIds);

    /// <summary>
    /// The relations from these documents, in stored order, without their aligned passages (<see cref="Relation.Evidence"/>
    /// empty): what a list or a drawing of a story's relations shows, read without the passages that are most of a row.
    /// </summary>
    IReadOnlyList<Relation> RelationsFrom(IEnumerable<string> documentIds)
    {
        var from = new HashSet<string>(documentIds, StringComparer.Ordinal);
        return [.. RelationsOf(from).Where(r => from.Contains(r.From)).Select(r => r with { Evidence = [] })];
    }

    /// <summary>
    /// The stored documents with these ids, each once, in no set order, as a page lists them: everything but their text,
    /// blocks, body and comments, which are left empty (a story page shows titles, outlets and dates, and quotes the
    /// excerpts its findings' spans carry; the stages and a document's own page read <see cref="ICorpusReader.FindDocument"/>).
    /// </summary>
    IReadOnlyList<Document> FindDocumentsToShow(IEnumerable<string> ids) =>
        [.. ids.Distinct(StringComparer.Ordinal).Select(FindDocument).OfType<Document>().Select(d => d with { Text = "", Blocks = [], Body = "", Comments = [] })];

    /// <summary>The entities with these ids that are stored (each joined across the stories it is in).</summary>
    IReadOnlyList<Entity> FindEntities(IEnumerable<string> ids);

    /// <summary>The stages that failed in the last relink, in order.</summary>
    IReadOnlyList<StageFailure> LoadFailedStages();

    /// <summary>Everything the corpus and story stages found, assembled whole (small stores, tests, the whole-store dossier).</summary>
    CorpusResult LoadCorpus();

    /// <summary>Every document, in id order.</summary>
    IEnumerable<Document> ReadDocuments();

    /// <summary>
    /// Every document in id order as its id and its compact JSON (<see cref="ModelJson.Compact"/>), for a writer that
    /// copies documents without needing them as objects (the JSON dossier). A store that keeps that JSON hands over its
    /// bytes as stored; this default writes them from <see cref="ReadDocuments"/>.
    /// </summary>
    IEnumerable<(string Id, byte[] Json)> ReadDocumentsJson() =>
        ReadDocuments().Select(d => (d.Id, JsonSerializer.SerializeToUtf8Bytes(d, ModelJson.Compact.Document)));

    /// <summary>
    /// One page of the documents, latest arrival first (arrival order is the store's own index, so a page costs its
    /// rows, not the store): documents <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/>.
    /// </summary>
    IReadOnlyList<Document> ReadLatestDocuments(int skip, int take);

    /// <summary>The documents that belong to no story, in id order (read without touching the others).</summary>
    IReadOnlyList<Document> ReadDocumentsInNoStory();

    /// <summary>Every recorded problem, ordered by source then error, numbers in the error by value ("line 2" before "line 11"; <see cref="ProblemOrder"/>).</summary>
    IReadOnlyList<Problem> ReadProblems();

    /// <summary>
    /// Full-text search (every word of <paramref name="query"/>, in any order) over documents, claims, quotes and entities,
    /// widened by the other spellings of the entities the query names (kinds "document", "claim", "quote", "entity"), best first; each hit's snippet marks matched words with U+0002 and U+0003 so callers can encode, then highlight.
    /// </summary>
    IReadOnlyList<SearchHit> Search(string query, int limit);

    /// <summary>The bytes a document was read from, or null.</summary>
    byte[]? FindRaw(string documentId);

    /// <summary>
    /// Takes this store's writer lease (<see cref="WriterLease"/>) for a run that adds documents or links them, waiting
    /// while another run, in this process or another, holds it; <paramref name="waiting"/> hears the store's name once
    /// when it waits. Disposing the result lets it go. Throws <see cref="StoreBusyException"/> when the wait runs out.
    /// A store only this process can open takes nothing.
    /// </summary>
    IDisposable AcquireWriterLease(Action<string>? waiting = null) => WriterLease.None;
}
