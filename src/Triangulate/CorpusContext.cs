using Triangulate.Model;

namespace Triangulate;

/// <summary>
/// What corpus stages share: read access to the stored corpus and the results built so far. Stages run in the order
/// the pipeline gives (Link before Reconcile) and each reads what earlier ones wrote. Corpus-wide stages (entities,
/// provenance, stories) get the whole store; story stages (dating, claims, contradictions, series, timeline) get a
/// context made by <see cref="ForStory"/>, which sees one story's documents and the relations among them and nothing
/// else, so that nothing said about one story can change because of another.
/// </summary>
public sealed class CorpusContext
{
    /// <summary>A context over the whole corpus, linked from scratch: every document is new, in the reader's order.</summary>
    public CorpusContext(ICorpusReader corpus)
        : this(corpus, corpus?.ReadAnalyses() ?? throw new ArgumentNullException(nameof(corpus)), Link.LinkState.Fresh())
    {
    }

    /// <summary>
    /// A context whose linking stages continue from <paramref name="linkState"/> and read only <paramref name="fresh"/>
    /// (the documents not linked yet, in arrival order).
    /// </summary>
    public CorpusContext(ICorpusReader corpus, IEnumerable<(Document Document, DocumentAnalysis Analysis)> fresh, Link.LinkState linkState)
    {
        Corpus = corpus;
        Fresh = fresh;
        LinkState = linkState;
        Relations = [];
        IndependenceGroups = new(StringComparer.Ordinal);
        Entities = [];
        EntityIds = new(StringComparer.Ordinal);
    }

    private CorpusContext(CorpusContext parent, ICorpusReader corpus, List<Relation> relations)
    {
        Corpus = corpus;
        Fresh = [];
        LinkState = Link.LinkState.Fresh();
        Relations = relations;
        // Read-only for story stages: shared, not copied.
        IndependenceGroups = parent.IndependenceGroups;
        Entities = [];
        EntityIds = new(StringComparer.Ordinal);
    }

    private Dictionary<string, string>? _entityNames;

    /// <summary>The stored documents and analyses (of one story alone in a story context).</summary>
    public ICorpusReader Corpus { get; }

    /// <summary>
    /// The documents the linking stages have not seen yet, in arrival order (every document, in a run from scratch).
    /// Read from a store, their analyses have no claims or quotes (<see cref="Store.IStore.ReadForLinking"/>).
    /// </summary>
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> Fresh { get; }

    /// <summary>What the linking stages remember between runs.</summary>
    public Link.LinkState LinkState { get; }

    /// <summary>
    /// Where the provenance stage's candidate postings are kept when not in <see cref="LinkState"/>: the shards of a
    /// cluster (null: here).
    /// </summary>
    public Link.Provenance.ICandidateShards? CandidateShards { get; init; }

    /// <summary>Stories made before that the stories stage no longer makes (replaced by those in <see cref="Stories"/>).</summary>
    public List<string> RemovedStories { get; } = [];

    /// <summary>Derivations and citations (those from the story's documents, in a story context).</summary>
    public List<Relation> Relations { get; }

    /// <summary>Stories: every story in a run from scratch, those that changed in a run that continues an earlier one.</summary>
    public List<Story> Stories { get; } = [];

    /// <summary>Independence group of each document.</summary>
    public Dictionary<string, string> IndependenceGroups { get; }

    /// <summary>Entities resolved across the documents (of the story, in a story context).</summary>
    public List<Entity> Entities { get; }

    /// <summary>Resolved entity id of each document-local entity, keyed "documentId/localId" (filled by the entity resolution stage).</summary>
    public Dictionary<string, string> EntityIds { get; }

    /// <summary>Claims matched across documents.</summary>
    public List<Claim> Claims { get; } = [];

    /// <summary>Quotes matched across documents.</summary>
    public List<Quote> Quotes { get; } = [];

    /// <summary>Contradictions.</summary>
    public List<Contradiction> Contradictions { get; } = [];

    /// <summary>Timeline.</summary>
    public List<TimelineEntry> Timeline { get; } = [];

    /// <summary>Figures over time.</summary>
    public List<FigureSeries> Series { get; } = [];

    /// <summary>Inferred publication dates.</summary>
    public Dictionary<string, DateEstimate> InferredPublished { get; } = new(StringComparer.Ordinal);

    /// <summary>Stages that threw in this run, in order.</summary>
    public List<StageFailure> FailedStages { get; } = [];

    /// <summary>The name of a resolved entity, or null (indexed on first use, again when entities were added since).</summary>
    public string? EntityName(string id)
    {
        if (_entityNames is null || _entityNames.Count != Entities.Count)
        {
            _entityNames = new(StringComparer.Ordinal);
            foreach (var entity in Entities) _entityNames.TryAdd(entity.Id, entity.Name);
        }
        return _entityNames.GetValueOrDefault(id);
    }

    /// <summary>The independence group of a document: itself when no stage grouped it.</summary>
    public string GroupOf(string documentId) => IndependenceGroups.GetValueOrDefault(documentId, documentId);

    /// <summary>
    /// A context for the story stages of <paramref name="story"/>: its documents, the relations that start from them
    /// (derivations never cross stories: the stories stage makes them per story), and empty result lists
    /// (entities included: they are resolved within the story).
    /// </summary>
    public CorpusContext ForStory(Story story, IReadOnlyDictionary<string, List<Relation>> relationsFrom)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(relationsFrom);
        var relations = new List<Relation>();
        foreach (var id in story.Documents)
            if (relationsFrom.TryGetValue(id, out var from)) relations.AddRange(from);
        return new CorpusContext(this, new StoryCorpusReader(Corpus, story.Documents), relations);
    }

    /// <summary>The relations of <see cref="Relations"/> keyed by their <c>From</c> document, for <see cref="ForStory"/>.</summary>
    public Dictionary<string, List<Relation>> RelationsByDocument()
    {
        var map = new Dictionary<string, List<Relation>>(StringComparer.Ordinal);
        foreach (var relation in Relations)
        {
            if (!map.TryGetValue(relation.From, out var list)) map[relation.From] = list = [];
            list.Add(relation);
        }
        return map;
    }

    /// <summary>
    /// The findings of this story context about <paramref name="story"/>, each marked with the story it belongs to; the
    /// story's first and last days count its members' inferred dates too (stories are made before dating).
    /// </summary>
    public StoryFindings ToFindings(Story story, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(story);
        var id = story.Id;
        PartialDate? first = story.First, last = story.Last;
        foreach (var estimate in InferredPublished.Values)
        {
            if (first is null || estimate.Earliest < first.Value) first = estimate.Earliest;
            if (last is null || estimate.Latest > last.Value) last = estimate.Latest;
        }
        return new StoryFindings
        {
            Story = story with { First = first, Last = last },
            Fingerprint = fingerprint,
            Entities = [.. Entities],
            Claims = [.. Claims.Select(c => c with { Story = id })],
            Quotes = [.. Quotes.Select(q => q with { Story = id })],
            Contradictions = [.. Contradictions.Select(c => c with { Story = id })],
            Timeline = [.. Timeline.Select(t => t with { Story = id })],
            Series = [.. Series.Select(s => s with { Story = id })],
            InferredPublished = new SortedDictionary<string, DateEstimate>(InferredPublished, StringComparer.Ordinal),
        };
    }
}
