using System.Collections.Concurrent;
using System.Threading.Channels;
using Triangulate.Extract;
using Triangulate.Ingest;
using Triangulate.Model;
using Triangulate.Report;
using Triangulate.Store;

namespace Triangulate;

/// <summary>
/// The stages in order, frozen: read → assemble (blocks, metadata, language) → extract → store, then the corpus-wide
/// stages (link, reconcile) over the whole store, then reports. Built by <see cref="PipelineBuilder"/>; immutable and
/// reusable. Documents stream through bounded channels: a few readers (<see cref="IngestLimits.Readers"/>), <see cref="Workers"/> analysers, one
/// store writer, so memory stays bounded whatever the corpus size.
/// </summary>
public sealed class Pipeline
{
    /// <summary>
    /// Changes whenever what the per-document stages, the linking or the story stages produce changes: stored documents
    /// made by another version are analysed again when read, and the link and story configurations, which include it,
    /// make the next run rebuild the store's links and redo every story.
    /// </summary>
    public const string Version = "36";

    /// <summary>Documents saved per store transaction: large enough to amortise the commit, small enough to lose little on a crash.</summary>
    private const int BatchSize = 64;

    /// <summary>
    /// Documents a transaction of <c>analyze</c>'s writer (<see cref="Run"/>), four batches: its commit, and the index
    /// pages every insert dirties written to the WAL again at each commit, are paid once for that many documents.
    /// </summary>
    private const int SaveBatchSize = BatchSize * 4;

    private readonly IReadOnlyList<IDocumentReader> _readers;
    private readonly DocumentAssembler _assembler;
    private readonly DocumentExtractor _extractor;

    /// <summary>What the story stages' results depend on besides a story's inputs: a change redoes every story.</summary>
    private readonly string _storyConfiguration;

    /// <summary>
    /// What the linking stages' stored state depends on: the versions and every stage (a change in the story stages
    /// too, so that every story is made and analysed again).
    /// </summary>
    private readonly string _linkConfiguration;

    internal Pipeline(PipelineBuilder builder)
    {
        _readers = [.. builder.Readers];
        _assembler = new DocumentAssembler(builder.Classifier, builder.Metadata, builder.Language ?? new Text.LinguaLanguageIdentifier(builder.Languages));
        _extractor = new DocumentExtractor(builder.SentenceSplitter, [.. builder.Extractors]);
        CorpusStages = [.. builder.CorpusStages];
        StoryStages = [.. builder.StoryStages];
        ReportWriters = [.. builder.ReportWriters];
        Limits = builder.Limits;
        Workers = Math.Max(1, builder.Workers);
        LinkPart = Math.Max(1, builder.LinkPart);
        _storyConfiguration = StoryFingerprints.Configuration(Version, StoryStages, builder.CalendarFiles);
        _linkConfiguration = StoryFingerprints.Configuration(_storyConfiguration, CorpusStages, []);
    }

    /// <summary>Caps on input sizes.</summary>
    public IngestLimits Limits { get; }

    /// <summary>Analyser threads.</summary>
    public int Workers { get; }

    /// <summary>
    /// Most documents one part of <see cref="Relink"/> links before its stories are analysed and saved: a million new
    /// documents are linked as twenty parts of fifty thousand, each continuing from the state the one before saved, so
    /// memory holds one part's work, never the corpus's.
    /// </summary>
    public int LinkPart { get; }

    /// <summary>The corpus-wide stages, in order.</summary>
    public IReadOnlyList<ICorpusStage> CorpusStages { get; }

    /// <summary>The stages run on each story alone, in order.</summary>
    public IReadOnlyList<ICorpusStage> StoryStages { get; }

    /// <summary>The report writers, by format.</summary>
    public IReadOnlyList<IReportWriter> ReportWriters { get; }

    /// <summary>Reads, analyses and stores every document under <paramref name="paths"/>, then relinks the whole store.</summary>
    public AnalysisSummary Analyze(IEnumerable<string> paths, IStore store, IPipelineObserver? observer = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Analyze(problems => InputDiscovery.Enumerate(paths, problems), store, observer, null, cancellation);
    }

    /// <summary>
    /// As <see cref="Analyze(IEnumerable{string}, IStore, IPipelineObserver?, CancellationToken)"/>, with the per-document
    /// analysis and the story stages run by <paramref name="executor"/> (a cluster) instead of this process's threads.
    /// </summary>
    public AnalysisSummary Analyze(IEnumerable<string> paths, IStore store, IPipelineExecutor executor, IPipelineObserver? observer = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(executor);
        return Analyze(problems => InputDiscovery.Enumerate(paths, problems), store, observer, executor, cancellation);
    }

    /// <summary>
    /// Like <see cref="Analyze(IEnumerable{string}, IStore, IPipelineObserver?, CancellationToken)"/> over files already found,
    /// each with the source name its documents carry: the web app names an upload by the file name its user chose, not the
    /// server's temporary path.
    /// </summary>
    public AnalysisSummary Analyze(IReadOnlyList<InputFile> files, IStore store, IPipelineObserver? observer = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Analyze(_ => files, store, observer, null, cancellation);
    }

    /// <summary>
    /// As <see cref="Analyze(IReadOnlyList{InputFile}, IStore, IPipelineObserver?, CancellationToken)"/>, with the
    /// per-document analysis and the story stages run by <paramref name="executor"/> (a cluster): uploads to a server
    /// that submits to the cluster.
    /// </summary>
    public AnalysisSummary Analyze(IReadOnlyList<InputFile> files, IStore store, IPipelineExecutor executor, IPipelineObserver? observer = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(executor);
        return Analyze(_ => files, store, observer, executor, cancellation);
    }

