using Triangulate.Model;

namespace Triangulate.Bench.Inputs;

/// <summary>
/// A generated corpus read like the store: documents streamed in id order (which is not generation order, as a
/// store's content-hash ids are not), each regenerated from its story's seed when asked for, so nothing but the
/// id order (8 bytes a document) is held. Analyses are empty: the linking stages must work from text alone.
/// </summary>
internal sealed class GeneratedCorpusReader(CorpusGenerator generator) : ICorpusReader
{
    /// <summary>Stories regenerated recently: verification asks for the same story's documents in bursts.</summary>
    private const int CacheStories = 64;

    private readonly Dictionary<int, List<Document>> _cache = [];

    /// <summary>Stories regenerated so far (generation cost of the run).</summary>
    public long Regenerated { get; private set; }

    /// <inheritdoc/>
    public int DocumentCount => generator.Count;

    /// <inheritdoc/>
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses()
    {
        var keys = new ulong[generator.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = generator.IdKey(i);
        Array.Sort(keys);
        foreach (var key in keys)
        {
            var document = Load((int)(uint)key);
            yield return (document, new DocumentAnalysis { DocumentId = document.Id });
        }
    }

    /// <inheritdoc/>
    public Document? FindDocument(string id)
    {
        var serial = CorpusGenerator.SerialOf(id);
        return serial < 0 || serial >= generator.Count ? null : Load(serial);
    }

    /// <inheritdoc/>
    public DocumentAnalysis? FindAnalysis(string id) => FindDocument(id) is null ? null : new DocumentAnalysis { DocumentId = id };

    private Document Load(int serial)
    {
        var story = generator.StoryOf(serial);
        if (!_cache.TryGetValue(story, out var documents))
        {
            if (_cache.Count >= CacheStories) _cache.Clear();
            _cache[story] = documents = generator.Story(story);
            Regenerated++;
        }
        return documents[serial - generator.StoryStart(story)];
    }
}
