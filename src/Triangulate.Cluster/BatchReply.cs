namespace Triangulate.Cluster;

/// <summary>
/// What a batch grain sends back: the result (with the encoded documents, when the client's writer is to save them),
/// and the worker's time on the batch: its analysis, the encoding of its rows (JSON, gzip, full-text rows) and its save
/// (the store's transaction, with its waits; none when the rows came back), so the client can tell the
/// document phase's work from what the cluster adds (<see cref="ClusterExecutor.BatchTimings"/>); how often and how long
/// the save waited for another writer of the store (<see cref="Triangulate.Store.StoreWaits"/>: another process's
/// transaction, or another batch of this worker on its one writer connection); how long the batch waited on the silo for
/// a thread, and its whole time on the silo (the rest of a round trip is messaging).
/// </summary>
[GenerateSerializer]
[Alias("Triangulate.Cluster.BatchReply")]
public sealed record BatchReply(
    [property: Id(0)] DocumentBatchResult Result,
    [property: Id(1)] TimeSpan Analysis,
    [property: Id(2)] TimeSpan Save,
    [property: Id(3)] int BusyWaits = 0,
    [property: Id(4)] TimeSpan BusyWaited = default,
    [property: Id(5)] TimeSpan Encode = default,
    [property: Id(6)] int WriterWaits = 0,
    [property: Id(7)] TimeSpan WriterWaited = default)
{
    /// <summary>The save's store waits.</summary>
    public Triangulate.Store.WaitCounts Waits => new(BusyWaits, BusyWaited, WriterWaits, WriterWaited);

    /// <summary>From the call's arrival on the silo until a pool thread began the batch.</summary>
    [Id(8)]
    public TimeSpan Queued { get; init; }

    /// <summary>From the call's arrival on the silo until its reply was made.</summary>
    [Id(9)]
    public TimeSpan OnSilo { get; init; }

    /// <summary>
    /// The batch's documents analysed and encoded but not saved, for the client's writer (a store whose writers take
    /// turns, <see cref="Triangulate.Store.IStore.ConcurrentWriters"/>); null when the worker saved them.
    /// </summary>
    [Id(10)]
    public IReadOnlyList<EncodedRow>? Rows { get; init; }

    /// <summary>What the pipeline is told the batch did: <see cref="Result"/>, with its unsaved documents.</summary>
    public DocumentBatchResult ToResult() =>
        Rows is null ? Result : Result with { Unsaved = [.. Rows.Select(row => row.ToEncoded())] };
}

/// <summary>
/// The document phase on the cluster, summed over its calls: the workers' analysis, encoding and save (wall time on the
/// worker), the batches' wait for a thread there and their whole time there, the client's round trips (each call's
/// time from sent to answered), and the saves' store waits.
/// </summary>
public sealed record BatchTimings(int Calls, TimeSpan Analysis, TimeSpan Save, TimeSpan RoundTrip, Triangulate.Store.WaitCounts Waits = default)
{
    /// <summary>The rows' encoding, summed.</summary>
    public TimeSpan Encode { get; init; }

    /// <summary>The batches' waits for a thread on their silo, summed.</summary>
    public TimeSpan Queued { get; init; }

    /// <summary>The batches' whole time on their silo, summed: the round trips less this is messaging.</summary>
    public TimeSpan OnSilo { get; init; }

    /// <summary>This and one more call's reply.</summary>
    public BatchTimings Plus(BatchReply reply, TimeSpan roundTrip)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new BatchTimings(Calls + 1, Analysis + reply.Analysis, Save + reply.Save, RoundTrip + roundTrip, Waits + reply.Waits)
        {
            Encode = Encode + reply.Encode,
            Queued = Queued + reply.Queued,
            OnSilo = OnSilo + reply.OnSilo,
        };
    }
}