    private AnalysisSummary Analyze(Func<Action<Problem>, IEnumerable<InputFile>> discover, IStore store, IPipelineObserver? observer, IPipelineExecutor? executor, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        observer ??= IPipelineObserver.None;
        // The run holds the store's writer lease from its first save to its last: a run beside it (another process, a
        // web upload) waits, so it never links documents this one stored and has not linked yet, nor relinks beside it.
        using var lease = store.AcquireWriterLease(observer.OnWaitingForStore);
        var run = new Run(this, store, observer, executor);
        run.Execute(discover, cancellation);
        var relinked = RelinkLeased(store, observer, run.Add, executor);
        return run.Summary(relinked);
    }

    /// <summary>Assembles and extracts one source document (no store): for tests, benchmarks and tools.</summary>
    public (Document Document, DocumentAnalysis Analysis) AnalyzeOne(SourceDocument source) => AnalyzeOne(source, []);

    /// <summary>As <see cref="AnalyzeOne(SourceDocument)"/>; adds a one-line note of each cap of <see cref="Limits"/> the document hit to <paramref name="limitsHit"/>.</summary>
    internal (Document Document, DocumentAnalysis Analysis) AnalyzeOne(SourceDocument source, List<string> limitsHit)
    {
        var document = _assembler.Assemble(source);
        return (document, _extractor.Extract(document, Limits, limitsHit));
    }

    /// <summary>
    /// Assembles, extracts and saves <paramref name="batch"/> in one store transaction: the per-document work of
    /// <see cref="Analyze(IEnumerable{string}, IStore, IPipelineObserver?, CancellationToken)"/> for a worker that was
    /// handed read documents. A document that breaks an analyser is a problem, not an exception.
    /// </summary>
    public DocumentBatchResult AnalyzeBatch(IReadOnlyList<ArrivedDocument> batch, IStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var encoded = EncodeBatchTimed(batch);
        if (encoded.Encoded.Length > 0) store.Save(encoded.Encoded);
        return new DocumentBatchResult(encoded.Encoded.Length, encoded.Problems);
    }

    /// <summary>
    /// Assembles, extracts and encodes <paramref name="batch"/> for a store (JSON, gzip, full-text rows, on every core),
    /// without saving it, with the time the analysis and the encoding took: a cluster worker saves the rows itself or
    /// hands them to the client's one writer (<see cref="Store.IStore.ConcurrentWriters"/>). A document that breaks an
    /// analyser is a problem, not an exception.
    /// </summary>
    public (EncodedDocument[] Encoded, IReadOnlyList<Problem> Problems, TimeSpan Analysis, TimeSpan Encode) EncodeBatchTimed(IReadOnlyList<ArrivedDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var problems = new List<Problem>();
        var stored = new List<StoredDocument>(batch.Count);
        foreach (var (source, arrival) in batch)
            if (Prepare(source, arrival, problems.Add) is { } document) stored.Add(document);
        var analysed = System.Diagnostics.Stopwatch.GetTimestamp();
        var encoded = EncodedDocument.All(stored);
        return (encoded, problems, System.Diagnostics.Stopwatch.GetElapsedTime(started, analysed), System.Diagnostics.Stopwatch.GetElapsedTime(analysed));
    }

    /// <summary>What the story stages' results depend on besides a story's inputs (<see cref="StoryWork.Configuration"/>).</summary>
    public string StoryConfiguration => _storyConfiguration;

