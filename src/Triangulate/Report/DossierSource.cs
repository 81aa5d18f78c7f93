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
    private readonly IStore _store;
    private readonly StoryFindings? _story;
    private CorpusResult? _corpus;
    private IReadOnlyList<Problem>? _problems;

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

    /// <summary>The corpus-wide results (of the one story, for a story's dossier).</summary>
    public CorpusResult Corpus => _corpus ??= _story is null ? _store.LoadCorpus() : StoryCorpus(_story);

    /// <summary>Every recorded problem (for a story's dossier: those of its documents' inputs and of the stages).</summary>
    public IReadOnlyList<Problem> Problems => _problems ??= _story is null ? _store.ReadProblems() : StoryProblems(_story);

    /// <summary>Every document, in id order.</summary>
    public IEnumerable<Document> Documents()
    {
        var inferred = Corpus.InferredPublished;
        foreach (var document in _story is null ? _store.ReadDocuments() : StoryDocuments(_story))
            yield return document.Published is null && inferred.TryGetValue(document.Id, out var estimate)
                ? document with { Published = estimate }
                : document;
    }

    private IEnumerable<Document> StoryDocuments(StoryFindings story)
    {
        foreach (var id in story.Story.Documents.Order(StringComparer.Ordinal))
            if (_store.FindDocument(id) is { } document) yield return document;
    }

    private CorpusResult StoryCorpus(StoryFindings story)
    {
        var members = new HashSet<string>(story.Story.Documents, StringComparer.Ordinal);
        return new CorpusResult
        {
            Relations = [.. _store.RelationsOf(members).Where(r => members.Contains(r.From))],
            Stories = [story.Story],
            IndependenceGroups = _store.IndependenceGroupsOf(members),
            Entities = story.Entities,
            Claims = story.Claims,
            Quotes = story.Quotes,
            Contradictions = story.Contradictions,
            Timeline = story.Timeline,
            Series = story.Series,
            InferredPublished = story.InferredPublished,
            FailedStages = _store.LoadFailedStages(),
        };
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

    /// <summary>The whole dossier in memory (small corpora, tests, the web app's per-story views).</summary>
    public Dossier Materialize() => new()
    {
        Generated = Generated,
        Documents = [.. Documents()],
        Relations = Corpus.Relations,
        Stories = Corpus.Stories,
        Entities = Corpus.Entities,
        Claims = Corpus.Claims,
        Quotes = Corpus.Quotes,
        Contradictions = Corpus.Contradictions,
        Timeline = Corpus.Timeline,
        Series = Corpus.Series,
        Problems = Problems,
    };
}
