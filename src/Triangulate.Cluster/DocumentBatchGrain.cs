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
        // CPU-bound: off the grain's turn, so the silo's scheduler keeps serving other grains meanwhile. The time from
        // here until a pool thread starts it is the batch's wait for a core (Queued); the rest of a round trip is
        // the messages' serialization and transport and Orleans' scheduling.
        var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
        var reply = await Task.Run(() =>
        {
            var queued = System.Diagnostics.Stopwatch.GetElapsedTime(arrived);
            return worker.AnalyzeBatch(batch, worker.Store) with { Queued = queued };
        }).ConfigureAwait(true);
        DeactivateOnIdle();
        return reply with { OnSilo = System.Diagnostics.Stopwatch.GetElapsedTime(arrived) };
    }
}