    /// <summary>
    /// Runs the story stages on one story given its inputs, reading its documents from <paramref name="corpus"/>: what
    /// <see cref="Relink"/> does for each changed story, for a worker that holds no corpus context. A stage that throws
    /// is reported in the outcome; the others still run, and the findings then carry no fingerprint (redone next run).
    /// </summary>
    public StoryOutcome AnalyzeStory(StoryWork work, ICorpusReader corpus)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(corpus);
        if (work.Configuration != _storyConfiguration)
            throw new InvalidOperationException("story stages configured otherwise here than where the work was made (pipeline version, stages or calendar files differ)");
        var parent = new CorpusContext(corpus);
        foreach (var (document, group) in work.IndependenceGroups) parent.IndependenceGroups[document] = group;
        parent.Relations.AddRange(work.Relations);
        var scoped = parent.ForStory(work.Story, parent.RelationsByDocument());
        var errors = new List<StoryStageError>();
        var findings = RunStory(work.Story, work.Fingerprint, scoped, stage =>
        {
            try
            {
                stage.Run(scoped);
                return true;
            }
#pragma warning disable CA1031 // As in StageFailures: one failing stage must not lose the work of the others; the caller records it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                errors.Add(new StoryStageError(stage.Name, e.GetType().Name, e.Message, e.ToString()));
                return false;
            }
        }, spent: null);
        // Encoded here, on the thread that made them: the process that saves them writes the bytes as they are.
        return new StoryOutcome(new EncodedStory(findings), errors);
    }

    /// <summary>Runs the story stages in order on <paramref name="scoped"/> (each through <paramref name="run"/>, false when it threw) and returns the findings.</summary>
    /// <remarks>With <paramref name="spent"/>, adds each stage's thread time at [s] and its thread's allocated bytes at [count + s].</remarks>
    private StoryFindings RunStory(Story story, string fingerprint, CorpusContext scoped, Func<ICorpusStage, bool> run, long[]? spent)
    {
        var failed = false;
        for (var s = 0; s < StoryStages.Count; s++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            failed |= !run(StoryStages[s]);
            if (spent is null) continue;
            Interlocked.Add(ref spent[s], System.Diagnostics.Stopwatch.GetTimestamp() - started);
            Interlocked.Add(ref spent[StoryStages.Count + s], GC.GetAllocatedBytesForCurrentThread() - allocated);
        }
        // A story a stage failed on keeps no fingerprint: it is analysed again on the next run.
        return scoped.ToFindings(story, failed ? "" : fingerprint);
    }

    /// <summary>Assembles and extracts one read document for the store; null (and a problem) when an analyser throws.</summary>
    private StoredDocument? Prepare(SourceDocument source, long arrival, Action<Problem> report)
    {
        try
        {
            var limitsHit = new List<string>();
            var (document, analysis) = AnalyzeOne(source, limitsHit);
            foreach (var note in limitsHit) report(new Problem(source.Source, note));
            return new StoredDocument(document, analysis, source.Raw, source.Format, Version, arrival);
        }
#pragma warning disable CA1031 // One document that breaks an analyser is reported and skipped; the batch goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            report(new Problem(source.Source, $"analysis failed: {e.GetType().Name}: {e.Message}"));
            return null;
        }
    }

    /// <summary>Reads one file with the reader that takes it.</summary>
    public IEnumerable<ReadResult> Read(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        byte[] head;
        try
        {
            head = ReadHead(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadResult.Failed(file.Source, $"cannot read: {e.Message}")];
        }
        foreach (var reader in _readers)
            if (reader.CanRead(file, head)) return reader.Read(file, Limits);
        return [ReadResult.Failed(file.Source, "no reader takes this file")];
    }

    /// <summary>
    /// Links what arrived since the last run, then runs the story stages on each story that changed, alone (stories in
    /// parallel), and saves the results. The linking stages (provenance, stories) continue from the state the last run
    /// left and read only the documents not linked yet, in arrival order, so the result equals one run over every
    /// document; they start from scratch when that state was made by another version or configuration, or when a
    /// linking stage failed last time. A story whose inputs (members, their relations, independence groups, the story
    /// stages' configuration) are those its stored findings were made from keeps them and is not analysed again. A
    /// failing stage becomes a problem and a <see cref="StageFailure"/>; the others still run, and a story stage that
    /// fails on one story still runs on the rest. With an <paramref name="executor"/>, the story stages run there (one
    /// story a unit of work); the linking stages and the save stay here.
    /// More documents than <see cref="LinkPart"/> are linked in parts, each saved before the next begins: each part is
    /// the incremental run that adding its documents to the store would be, so the result is that of one run (the
    /// batch-by-batch property), a crash loses at most the part in progress, and memory holds one part's link state,
    /// relations and link state. The parts' stories are then analysed once each, from the store, in batches: until
    /// then each is saved without findings or fingerprint, so a crash between leaves them to the next run's retry.
    /// The store's writer lease is held throughout (<see cref="IStore.AcquireWriterLease"/>): a run writing the store
    /// meanwhile is waited for.
    /// </summary>
    public RelinkSummary Relink(IStore store, IPipelineObserver? observer = null, Action<Problem>? problems = null, IPipelineExecutor? executor = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        observer ??= IPipelineObserver.None;
        using var lease = store.AcquireWriterLease(observer.OnWaitingForStore);
        return RelinkLeased(store, observer, problems, executor);
    }

    /// <summary><see cref="Relink"/> by a run that holds the store's writer lease.</summary>
    private RelinkSummary RelinkLeased(IStore store, IPipelineObserver observer, Action<Problem>? problems, IPipelineExecutor? executor)
    {
        // A stage's problems are of its last run: cleared now, made again below if it fails again (a stage fixed since,
        // or an input removed since, must not haunt every later dossier).
        foreach (var stage in CorpusStages.Concat(StoryStages)) store.ClearProblems($"stage {stage.Name}");
        var failures = new StageFailures(store, observer, problems);
        var timings = new List<StageTiming>();
        var analysed = 0;
        // Stories the parts remade, their latest version: analysed once, after the last part, not once per part.
        var deferred = new Dictionary<string, Story>(StringComparer.Ordinal);
        // The next part's link state: the store's, with what the part before's stages keep in memory (and not the part
        // before's state itself, every value it read, which a reference here would keep alive through the next part and
        // the deferred analysis).
        Link.LinkState? next = null;
        for (var first = true; ; first = false)
        {
            var part = RelinkPart(store, observer, failures, executor, timings, retryFailed: first, deferred, deferAll: !first, next);
            next = part.State?.Next(store);
            analysed += part.StoriesAnalysed;
            // A part that filled up may have left documents for the next; one that failed to link leaves its state
            // unsaved, and the next run starts again from scratch.
            if (part.Linked < LinkPart || part.LinkingFailed || !store.ReadForLinking(all: false).Any()) break;
        }
        next = null;
        if (deferred.Count > 0) analysed += AnalyzeDeferred(store, [.. deferred.Values], observer, failures, executor, timings);
        return new RelinkSummary
        {
            Stories = store.ReadStoryFingerprints().Count,
            StoriesAnalysed = analysed,
            FailedStages = failures.Summarise(),
            Timings = StageTiming.Summed(timings),
        };
    }

    /// <summary>
    /// What one part of <see cref="Relink"/> did: documents linked, stories analysed, whether a linking stage failed, and
    /// its link state, saved (null when a linking stage failed: none of it was).
    /// </summary>
    private readonly record struct RelinkPartResult(int Linked, int StoriesAnalysed, bool LinkingFailed, Link.LinkState? State);

    /// <summary>
    /// One part of <see cref="Relink"/>: links up to <see cref="LinkPart"/> documents not linked yet (from scratch when the
    /// stored state is stale), analyses the stories that changed, and saves it all in one transaction. The failures
    /// saved are the run's so far, not the part's: a stage that failed in an earlier part stays listed. Stories a story
    /// stage failed on last run are tried again in the first part only (<paramref name="retryFailed"/>). When the part is
    /// full or <paramref name="deferAll"/> (a relink in parts), the stories whose inputs changed are not analysed here
    /// but put in <paramref name="deferred"/> and saved without findings (see <see cref="AnalyzeDeferred"/>). The state
    /// is <paramref name="next"/> when the part before made one (the store's, with what the part before's stages keep in
    /// memory: <see cref="Link.LinkState.Next"/>).
    /// </summary>
    private RelinkPartResult RelinkPart(IStore store, IPipelineObserver observer, StageFailures failures, IPipelineExecutor? executor, List<StageTiming> timings, bool retryFailed, Dictionary<string, Story> deferred, bool deferAll, Link.LinkState? next)
    {
        var rebuild = store.ReadLinkVersion() != _linkConfiguration;
        // The documents linked in this part, read again by each stage: the same first ones each time, since none is marked
        // linked before the save.
        var linked = new HashSet<string>(StringComparer.Ordinal);
        var state = rebuild ? Link.LinkState.Fresh() : next ?? Link.LinkState.Stored(store);
        var fresh = Remember(store.ReadForLinking(all: rebuild).Take(LinkPart), linked);
        // A cluster keeps the candidate postings in shards (this part's session with them); their changes are saved
        // with the part's.
        var shards = executor?.OpenCandidateShards(fresh: rebuild);
        var context = new CorpusContext(store, fresh, state) { CandidateShards = shards };
        var count = store.DocumentCount;
        var linkingFailed = false;
        foreach (var stage in CorpusStages)
        {
            observer.OnProgress(new PipelineProgress(stage.Name, count, 0, 0, 0));
            var started = StageTiming.Start();
            linkingFailed |= !failures.Run(stage, context, story: null);
            timings.Add(started.Stop(stage.Name));
        }
        var changed = new List<StoryFindings>();
        IReadOnlyList<EncodedStory> encoded = [];
        var analysed = 0;
        foreach (var id in context.RemovedStories) deferred.Remove(id);
        if (StoryStages.Count > 0)
        {
            observer.OnProgress(new PipelineProgress(string.Join('/', StoryStages.Select(s => s.Name)), count, 0, 0, 0));
            var stored = store.ReadStoryFingerprints();
            if (!rebuild && retryFailed) AddFailedStories(store, context, stored);
            if (deferAll || linked.Count >= LinkPart)
            {
                var fingerprints = new StoryFingerprints(context, _storyConfiguration);
                foreach (var story in context.Stories)
                {
                    if (stored.TryGetValue(story.Id, out var known) && known.Length > 0 && known == fingerprints.Of(story)) continue;
                    deferred[story.Id] = story;
                    changed.Add(new StoryFindings { Story = story });
                }
            }
            else
            {
                var made = AnalyzeStories(context, stored, failures, executor, timings);
                (changed, encoded) = (made.Findings, made.Encoded);
                analysed = made.Count;
            }
        }
        var saveStarted = StageTiming.Start();
        store.SaveCorpus(new CorpusUpdate
        {
            Rebuild = rebuild,
            Stories = context.Stories,
            Relations = context.Relations,
            IndependenceGroups = context.IndependenceGroups,
            RemovedStories = context.RemovedStories,
            Findings = changed,
            EncodedFindings = encoded,
            // A linking stage that failed leaves its state half made: none of it is kept, and the next run starts again.
            LinkState = linkingFailed ? [] : state.Changes().Concat(shards?.Changes() ?? []),
            LinkVersion = linkingFailed ? "" : _linkConfiguration,
            Linked = [.. linked],
            FailedStages = failures.Summarise(),
        });
        timings.Add(saveStarted.Stop("save"));
        return new RelinkPartResult(linked.Count, analysed, linkingFailed, linkingFailed ? null : state);
    }

    /// <summary>Passes documents on, noting each one's id (each stage reads them again): the documents this run linked.</summary>
    private static IEnumerable<(Document Document, DocumentAnalysis Analysis)> Remember(IEnumerable<(Document Document, DocumentAnalysis Analysis)> documents, HashSet<string> ids)
    {
        foreach (var item in documents)
        {
            ids.Add(item.Document.Id);
            yield return item;
        }
    }

    /// <summary>
    /// Runs the story stages on each story of <paramref name="context"/> whose inputs differ from those its
    /// <paramref name="stored"/> findings were made from (or that has none): each alone, stories in parallel (or on the
    /// executor). Returns the findings made: here as objects, on an executor encoded where they were made.
    /// </summary>
    private AnalysedStories AnalyzeStories(CorpusContext context, IReadOnlyDictionary<string, string> stored, StageFailures failures, IPipelineExecutor? executor, List<StageTiming> timings)
    {
        var started = StageTiming.Start();
        var fingerprints = new StoryFingerprints(context, _storyConfiguration);
        var redo = new List<(Story Story, string Fingerprint)>();
        foreach (var story in context.Stories)
        {
            var fingerprint = fingerprints.Of(story);
            if (!stored.TryGetValue(story.Id, out var known) || known.Length == 0 || known != fingerprint) redo.Add((story, fingerprint));
        }
        var made = new StoryFindings[executor is null ? redo.Count : 0];
        var encoded = new EncodedStory[executor is null ? 0 : redo.Count];
        // Thread time, then thread-allocated bytes, of each story stage summed over the stories: which stage the story
        // phase spends its time and its garbage on.
        var spent = new long[StoryStages.Count * 2];
        if (executor is null)
        {
            // Stories are independent by construction: each runs on its own context, in parallel, the largest
            // first (handed out one at a time): a large story started last would run alone at the end.
            var largestFirst = Enumerable.Range(0, redo.Count).OrderByDescending(i => redo[i].Story.Documents.Count).ThenBy(i => i).ToArray();
            var queue = System.Collections.Concurrent.Partitioner.Create(largestFirst, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(queue, new ParallelOptions { MaxDegreeOfParallelism = Workers }, i =>
            {
                var (story, fingerprint) = redo[i];
                var scoped = fingerprints.ContextFor(story);
                made[i] = RunStory(story, fingerprint, scoped, stage => failures.Run(stage, scoped, story.Id), spent);
            });
        }
        else
        {
            var work = redo.Select(r => fingerprints.WorkFor(r.Story, r.Fingerprint)).ToList();
            var outcomes = executor.AnalyzeStoriesAsync(work, default).GetAwaiter().GetResult();
            for (var i = 0; i < redo.Count; i++)
            {
                foreach (var error in outcomes[i].Errors) failures.Record(error, redo[i].Story.Id);
                encoded[i] = outcomes[i].Findings;
            }
        }
        timings.Add(started.Stop("stories analysed"));
        if (executor is null)
            for (var s = 0; s < StoryStages.Count; s++)
                timings.Add(new StageTiming($"{StoryStages[s].Name} (summed over stories)", System.Diagnostics.Stopwatch.GetElapsedTime(0, spent[s]))
                {
                    Memory = new StageMemory(spent[StoryStages.Count + s], 0, 0, 0),
                });
        return new AnalysedStories([.. made], encoded);
    }

    /// <summary>What <see cref="AnalyzeStories"/> made: findings as objects (made here) or encoded (made on an executor), one list empty.</summary>
    private sealed record AnalysedStories(List<StoryFindings> Findings, IReadOnlyList<EncodedStory> Encoded)
    {
        public int Count => Findings.Count + Encoded.Count;
    }

    /// <summary>
    /// Analyses the stories a relink in parts remade, once each, reading each one's relations and groups from the store
    /// (every part is saved by now), in batches of about <see cref="LinkPart"/> documents, each batch's findings saved
    /// in one transaction. Returns how many stories were analysed.
    /// </summary>
    /// <remarks>
    /// The analysis runs on every core; reading a batch's links and saving a batch's findings are one thread's work
    /// each. So the next batch's links are read, and the batch before's findings saved, while a batch is analysed: at a
    /// million articles the three one after another left a core idle for a third of this phase. Saves stay one at a
    /// time, in batch order, so the store sees what a run one batch after another would write.
    /// </remarks>
    private int AnalyzeDeferred(IStore store, IReadOnlyList<Story> stories, IPipelineObserver observer, StageFailures failures, IPipelineExecutor? executor, List<StageTiming> timings)
    {
        observer.OnProgress(new PipelineProgress(string.Join('/', StoryStages.Select(s => s.Name)), store.DocumentCount, 0, 0, 0));
        var batches = Batches(stories, LinkPart);
        var analysed = 0;
        var reading = batches.Count > 0 ? Task.Run(() => StoredLinks(store, batches[0])) : null;
        Task<TimeSpan>? saving = null;
        try
        {
            for (var b = 0; b < batches.Count; b++)
            {
                var context = reading!.GetAwaiter().GetResult();
                var next = b + 1;
                reading = next < batches.Count ? Task.Run(() => StoredLinks(store, batches[next])) : null;
                // Saved without a fingerprint in their part: every one is analysed.
                var changed = AnalyzeStories(context, new Dictionary<string, string>(), failures, executor, timings);
                if (saving is not null) timings.Add(new StageTiming(DeferredSave, saving.GetAwaiter().GetResult()));
                var update = new CorpusUpdate { Findings = changed.Findings, EncodedFindings = changed.Encoded, LinkVersion = _linkConfiguration, FailedStages = failures.Summarise() };
                saving = Task.Run(() =>
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    store.SaveCorpus(update);
                    return System.Diagnostics.Stopwatch.GetElapsedTime(started);
                });
                analysed += changed.Count;
            }
            if (saving is not null) timings.Add(new StageTiming(DeferredSave, saving.GetAwaiter().GetResult()));
            saving = null;
        }
        finally
        {
            // A failure above leaves no read or save running on after this run has returned.
            try
            {
                reading?.Wait();
                saving?.Wait();
            }
            catch (AggregateException)
            {
                // The failure that matters is the one already on its way.
            }
        }
        return analysed;
    }

    /// <summary>The timing of the deferred analysis's saves, made beside its analysis (so without a CPU time of their own).</summary>
    private const string DeferredSave = "save (beside the stories' analysis)";

    /// <summary>Stories in batches of about <paramref name="documents"/> documents each (one larger story a batch of its own), in order.</summary>
    internal static List<List<Story>> Batches(IReadOnlyList<Story> stories, int documents)
    {
        var batches = new List<List<Story>>();
        var held = 0;
        foreach (var story in stories)
        {
            if (batches.Count == 0 || (held > 0 && held + story.Documents.Count > documents))
            {
                batches.Add([]);
                held = 0;
            }
            batches[^1].Add(story);
            held += story.Documents.Count;
        }
        return batches;
    }

    /// <summary>
    /// A context of <paramref name="stories"/> with the relations from their documents and their groups as stored, read
    /// in one statement each for the whole batch (one a story cost a round trip per story, tens of thousands a batch).
    /// </summary>
    private static CorpusContext StoredLinks(IStore store, List<Story> stories)
    {
        var context = new CorpusContext(store, [], Link.LinkState.Fresh());
        var storyOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < stories.Count; i++)
            foreach (var document in stories[i].Documents) storyOf.TryAdd(document, i);
        var relations = new List<Relation>[stories.Count];
        foreach (var relation in store.RelationsOf(storyOf.Keys))
            if (storyOf.TryGetValue(relation.From, out var i)) (relations[i] ??= []).Add(relation);
        // Each story's relations in turn, as a story at a time would add them.
        for (var i = 0; i < stories.Count; i++)
        {
            context.Stories.Add(stories[i]);
            if (relations[i] is { } own) context.Relations.AddRange(own);
        }
        foreach (var (document, group) in store.IndependenceGroupsOf(storyOf.Keys)) context.IndependenceGroups[document] = group;
        return context;
    }

    /// <summary>Adds a stored story to the context with the relations from its documents and their groups, as stored.</summary>
    private static void AddStoredLinks(IStore store, CorpusContext context, Story story)
    {
        var members = new HashSet<string>(story.Documents, StringComparer.Ordinal);
        context.Stories.Add(story);
        foreach (var relation in store.RelationsOf(story.Documents))
            if (members.Contains(relation.From)) context.Relations.Add(relation);
        foreach (var (document, group) in store.IndependenceGroupsOf(story.Documents)) context.IndependenceGroups[document] = group;
    }

    /// <summary>
    /// Adds to the context the stories a story stage failed on last time that nothing new touched, with their relations
    /// and groups as stored: they are analysed again (a stage fixed since, a passing glitch).
    /// </summary>
    private static void AddFailedStories(IStore store, CorpusContext context, IReadOnlyDictionary<string, string> stored)
    {
        var made = new HashSet<string>(context.Stories.Select(s => s.Id), StringComparer.Ordinal);
        made.UnionWith(context.RemovedStories);
        foreach (var (id, fingerprint) in stored)
        {
            if (fingerprint.Length > 0 || made.Contains(id) || store.LoadStory(id) is not { } findings) continue;
            AddStoredLinks(store, context, findings.Story);
        }
    }

    /// <summary>Writes the reports in <paramref name="formats"/> for everything in the store to <paramref name="folder"/>; returns the files written.</summary>
    public IReadOnlyList<string> WriteReports(IStore store, string folder, IEnumerable<string> formats, DateTimeOffset generated) =>
        WriteReports(new DossierSource(store, generated), folder, formats);

    /// <summary>Writes the reports in <paramref name="formats"/> of <paramref name="source"/> (the whole store, or one story) to <paramref name="folder"/>; returns the files written.</summary>
    public IReadOnlyList<string> WriteReports(DossierSource source, string folder, IEnumerable<string> formats)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(formats);
        var writers = new List<IReportWriter>();
        foreach (var format in formats)
            writers.Add(FindWriter(format) ?? throw new ArgumentException($"unknown report format '{format}'", nameof(formats)));
        Directory.CreateDirectory(folder);
        if (writers.Count == 1) return [WriteReport(writers[0], source, folder)];
        // The formats are written at once, each on a thread of its own: each reads the store and renders on every core
        // in turns, and one's reading or writing fills the gaps in another's (at 100k articles, one after another took the
        // sum of three mostly one-threaded passes). What the writers share (stories, totals, problems) is read once.
        var running = new Task<string>[writers.Count];
        for (var i = 0; i < writers.Count; i++)
        {
            var writer = writers[i];
            running[i] = Task.Factory.StartNew(() => WriteReport(writer, source, folder), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        try
        {
            Task.WaitAll(running);
        }
        catch (AggregateException)
        {
            // Every writer has finished or failed: the first failure is thrown below as it was thrown.
        }
        return [.. running.Select(task => task.GetAwaiter().GetResult())];
    }

    /// <summary>Writes one report to <paramref name="folder"/>; returns its path.</summary>
    private static string WriteReport(IReportWriter writer, DossierSource source, string folder)
    {
        var path = Path.Combine(folder, writer.FileName);
        // Write beside, then move: a reader of the folder never sees half a report.
        // The temporary name is unique, so two runs writing one folder each finish their own file; the last move wins whole.
        var temporary = Path.Combine(folder, $".{writer.FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temporary)) writer.Write(source, stream);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return path;
    }

    /// <summary>The writer of a format ("json", "md", "html"), or null.</summary>
    public IReportWriter? FindWriter(string format)
    {
        foreach (var writer in ReportWriters)
            if (string.Equals(writer.Format, format, StringComparison.OrdinalIgnoreCase)) return writer;
        return null;
    }

    internal static byte[] ReadHead(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        var buffer = new byte[BinaryContent.SniffLength];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
        return buffer[..total];
    }

    /// <summary>One run of <see cref="Analyze(IEnumerable{string}, IStore, IPipelineObserver?, CancellationToken)"/>: the channels and the counts.</summary>
    private sealed class Run(Pipeline pipeline, IStore store, IPipelineObserver observer, IPipelineExecutor? executor)
    {
        private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
        private int _read, _stored, _known;

        /// <summary>The last place in the arrival order given out: documents take places in input order, whatever thread analyses them.</summary>
        private long _arrival;
        private StageTiming _elapsed = new("read and analyse", TimeSpan.Zero);

        private readonly ConcurrentQueue<Problem> _ordered = new();

        /// <summary>Counts a problem already reported elsewhere (a corpus stage's).</summary>
        public void Add(Problem problem) => _ordered.Enqueue(problem);

        public void Execute(Func<Action<Problem>, IEnumerable<InputFile>> discover, CancellationToken cancellation)
        {
            var clock = StageTiming.Start();
            _arrival = store.LastArrival;
            var sources = Channel.CreateBounded<(SourceDocument Source, long Arrival)>(new BoundedChannelOptions(pipeline.Workers * 8) { SingleWriter = true });
            var analysed = Channel.CreateBounded<EncodedDocument>(new BoundedChannelOptions(BatchSize * 2) { SingleReader = true });
            var produce = Task.Run(() => Produce(discover, sources.Writer, cancellation), cancellation);
            var write = Task.Run(() => Write(analysed, cancellation), cancellation);
            if (executor is not null)
            {
                // The analysis runs elsewhere, batch by batch; this process reads, counts what came back, and saves what
                // came back unsaved on its one writer, as one process saves what it analysed.
                var dispatch = Task.Run(() => Dispatch(executor, sources.Reader, analysed.Writer, cancellation), cancellation);
                Task.WaitAll([produce, dispatch, write], cancellation);
                store.SaveProblems(_ordered);
                _elapsed = clock.Stop("read and analyse");
                return;
            }
            var workers = new Task[pipeline.Workers];
            for (var i = 0; i < workers.Length; i++) workers[i] = Task.Run(() => Analyse(sources.Reader, analysed.Writer, cancellation), cancellation);
            var complete = Task.WhenAll(workers).ContinueWith(_ => analysed.Writer.TryComplete(), TaskScheduler.Default);
            Task.WaitAll([produce, complete, write], cancellation);
            foreach (var worker in workers) worker.GetAwaiter().GetResult();
            store.SaveProblems(_ordered);
            _elapsed = clock.Stop("read and analyse");
        }

        public AnalysisSummary Summary(RelinkSummary relinked) => new()
        {
            FailedStages = relinked.FailedStages,
            Stories = relinked.Stories,
            StoriesAnalysed = relinked.StoriesAnalysed,
            Timings = [_elapsed, .. relinked.Timings],
            DocumentsRead = _read,
            DocumentsStored = _stored,
            DocumentsKnown = _known,
            Problems = [.. _ordered],
        };

        private void Report(Problem problem)
        {
            _ordered.Enqueue(problem);
            observer.OnProblem(problem);
        }

        private void Progress(string stage) => observer.OnProgress(new PipelineProgress(stage, _read, _stored, _known, _ordered.Count));

        /// <summary>
        /// Reads the files <see cref="IngestLimits.Readers"/> at a time, each on its own task into its own small
        /// channel, and passes their documents on in file order: parsing runs in parallel, so one slow page does not
        /// hold up the files after it, while the order (and so which of two identical inputs is kept) never depends on
        /// thread timing.
        /// </summary>
        private async Task Produce(Func<Action<Problem>, IEnumerable<InputFile>> discover, ChannelWriter<(SourceDocument, long)> output, CancellationToken cancellation)
        {
            var pending = new Queue<(InputFile File, Channel<ReadResult> Results, Task Reading)>();
            var readers = Math.Max(1, pipeline.Limits.Readers);
            try
            {
                foreach (var file in discover(Report))
                {
                    cancellation.ThrowIfCancellationRequested();
                    if (pending.Count >= readers) await Drain(pending.Dequeue(), output, cancellation).ConfigureAwait(false);
                    var results = Channel.CreateBounded<ReadResult>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
                    pending.Enqueue((file, results, Task.Run(() => ReadInto(file, results.Writer, cancellation), cancellation)));
                }
                while (pending.Count > 0) await Drain(pending.Dequeue(), output, cancellation).ConfigureAwait(false);
            }
            finally
            {
                output.Complete();
            }
        }

        private async Task ReadInto(InputFile file, ChannelWriter<ReadResult> output, CancellationToken cancellation)
        {
            try
            {
                foreach (var result in Guard(file, pipeline.Read(file))) await output.WriteAsync(result, cancellation).ConfigureAwait(false);
            }
            finally
            {
                output.Complete();
            }
        }

        /// <summary>
        /// Passes on one file's documents and reports its problems, at most <see cref="IngestLimits.MaxProblemsPerInput"/>
        /// of them then one line counting the rest. The problems the file had in earlier runs are forgotten, but for
        /// those of its documents already stored: they are not analysed again, so the caps their analysis hit would not
        /// be reported again. (This run's problems are saved when the run ends, after this.)
        /// </summary>
        private async Task Drain((InputFile File, Channel<ReadResult> Results, Task Reading) item, ChannelWriter<(SourceDocument, long)> output, CancellationToken cancellation)
        {
            var (file, results, reading) = item;
            var stored = new HashSet<string>(StringComparer.Ordinal);
            var problems = 0;
            var unlisted = 0;
            await foreach (var result in results.Reader.ReadAllAsync(cancellation).ConfigureAwait(false))
            {
                if (result.Problem is not null)
                {
                    if (++problems <= pipeline.Limits.MaxProblemsPerInput) Report(result.Problem);
                    else unlisted++;
                }
                if (result.Document is not { } document) continue;
                Interlocked.Increment(ref _read);
                if (!_seen.TryAdd(document.Sha256, 0) || store.Contains(document.Sha256, Version))
                {
                    Interlocked.Increment(ref _known);
                    stored.Add(document.Source);
                    continue;
                }
                await output.WriteAsync((document, ++_arrival), cancellation).ConfigureAwait(false);
            }
            await reading.ConfigureAwait(false);
            store.ClearProblems(file.Source, stored);
            if (unlisted > 0) Report(new Problem(file.Source, $"…and {unlisted} more problems in this input, not listed (only the first {pipeline.Limits.MaxProblemsPerInput} are)"));
            Progress("read");
        }

        /// <summary>Turns an exception thrown by a reader into a problem for that file; what it read before still counts.</summary>
        private static IEnumerable<ReadResult> Guard(InputFile file, IEnumerable<ReadResult> results)
        {
            using var enumerator = results.GetEnumerator();
            while (true)
            {
                ReadResult? failure = null;
                try
                {
                    if (!enumerator.MoveNext()) yield break;
                }
#pragma warning disable CA1031 // A reader's bug on one file must not stop the run; it is reported with the file's name.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = ReadResult.Failed(file.Source, $"read failed: {e.GetType().Name}: {e.Message}");
                }
                if (failure is not null)
                {
                    yield return failure;
                    yield break;
                }
                yield return enumerator.Current;
            }
        }

        /// <summary>Analyses documents and encodes them for the store here, on the workers: the store's one writer thread then only executes statements.</summary>
        private async Task Analyse(ChannelReader<(SourceDocument Source, long Arrival)> input, ChannelWriter<EncodedDocument> output, CancellationToken cancellation)
        {
            await foreach (var (source, arrival) in input.ReadAllAsync(cancellation).ConfigureAwait(false))
                if (pipeline.Prepare(source, arrival, Report) is { } stored) await output.WriteAsync(new EncodedDocument(stored), cancellation).ConfigureAwait(false);
        }

        /// <summary>
        /// Hands the read documents to <paramref name="target"/> in batches, <see cref="IPipelineExecutor.BatchesInFlight"/>
        /// at a time; the documents of a batch that comes back unsaved go to <paramref name="output"/>, this process's
        /// writer (a batch waits there while the writer is behind, holding its slot: the writer paces the dispatch).
        /// </summary>
        private async Task Dispatch(IPipelineExecutor target, ChannelReader<(SourceDocument Source, long Arrival)> input, ChannelWriter<EncodedDocument> output, CancellationToken cancellation)
        {
            var inFlight = new List<Task>();
            var slots = Math.Max(1, target.BatchesInFlight);
            var batch = new List<ArrivedDocument>(BatchSize);
            async Task Send(List<ArrivedDocument> documents)
            {
                var result = await target.AnalyzeBatchAsync(documents, cancellation).ConfigureAwait(false);
                foreach (var problem in result.Problems) Report(problem);
                if (result.Unsaved is { } unsaved)
                {
                    foreach (var document in unsaved) await output.WriteAsync(document, cancellation).ConfigureAwait(false);
                    return;
                }
                Interlocked.Add(ref _stored, result.Stored);
                Progress("analyse");
            }
            try
            {
                await foreach (var (source, arrival) in input.ReadAllAsync(cancellation).ConfigureAwait(false))
                {
                    batch.Add(new ArrivedDocument(source, arrival));
                    if (batch.Count < BatchSize) continue;
                    if (inFlight.Count >= slots)
                    {
                        var done = await Task.WhenAny(inFlight).ConfigureAwait(false);
                        inFlight.Remove(done);
                        await done.ConfigureAwait(false);
                    }
                    inFlight.Add(Send(batch));
                    batch = new List<ArrivedDocument>(BatchSize);
                }
                if (batch.Count > 0) inFlight.Add(Send(batch));
                await Task.WhenAll(inFlight).ConfigureAwait(false);
            }
            finally
            {
                output.TryComplete();
            }
        }

        /// <summary>
        /// Saves the analysed documents, <see cref="SaveBatchSize"/> a transaction. Memory stays bounded: this holds at most
        /// that many encoded documents, the channel before it <see cref="BatchSize"/> × 2.
        /// </summary>
        /// <remarks>A save that throws closes the channel, so the analysers waiting to hand it documents fail too instead of waiting for ever.</remarks>
        private async Task Write(Channel<EncodedDocument> channel, CancellationToken cancellation)
        {
            var batch = new List<EncodedDocument>(SaveBatchSize);
            try
            {
                await foreach (var item in channel.Reader.ReadAllAsync(cancellation).ConfigureAwait(false))
                {
                    batch.Add(item);
                    if (batch.Count < SaveBatchSize) continue;
                    Flush(batch);
                }
                Flush(batch);
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
                throw;
            }
        }

        private void Flush(List<EncodedDocument> batch)
        {
            if (batch.Count == 0) return;
            store.Save(batch);
            Interlocked.Add(ref _stored, batch.Count);
            batch.Clear();
            Progress("analyse");
        }
    }
}
