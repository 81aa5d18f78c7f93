using System.Collections.Concurrent;
using Triangulate.Model;
using Triangulate.Store;

namespace Triangulate.Web;

/// <summary>
/// Uploaded files being analysed. One at a time (the pipeline already uses every core, and the store has one writer);
/// each job's state is polled by the page through <c>/api/jobs/{id}</c>.
/// </summary>
internal sealed class UploadJobs(IStore store, Func<Pipeline> pipeline)
{
    private readonly ConcurrentDictionary<string, UploadJob> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _one = new();
    private Pipeline? _pipeline;

    public UploadJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public UploadJob Start(string path, string name)
    {
        var job = new UploadJob(Guid.NewGuid().ToString("N"), name);
        _jobs[job.Id] = job;
        _ = Task.Run(() =>
        {
            lock (_one)
                try
                {
                    job.State = "analysing";
                    var before = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var d in store.ReadDocuments()) before.Add(d.Id);
                    _pipeline ??= pipeline();
                    var summary = _pipeline.Analyze([path], store);
                    var found = new List<Document>();
                    var sha = Model.StableId.Sha256Hex(File.ReadAllBytes(path));
                    foreach (var d in store.ReadDocuments())
                        if (!before.Contains(d.Id) || d.Sha256 == sha) found.Add(d);
                    job.Documents = found;
                    job.Message = summary.Problems.Count > 0 ? string.Join("; ", summary.Problems.Select(p => p.Error)) : $"{found.Count} document(s) stored";
                    job.State = found.Count > 0 ? "done" : "failed";
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
                    try { File.Delete(path); } catch (IOException) { }
                }
        });
        return job;
    }
}

/// <summary>One upload's progress.</summary>
internal sealed class UploadJob(string id, string name)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public string State { get; set; } = "queued";

    public string Message { get; set; } = "";

    public IReadOnlyList<Document> Documents { get; set; } = [];
}
