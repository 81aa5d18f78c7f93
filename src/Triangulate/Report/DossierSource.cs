using Triangulate.Model;
using Triangulate.Store;

namespace Triangulate.Report;

/// <summary>
/// The dossier as report writers see it: documents streamed from the store (with inferred publication dates filled in
/// where the document states none), the corpus-wide results and the problems. Writers that can stream never hold
/// every document at once.
/// </summary>
public sealed class DossierSource(IStore store, DateTimeOffset generated)
{
    private CorpusResult? _corpus;
    private IReadOnlyList<Problem>? _problems;

    /// <summary>When the dossier is written.</summary>
    public DateTimeOffset Generated { get; } = generated;

    /// <summary>The corpus-wide results.</summary>
    public CorpusResult Corpus => _corpus ??= store.LoadCorpus();

    /// <summary>Every recorded problem.</summary>
    public IReadOnlyList<Problem> Problems => _problems ??= store.ReadProblems();

    /// <summary>Every document, in id order.</summary>
    public IEnumerable<Document> Documents()
    {
        var inferred = Corpus.InferredPublished;
        foreach (var document in store.ReadDocuments())
            yield return document.Published is null && inferred.TryGetValue(document.Id, out var estimate)
                ? document with { Published = estimate }
                : document;
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
