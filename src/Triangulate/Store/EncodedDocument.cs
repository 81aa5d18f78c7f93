using System.Text.Json;
using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// A document as every store writes it: the <see cref="StoredDocument"/>, its document and analysis as compact JSON,
/// its raw bytes gzip-compressed and its full-text row. Made by the thread that analysed the document, so a store's one
/// writer only executes statements: made on the writer's thread, the encoding was 3.5 of its 22.7 busy seconds in a
/// 150k run (docs/benchmarks.md, "what bounds the rest", session 31).
/// </summary>
public sealed class EncodedDocument
{
    /// <summary>Encodes <paramref name="stored"/> (on the calling thread).</summary>
    public EncodedDocument(StoredDocument stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        Stored = stored;
        DocumentUtf8 = JsonSerializer.SerializeToUtf8Bytes(stored.Document, ModelJson.Compact.Document);
        AnalysisUtf8 = JsonSerializer.SerializeToUtf8Bytes(stored.Analysis, ModelJson.Compact.DocumentAnalysis);
        CompressedRaw = StoreRows.Compress(stored.Raw.Span);
        Search = SearchRow.Of(stored.Document);
    }

    /// <summary>What was encoded.</summary>
    public StoredDocument Stored { get; }

    /// <summary>
    /// The document's column as UTF-8, as the serialiser writes it: a string of it was twice its size, and SQLite's
    /// binding encoded it to UTF-8 again (the document and its analysis are most of the bytes a document's analysis makes).
    /// </summary>
    public byte[] DocumentUtf8 { get; }

    /// <summary>The analysis's column as UTF-8.</summary>
    public byte[] AnalysisUtf8 { get; }

    /// <summary>The document's column as text, for a store whose driver binds strings.</summary>
    public string DocumentJson => System.Text.Encoding.UTF8.GetString(DocumentUtf8);

    /// <summary>The analysis's column as text.</summary>
    public string AnalysisJson => System.Text.Encoding.UTF8.GetString(AnalysisUtf8);

    /// <summary>The raw bytes as kept (<see cref="StoreRows.Compress"/>).</summary>
    public byte[] CompressedRaw { get; }

    /// <summary>The document's full-text row.</summary>
    internal SearchRow Search { get; }

    /// <summary>A batch encoded on every core, in its order (for a caller that has not encoded its documents).</summary>
    public static EncodedDocument[] All(IReadOnlyList<StoredDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var encoded = new EncodedDocument[batch.Count];
        Parallel.For(0, batch.Count, i => encoded[i] = new EncodedDocument(batch[i]));
        return encoded;
    }
}
