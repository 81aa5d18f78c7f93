using Triangulate.Ingest;
using Triangulate.Model;

namespace Triangulate;

/// <summary>
/// Where the pipeline's parallel work runs when not on this process's threads (a cluster of workers): the per-document
/// analysis of read documents, and the story stages of each story. The pipeline still reads the inputs, runs the
/// corpus-wide stages and commits the results, so a run's outcome does not depend on where its work ran.
/// </summary>
public interface IPipelineExecutor
{
    /// <summary>Batches of documents analysed at once: enough to keep every worker busy.</summary>
    int BatchesInFlight { get; }

    /// <summary>
    /// Analyses <paramref name="batch"/> and saves it to the shared store (<see cref="Pipeline.AnalyzeBatch"/>), or
    /// hands its encoded documents back unsaved (<see cref="DocumentBatchResult.Unsaved"/>) for the caller's writer.
    /// Idempotent: documents are keyed by the hash of their bytes, so a batch done twice is stored once.
    /// </summary>
    Task<DocumentBatchResult> AnalyzeBatchAsync(IReadOnlyList<ArrivedDocument> batch, CancellationToken cancellation);

    /// <summary>Runs the story stages on each story (<see cref="Pipeline.AnalyzeStory"/>); one outcome per story, in the same order.</summary>
    Task<IReadOnlyList<StoryOutcome>> AnalyzeStoriesAsync(IReadOnlyList<StoryWork> stories, CancellationToken cancellation);

    /// <summary>
    /// Opens one link part's session with shards that keep the provenance candidate index (spaces 1–3 of the link
    /// state), starting from the stored postings or, when <paramref name="fresh"/>, from none; null (the default) keeps
    /// the index in the linking process.
    /// </summary>
    Link.Provenance.ICandidateShards? OpenCandidateShards(bool fresh) => null;
}

/// <summary>A read document and its place in the store's arrival order (given by the reading process, in input order).</summary>
public sealed record ArrivedDocument(SourceDocument Source, long Arrival);

/// <summary>What analysing one batch of documents did: how many were stored, and the problems met.</summary>
public sealed record DocumentBatchResult(int Stored, IReadOnlyList<Problem> Problems)
{
    /// <summary>
    /// The batch's documents analysed and encoded but not saved, for the caller's one writer to save (a cluster over a
    /// store whose writers take turns, <see cref="Store.IStore.ConcurrentWriters"/>); null when they were saved. Not
    /// part of this record's JSON: a cluster sends the rows in a message of its own.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Store.EncodedDocument>? Unsaved { get; init; }
}

/// <summary>
/// Everything the story stages read about one story, self-contained so they can run where the corpus context is not:
/// the story, the relations from its members (in the order <see cref="CorpusContext.ForStory"/> gathers them), the
/// independence groups of its grouped members, the fingerprint of these inputs, and the story stages' configuration
/// (a worker configured otherwise refuses the work rather than make other findings).
/// </summary>
public sealed record StoryWork(Story Story, string Fingerprint, IReadOnlyList<Relation> Relations, IReadOnlyDictionary<string, string> IndependenceGroups, string Configuration);

/// <summary>
/// What the story stages made of one story, encoded as a store writes it (the process that saves it neither parses nor
/// encodes it again), and the stages that threw on it.
/// </summary>
public sealed record StoryOutcome(Store.EncodedStory Findings, IReadOnlyList<StoryStageError> Errors);

/// <summary>A story stage's exception, as text: it crosses processes.</summary>
public sealed record StoryStageError(string Stage, string Type, string Message, string Detail);
