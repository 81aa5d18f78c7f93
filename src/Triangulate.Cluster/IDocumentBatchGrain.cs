namespace Triangulate.Cluster;

/// <summary>
/// Analyses one batch of read documents and saves it to the shared store, or, over a store whose writers take turns
/// (one SQLite file), sends its encoded rows back for the client's one writer (<see cref="Worker.AnalyzeBatch"/>).
/// Keyed by the batch's content (the hashes of its documents and their places in the arrival order), so a batch sent
/// again after its silo died is the same grain, activated elsewhere, and the same documents saved again replace
/// themselves: nothing is lost and nothing stored twice.
/// </summary>
[Alias("Triangulate.Cluster.IDocumentBatchGrain")]
public interface IDocumentBatchGrain : IGrainWithStringKey
{
    /// <summary>Analyses and stores <paramref name="batch"/> (or encodes it for the client to store); how many were stored, the problems met, and the worker's time on it.</summary>
    [Alias("Analyze")]
    Task<BatchReply> Analyze(IReadOnlyList<ArrivedDocument> batch);
}
