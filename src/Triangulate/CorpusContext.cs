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
    /// <summary>A context over the whole corpus.</summary>
    public CorpusContext(ICorpusReader corpus)
    {
        Corpus = corpus;
        Relations = [];
        IndependenceGroups = new(StringComparer.Ordinal);
        Entities = [];
        EntityIds = new(StringComparer.Ordinal);
    }

    private CorpusContext(CorpusContext parent, ICorpusReader corpus, List<Relation> relations)
    {
        Corpus = corpus;
        Relations = relations;
        // Read-only for story stages: shared, not copied.
        IndependenceGroups = parent.IndependenceGroups;
        Entities = parent.Entities;
        EntityIds = parent.EntityIds;
    }

    /// <summary>The stored documents and analyses (of one story alone in a story context).</summary>
    public ICorpusReader Corpus { get; }

    /// <summary>Derivations and citations (those from the story's documents, in a story context).</summary>
    public List<Relation> Relations { get; }

    /// <summary>Stories.</summary>
    public List<Story> Stories { get; } = [];

    /// <summary>Independence group of each document.</summary>
    public Dictionary<string, string> IndependenceGroups { get; }

    /// <summary>Entities resolved across documents.</summary>
    public List<Entity> Entities { get; }

    /// <summary>Global entity id of each document-local entity, keyed "documentId/localId" (filled by the entity resolution stage).</summary>
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

    /// <summary>The independence group of a document: itself when no stage grouped it.</summary>
    public string GroupOf(string documentId) => IndependenceGroups.GetValueOrDefault(documentId, documentId);

    /// <summary>
    /// A context for the story stages of <paramref name="story"/>: its documents, the relations that start from them
    /// (derivations never cross stories: the story stage places derived families whole), and empty result lists.
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

    /// <summary>Takes the findings of the story context of <c>Stories[story]</c>, each marked with the story it belongs to.</summary>
    public void Absorb(CorpusContext scoped, int story)
    {
        ArgumentNullException.ThrowIfNull(scoped);
        var made = Stories[story];
        var id = made.Id;
        Claims.AddRange(scoped.Claims.Select(c => c with { Story = id }));
        Quotes.AddRange(scoped.Quotes.Select(q => q with { Story = id }));
        Contradictions.AddRange(scoped.Contradictions.Select(c => c with { Story = id }));
        Timeline.AddRange(scoped.Timeline.Select(t => t with { Story = id }));
        Series.AddRange(scoped.Series.Select(s => s with { Story = id }));
        PartialDate? first = made.First, last = made.Last;
        foreach (var (document, estimate) in scoped.InferredPublished)
        {
            InferredPublished[document] = estimate;
            // A story's first and last days count its members' inferred dates too (stories are made before dating).
            if (first is null || estimate.Earliest < first.Value) first = estimate.Earliest;
            if (last is null || estimate.Latest > last.Value) last = estimate.Latest;
        }
        if (first != made.First || last != made.Last) Stories[story] = made with { First = first, Last = last };
    }

    /// <summary>The results, frozen.</summary>
    public CorpusResult ToResult() => new()
    {
        Relations = [.. Relations],
        Stories = [.. Stories],
        IndependenceGroups = new SortedDictionary<string, string>(IndependenceGroups, StringComparer.Ordinal),
        Entities = [.. Entities],
        Claims = [.. Claims],
        Quotes = [.. Quotes],
        Contradictions = [.. Contradictions],
        Timeline = [.. Timeline],
        Series = [.. Series],
        InferredPublished = new SortedDictionary<string, DateEstimate>(InferredPublished, StringComparer.Ordinal),
        FailedStages = [.. FailedStages],
    };
}
