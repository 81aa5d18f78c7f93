using System.Text.Json;
using Triangulate.Model;
using Triangulate.Store;

namespace Triangulate.Report;

/// <summary>
/// The dossier as report writers see it: documents streamed from the store (with inferred publication dates filled in
/// where the document states none), the corpus-wide results and the problems; of the whole store, or of one story
/// (<see cref="ForStory"/>: read from that story's rows alone, whatever the store holds). Writers that can stream never
/// hold every document at once.
/// </summary>
public sealed class DossierSource
{
    /// <summary>Stories rendered at once by <see cref="RenderStories"/>: enough to keep the cores busy.</summary>
    private const int StoryChunk = 32;

    private readonly IStore _store;
    private readonly StoryFindings? _story;
    private IReadOnlyList<Problem>? _problems;
    private IReadOnlyList<Story>? _stories;
    private IReadOnlyList<StageFailure>? _failed;
    private string? _totals;
    private object? _once;

    /// <summary>The dossier of everything in <paramref name="store"/>.</summary>
    public DossierSource(IStore store, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        Generated = generated;
    }

    private DossierSource(IStore store, DateTimeOffset generated, StoryFindings story) : this(store, generated) => _story = story;

    /// <summary>The dossier of one story (its documents, the relations from them, its findings), or null when the store has no such story.</summary>
    public static DossierSource? ForStory(IStore store, string storyId, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.LoadStory(storyId) is { } findings ? new DossierSource(store, generated, findings) : null;
    }

    /// <summary>When the dossier is written.</summary>
    public DateTimeOffset Generated { get; }

    /// <summary>Every recorded problem (for a story's dossier: those of its documents' inputs and of the stages).</summary>
    /// <remarks>
    /// This and the other parts every writer asks for are read once, by whichever asks first: the formats of one run
    /// are written at once, on several threads.
    /// </remarks>
    public IReadOnlyList<Problem> Problems => LazyInitializer.EnsureInitialized(ref _problems, ref _once, () => _story is null ? _store.ReadProblems() : StoryProblems(_story));

    /// <summary>Every document, in id order.</summary>
    public IEnumerable<Document> Documents()
    {
        // Inferred dates are kept with each story's findings: read story by story, not from the whole result.
        var inferred = _story is not null ? _story.InferredPublished : InferredDates();
        foreach (var document in _story is null ? _store.ReadDocuments() : StoryDocuments(_story))
            yield return WithInferred(document, inferred.GetValueOrDefault(document.Id));
    }

    /// <summary>
    /// The document with the date inferred for it (<paramref name="estimate"/>, null when none) as its publication date
    /// where it states none: every report shows a document so.
    /// </summary>
    internal static Document WithInferred(Document document, DateEstimate? estimate) =>
        document.Published is null && estimate is not null ? document with { Published = estimate } : document;

    /// <summary>
    /// Every document as <see cref="Documents"/> gives it, for a writer that copies JSON: each as the store keeps it
    /// (compact JSON), with the date inferred for it where it has one (<see cref="Document.Published"/> of the parsed
    /// document is to be filled with it when the document states none). Read and passed on without parsing a document:
    /// only the writer's threads parse what they must.
    /// </summary>
    internal IEnumerable<(byte[] Json, DateEstimate? Inferred)> DocumentsJson()
    {
        if (_story is not null)
        {
            foreach (var document in Documents()) yield return (JsonSerializer.SerializeToUtf8Bytes(document, ModelJson.Compact.Document), null);
            yield break;
        }
        var inferred = InferredDates();
        foreach (var (id, json) in _store.ReadDocumentsJson())
            yield return (json, inferred.TryGetValue(id, out var estimate) ? estimate : null);
    }

    /// <summary>Every inferred publication date (one per undated document: small beside the documents themselves).</summary>
    private Dictionary<string, DateEstimate> InferredDates()
    {
        var dates = new Dictionary<string, DateEstimate>(StringComparer.Ordinal);
        foreach (var (document, estimate) in _store.ReadInferredDates()) dates[document] = estimate;
        return dates;
    }

    /// <summary>
    /// Each story's own dossier in story order (its documents, the relations from them, its findings; no problems), one at
    /// a time: a writer that renders story by story holds one story, never the store.
    /// </summary>
    public IEnumerable<Dossier> StoryDossiers()
    {
        foreach (var findings in _story is null ? _store.ReadStoryFindings() : [_story])
            yield return OneStory(findings);
    }

    /// <summary>
    /// <paramref name="render"/> of each story's own dossier (as <see cref="StoryDossiers"/> gives it), in story order:
    /// the dossiers are gathered from the store and rendered on every core a chunk of stories at a time, so a writer
    /// holds a chunk's rendered text, never the store. <paramref name="render"/> runs on several threads at once.
    /// </summary>
    internal IEnumerable<T> RenderStories<T>(Func<Dossier, T> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        // A chunk of stories, not of documents: a story's documents and rendered text are what a chunk holds.
        return OrderedParallel.Map(_story is null ? _store.ReadStoryFindings() : [_story], findings => render(OneStory(findings)), StoryChunk);
    }

