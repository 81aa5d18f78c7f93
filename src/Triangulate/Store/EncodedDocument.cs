using System.Text.Json;
using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// A document as every store writes it: its keys, its document and analysis as compact JSON, its raw bytes
/// gzip-compressed and its full-text row. Made by the thread that analysed the document, so a store's one writer only
/// executes statements: made on the writer's thread, the encoding was 3.5 of its 22.7 busy seconds in a 150k run
/// (docs/benchmarks.md, "what bounds the rest", session 31). Holds bytes and strings only, so it can also be made
/// elsewhere and sent here (a cluster worker hands its batch's rows to the client's one writer of a SQLite file).
/// </summary>
public sealed class EncodedDocument
{
    /// <summary>Encodes <paramref name="stored"/> (on the calling thread).</summary>
    public EncodedDocument(StoredDocument stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        (Id, Sha256, Source) = (stored.Document.Id, stored.Document.Sha256, stored.Document.Source);
        (Format, PipelineVersion, Arrival) = (stored.Format, stored.PipelineVersion, stored.Arrival);
        DocumentUtf8 = JsonSerializer.SerializeToUtf8Bytes(stored.Document, ModelJson.Compact.Document);
        AnalysisUtf8 = JsonSerializer.SerializeToUtf8Bytes(stored.Analysis, ModelJson.Compact.DocumentAnalysis);
        CompressedRaw = StoreRows.Compress(stored.Raw.Span);
        Search = SearchRow.Of(stored.Document);
    }

    /// <summary>
    /// A document encoded elsewhere, from its parts as another <see cref="EncodedDocument"/> held them (the arrays are
    /// kept, not copied).
    /// </summary>
    public EncodedDocument(EncodedKeys keys, byte[] documentUtf8, byte[] analysisUtf8, byte[] compressedRaw, string searchText)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(documentUtf8);
        ArgumentNullException.ThrowIfNull(analysisUtf8);
        ArgumentNullException.ThrowIfNull(compressedRaw);
        ArgumentNullException.ThrowIfNull(searchText);
        (Id, Sha256, Source, Format, PipelineVersion, Arrival) = keys;
        (DocumentUtf8, AnalysisUtf8, CompressedRaw) = (documentUtf8, analysisUtf8, compressedRaw);
        Search = SearchRow.OfDocument(Id, searchText);
    }

    /// <summary>The document's id.</summary>
    public string Id { get; }

    /// <summary>The SHA-256 of its bytes: the key a save of the same bytes replaces.</summary>
    public string Sha256 { get; }

    /// <summary>Where it was read from.</summary>
    public string Source { get; }

    /// <summary>The format it was read as.</summary>
    public string Format { get; }

    /// <summary>The pipeline version that analysed it.</summary>
    public string PipelineVersion { get; }

    /// <summary>Its place in the arrival order (0: after everything stored, in the order saved).</summary>
    public long Arrival { get; }

    /// <summary>The keys, as <see cref="EncodedDocument(EncodedKeys, byte[], byte[], byte[], string)"/> takes them.</summary>
    public EncodedKeys Keys => new(Id, Sha256, Source, Format, PipelineVersion, Arrival);

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

    /// <summary>The text the document's full-text row indexes (its title and text).</summary>
    public string SearchText => Search.Text;

    /// <summary>The document's full-text row.</summary>
    internal SearchRow Search { get; }

    /// <summary>About how many bytes the encoded columns hold (the text counted at two bytes a character).</summary>
    public int Size => DocumentUtf8.Length + AnalysisUtf8.Length + CompressedRaw.Length + (2 * Search.Text.Length);

    /// <summary>The document, read back from its column (for the rare write that must change it: a copy kept under its first source).</summary>
    internal Document ReadDocument() => JsonSerializer.Deserialize(DocumentUtf8, ModelJson.Compact.Document)
        ?? throw new InvalidOperationException("an encoded document's column holds no document");

    /// <summary>A batch encoded on every core, in its order (for a caller that has not encoded its documents).</summary>
    public static EncodedDocument[] All(IReadOnlyList<StoredDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var encoded = new EncodedDocument[batch.Count];
        Parallel.For(0, batch.Count, i => encoded[i] = new EncodedDocument(batch[i]));
        return encoded;
    }
}

/// <summary>What a store keys an <see cref="EncodedDocument"/> by and writes beside its columns.</summary>
public sealed record EncodedKeys(string Id, string Sha256, string Source, string Format, string PipelineVersion, long Arrival);
