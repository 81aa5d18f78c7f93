using System.Collections.Concurrent;
using Triangulate.Ingest;
using Triangulate.Model;
using Triangulate.Store;

namespace Triangulate.Web;

/// <summary>
/// Uploaded files being analysed. One job at a time (the pipeline already uses every core, and the store has one writer);
/// each job's state is polled by the page through <c>/api/jobs/{id}</c>. With an <paramref name="executor"/> (a cluster),
/// the workers analyse the documents and the stories; this process reads, links and saves.
/// </summary>
internal sealed class UploadJobs(IStore store, Func<Pipeline> pipeline, StoreIndex index, IPipelineExecutor? executor = null)
{
    private readonly ConcurrentDictionary<string, UploadJob> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _one = new();
    private Pipeline? _pipeline;

    public UploadJob? Find(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Starts analysing <paramref name="files"/> (saved on disk, each named by what its user called it) as one job.</summary>
    public UploadJob Start(IReadOnlyList<InputFile> files)
    {
        var job = new UploadJob(Guid.NewGuid().ToString("N"), string.Join(", ", files.Select(f => f.Source)));
        _jobs[job.Id] = job;
        _ = Task.Run(() =>
        {
            lock (_one)
                try
                {
                    job.State = "analysing";
                    _pipeline ??= pipeline();
                    // A CLI run writing the store meanwhile holds its writer lease: the job waits for it, and says so.
                    var waits = new WaitObserver(job);
                    var summary = executor is null ? _pipeline.Analyze(files, store, waits) : _pipeline.Analyze(files, store, executor, waits);
                    job.Message = "";
                    // The story list shows the upload's stories before the job says it is done.
                    index.Refresh();
                    job.Documents = Own(_pipeline, files);
                    job.Message = UploadSummary.Describe(summary, job.Documents.Count);
                    job.State = job.Documents.Count > 0 ? "done" : "failed";
                }
#pragma warning disable CA1031 // A failing analysis is shown to the person who uploaded; the server goes on.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    job.Message = e.Message;
                    job.State = "failed";
                }
                finally
                {
                    foreach (var file in files)
                        try { File.Delete(file.FullPath); } catch (IOException) { }
                }
        });
        return job;
    }

    /// <summary>Shows on the job that it waits for another run writing the store (<see cref="IPipelineObserver.OnWaitingForStore"/>).</summary>
    private sealed class WaitObserver(UploadJob job) : IPipelineObserver
    {
        public void OnProblem(Problem problem) { }

        public void OnProgress(PipelineProgress progress) { }

        public void OnWaitingForStore(string store) => job.Message = "waiting for another run on the store to finish";
    }

    /// <summary>
    /// The stored documents this upload holds, found by the content hash of what its files read to: another writer's
    /// documents added meanwhile are not this job's, and a document uploaded before is (it is the same document).
    /// </summary>
    private List<Document> Own(Pipeline reader, IReadOnlyList<InputFile> files)
    {
        var own = new SortedDictionary<string, Document>(StringComparer.Ordinal);
        foreach (var file in files)
            foreach (var result in reader.Read(file))
                if (result.Document is { } read && StableId.ForDocument(read.Sha256) is var id && !own.ContainsKey(id)
                    && store.FindDocument(id) is { } stored && stored.Sha256 == read.Sha256)
                    own[id] = stored;
        return [.. own.Values];
    }
}
