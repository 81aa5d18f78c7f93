using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Triangulate.Cluster;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Cluster;

/// <summary>
/// A batch grain's work over one SQLite file (<see cref="Worker.AnalyzeBatch"/>): the worker saves nothing and sends
/// the encoded rows back, and those rows, through Orleans' codec, save as the documents the pipeline saves itself.
/// </summary>
public sealed class WorkerBatchTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly ArrivedDocument[] Batch =
    [
        new(Some.SourceDocument("Harbour workers in Velmont walked out on Tuesday, a union organiser said.\n\nAbout 300 workers joined the strike.", "a.txt"), 1),
        new(Some.SourceDocument("The port of Velmont reopened on Friday after a strike of four days.", "b.txt"), 2),
    ];

    [Fact]
    public void A_batch_over_one_SQLite_file_comes_back_encoded_and_its_rows_save_as_the_pipelines_own_save()
    {
        using var worker = new Worker(_temp.File("shared.db"));
        var reply = worker.AnalyzeBatch(Batch, worker.Store);
        Assert.Equal(0, worker.Store.DocumentCount);
        Assert.Equal(TimeSpan.Zero, reply.Save);
        Assert.True(reply.Analysis > TimeSpan.Zero);
        Assert.Equal(Batch.Length, reply.Rows!.Count);

        // Across the wire as a silo sends it, then saved by the client's writer.
        var serializer = new ServiceCollection().AddSerializer(builder => builder.AddTriangulateTypes()).BuildServiceProvider().GetRequiredService<Serializer>();
        var received = serializer.Deserialize<BatchReply>(serializer.SerializeToArray(reply));
        var result = Assert.IsType<BatchReply>(received).ToResult();
        Assert.Equal(0, result.Stored);
        using var viaRows = SqliteStore.Open(_temp.File("rows.db"));
        viaRows.Save(result.Unsaved!);

        using var direct = SqliteStore.Open(_temp.File("direct.db"));
        Assert.Equal(Batch.Length, worker.Pipeline.AnalyzeBatch(Batch, direct).Stored);
        Assert.Equal(direct.DocumentCount, viaRows.DocumentCount);
        Assert.Equal(direct.LastArrival, viaRows.LastArrival);
        foreach (var (source, _) in Batch)
        {
            var id = Assert.Single(direct.ReadAnalyses(), p => p.Document.Sha256 == source.Sha256).Document.Id;
            Assert.Equal(Json(direct.FindDocument(id)!), Json(viaRows.FindDocument(id)!));
            Assert.Equal(Json(direct.FindAnalysis(id)!), Json(viaRows.FindAnalysis(id)!));
            Assert.Equal(source.Raw.ToArray(), viaRows.FindRaw(id));
        }
        Assert.Equal(direct.Search("strike", 10).Select(h => h.Id), viaRows.Search("strike", 10).Select(h => h.Id));
        Assert.Equal(2, viaRows.Search("Velmont", 10).Count(h => h.Kind == "document"));
    }

    [Fact]
    public void A_batch_sent_again_after_a_lost_reply_is_stored_once()
    {
        using var worker = new Worker(_temp.File("shared.db"));
        using var client = SqliteStore.Open(_temp.File("client.db"));
        client.Save(worker.AnalyzeBatch(Batch, worker.Store).ToResult().Unsaved!);
        client.Save(worker.AnalyzeBatch(Batch, worker.Store).ToResult().Unsaved!);
        Assert.Equal(Batch.Length, client.DocumentCount);
        Assert.Equal(2, client.LastArrival);
    }

    [Fact]
    public void A_batch_whose_rows_are_too_large_to_send_back_is_saved_by_the_worker()
    {
        using var worker = new Worker(_temp.File("shared.db")) { MaxReplyBytes = 1 };
        var reply = worker.AnalyzeBatch(Batch, worker.Store);
        Assert.Null(reply.Rows);
        Assert.Equal(Batch.Length, reply.ToResult().Stored);
        Assert.Null(reply.ToResult().Unsaved);
        Assert.Equal(Batch.Length, worker.Store.DocumentCount);
    }

    private static string Json(Document document) => System.Text.Json.JsonSerializer.Serialize(document, ModelJson.Compact.Document);

    private static string Json(DocumentAnalysis analysis) => System.Text.Json.JsonSerializer.Serialize(analysis, ModelJson.Compact.DocumentAnalysis);
}
