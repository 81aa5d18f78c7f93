namespace Triangulate.Ingest;

/// <summary>
/// Turns one record's payload (a JSONL record's html or text, a WARC response body) into a source document.
/// Container readers parse through this seam so that the HTML reader can be plugged in without them knowing it.
/// </summary>
public interface IPayloadParser
{
    /// <summary>Parses <paramref name="bytes"/> of <paramref name="contentType"/> (a MIME type, maybe with a charset; null when unknown).</summary>
    ReadResult Parse(string source, byte[] bytes, string? contentType, SourceMetadata metadata);
}