    /// <summary>The independence group of each document of a story's dossier.</summary>
    public IReadOnlyDictionary<string, string> GroupsOf(Dossier story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return _store.IndependenceGroupsOf(story.Documents.Select(d => d.Id));
    }

    /// <summary>Every relation (from the story's documents, for a story's dossier), streamed.</summary>
    public IEnumerable<Relation> Relations() => _story is null ? _store.ReadRelations() : RelationsFrom(_story);

    /// <summary>Every entity, streamed.</summary>
    public IEnumerable<Entity> Entities() => _story is null ? _store.ReadEntities() : _story.Entities;

    /// <summary>Every claim, story by story, streamed.</summary>
    public IEnumerable<Claim> Claims() => _story is null ? _store.ReadStoryPart("claims", ModelJson.Compact.ListClaim) : _story.Claims;

    /// <summary>Every quote, story by story, streamed.</summary>
    public IEnumerable<Quote> Quotes() => _story is null ? _store.ReadStoryPart("quotes", ModelJson.Compact.ListQuote) : _story.Quotes;

    /// <summary>Every contradiction, story by story, streamed.</summary>
    public IEnumerable<Contradiction> Contradictions() => _story is null ? _store.ReadStoryPart("contradictions", ModelJson.Compact.ListContradiction) : _story.Contradictions;

    /// <summary>Every timeline entry, story by story, streamed.</summary>
    public IEnumerable<TimelineEntry> Timeline() => _story is null ? _store.ReadStoryPart("timeline", ModelJson.Compact.ListTimelineEntry) : _story.Timeline;

    /// <summary>Every figure series, story by story, streamed.</summary>
    public IEnumerable<FigureSeries> Series() => _story is null ? _store.ReadStoryPart("series", ModelJson.Compact.ListFigureSeries) : _story.Series;

    /// <summary>The stages that failed in the last relink.</summary>
    public IReadOnlyList<StageFailure> FailedStages => LazyInitializer.EnsureInitialized(ref _failed, ref _once, _store.LoadFailedStages);

    /// <summary>The stories in order, without their findings.</summary>
    public IReadOnlyList<Story> Stories => LazyInitializer.EnsureInitialized(ref _stories, ref _once, () => _story is null ? _store.ReadStories() : [_story.Story]);

    /// <summary>Documents that belong to no story, in id order.</summary>
    public IEnumerable<Document> Unstoried() => _story is null ? _store.ReadDocumentsInNoStory() : [];

    /// <summary>The dossier's totals in words ("5 documents, 1 story, 12 claims, 3 quotes, 0 problems"), counted story by story.</summary>
    /// <remarks>Counted once for every writer of the run that asks: a count is a pass over every story in the store.</remarks>
    public string Totals() => LazyInitializer.EnsureInitialized(ref _totals, ref _once, CountTotals);

    private string CountTotals()
    {
        var (stories, claims, quotes) = _story is null ? _store.CountStoryFindings() : (1, _story.Claims.Count, _story.Quotes.Count);
        var documents = _story is null ? _store.DocumentCount : StoryDocuments(_story).Count();
        return string.Join(", ", Evidence.Count(documents, "document", "documents"), Evidence.Count(stories, "story", "stories"),
            Evidence.Count(claims, "claim", "claims"), Evidence.Count(quotes, "quote", "quotes"), Evidence.Count(Problems.Count, "problem", "problems"));
    }

    private Dossier OneStory(StoryFindings findings)
    {
        return new()
        {
            Generated = Generated,
            Documents = [.. StoryDocuments(findings).Select(d => WithInferred(d, findings.InferredPublished.GetValueOrDefault(d.Id)))],
            Relations = RelationsFrom(findings),
            Stories = [findings.Story],
            Entities = findings.Entities,
            Claims = findings.Claims,
            Quotes = findings.Quotes,
            Contradictions = findings.Contradictions,
            Timeline = findings.Timeline,
            Series = findings.Series,
            Problems = [],
        };
    }

    private IEnumerable<Document> StoryDocuments(StoryFindings story)
    {
        foreach (var id in story.Story.Documents.Order(StringComparer.Ordinal))
            if (_store.FindDocument(id) is { } document) yield return document;
    }

    /// <summary>The relations from a story's documents (derivations never leave a story; citations may point outside it).</summary>
    private List<Relation> RelationsFrom(StoryFindings story)
    {
        var members = new HashSet<string>(story.Story.Documents, StringComparer.Ordinal);
        return [.. _store.RelationsOf(members).Where(r => members.Contains(r.From))];
    }

    private List<Problem> StoryProblems(StoryFindings story)
    {
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in StoryDocuments(story)) sources.Add(document.Source);
        // A record inside an input is named "input#record": a problem of the input concerns its records too.
        foreach (var source in sources.ToList())
            if (source.IndexOf('#', StringComparison.Ordinal) is var hash and > 0) sources.Add(source[..hash]);
        return [.. _store.ReadProblems().Where(p => p.Source.StartsWith("stage ", StringComparison.Ordinal) || sources.Contains(p.Source))];
    }
}
