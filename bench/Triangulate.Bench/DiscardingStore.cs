using Triangulate.Model;
using Triangulate.Store;

namespace Triangulate.Bench;

/// <summary>A store that keeps nothing: the pipeline's read → analyse channels timed without SQLite behind them.</summary>
internal sealed class DiscardingStore : IStore
{
    private int _saved;

    public int DocumentCount => _saved;

    public bool Contains(string sha256, string pipelineVersion) => false;

    public void Save(IReadOnlyList<StoredDocument> batch) => _saved += batch.Count;

    public void Save(IReadOnlyList<EncodedDocument> batch) => _saved += batch.Count;

    public void SaveProblems(IEnumerable<Problem> problems)
    {
    }

    public void ClearProblems(string source, IReadOnlyCollection<string>? keep = null)
    {
    }

    public long LastArrival => 0;

    public void SaveCorpus(CorpusUpdate update)
    {
    }

    public string? ReadLinkVersion() => null;

    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadForLinking(bool all) => [];

    public IReadOnlyDictionary<long, byte[]> ReadLinkState(int space, IReadOnlyCollection<long> keys) => new Dictionary<long, byte[]>();

    public IReadOnlyDictionary<string, string> ReadStoryFingerprints() => new Dictionary<string, string>();

    public IReadOnlyList<Story> ReadStories() => [];

    public StoryFindings? LoadStory(string id) => null;

    public IEnumerable<StoryFindings> ReadStoryFindings() => [];

    public IEnumerable<T> ReadStoryPart<T>(string part, System.Text.Json.Serialization.Metadata.JsonTypeInfo<List<T>> type) => [];

    public IEnumerable<KeyValuePair<string, DateEstimate>> ReadInferredDates() => [];

    public (int Stories, int Claims, int Quotes) CountStoryFindings() => (0, 0, 0);

    public IEnumerable<Relation> ReadRelations() => [];

    public IEnumerable<Entity> ReadEntities() => [];

    public string? StoryOf(string documentId) => null;

    public IReadOnlyDictionary<string, string> IndependenceGroupsOf(IEnumerable<string> documentIds) => new Dictionary<string, string>();

    public IReadOnlyList<Relation> RelationsOf(IEnumerable<string> documentIds) => [];

    public IReadOnlyList<Entity> FindEntities(IEnumerable<string> ids) => [];

    public IReadOnlyList<StageFailure> LoadFailedStages() => [];

    public CorpusResult LoadCorpus() => CorpusResult.Empty;

    public IEnumerable<Document> ReadDocuments() => [];

    public IReadOnlyList<Document> ReadDocumentsInNoStory() => [];

    public IReadOnlyList<Document> ReadLatestDocuments(int skip, int take) => [];

    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses() => [];

    public Document? FindDocument(string id) => null;

    public DocumentAnalysis? FindAnalysis(string id) => null;

    public IReadOnlyList<Problem> ReadProblems() => [];

    public IReadOnlyList<SearchHit> Search(string query, int limit) => [];

    public byte[]? FindRaw(string documentId) => null;

    public void Dispose()
    {
    }
}
