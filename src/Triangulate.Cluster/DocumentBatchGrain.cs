using Orleans.Placement;

namespace Triangulate.Cluster;

/// <summary>
/// <see cref="IDocumentBatchGrain"/>: placed on the silo with the fewest activations, so batches spread over the
/// workers; deactivated once done (a batch is sent once, unless its silo dies, and then it is activated elsewhere).
/// </summary>
[ActivationCountBasedPlacement]
internal sealed class DocumentBatchGrain(Worker worker) : Grain, IDocumentBatchGrain
{
    public async Task<BatchReply> Analyze(IReadOnlyList<ArrivedDocument> batch)
    {
        // CPU-bound: off the grain's turn, so the silo's scheduler keeps serving other grains meanwhile.
        var (result, analysis, save, waits) = await Task.Run(() => worker.AnalyzeBatch(batch, worker.Store)).ConfigureAwait(true);
        DeactivateOnIdle();
        return new BatchReply(result, analysis, save, waits.Busy, waits.BusyTime);
    }
}
