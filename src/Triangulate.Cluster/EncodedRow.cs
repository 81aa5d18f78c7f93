using Triangulate.Store;

namespace Triangulate.Cluster;

/// <summary>
/// One analysed document on its way from a worker to the client's writer, as the store will write it: its keys, its
/// JSON columns as UTF-8, its compressed raw bytes and its full-text text. Serialized by Orleans' own codec (byte
/// arrays copied as they are), not as JSON: the columns are already encoded, and JSON would write them in base64.
/// </summary>
[GenerateSerializer]
[Alias("Triangulate.Cluster.EncodedRow")]
public sealed record EncodedRow(
    [property: Id(0)] string Id,
    [property: Id(1)] string Sha256,
    [property: Id(2)] string Source,
    [property: Id(3)] string Format,
    [property: Id(4)] string PipelineVersion,
    [property: Id(5)] long Arrival,
    [property: Id(6)] byte[] Document,
    [property: Id(7)] byte[] Analysis,
    [property: Id(8)] byte[] Raw,
    [property: Id(9)] string SearchText)
{
    /// <summary>The row of <paramref name="encoded"/> (its arrays, not copies).</summary>
    public static EncodedRow Of(EncodedDocument encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return new(encoded.Id, encoded.Sha256, encoded.Source, encoded.Format, encoded.PipelineVersion, encoded.Arrival,
            encoded.DocumentUtf8, encoded.AnalysisUtf8, encoded.CompressedRaw, encoded.SearchText);
    }

    /// <summary>The document as the store takes it (the arrays kept, not copied).</summary>
    public EncodedDocument ToEncoded() =>
        new(new EncodedKeys(Id, Sha256, Source, Format, PipelineVersion, Arrival), Document, Analysis, Raw, SearchText);
}
