using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Reads a text capture (.txt, or any file that is not another known format): one document, its lines as segments.
/// An XML file (a feed, an annotated corpus) is not a capture: it is one problem, not a document of markup.
/// </summary>
public sealed class PlainTextDocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public bool CanRead(InputFile file, ReadOnlySpan<byte> head) => true;

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(InputFile file, IngestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(limits);
        var bytes = WholeFile.Read(file, limits, out var error);
        if (bytes is null)
        {
            yield return ReadResult.Failed(file.Source, error!);
            yield break;
        }
        if (IsXml(bytes))
        {
            // XHTML (an html element near the top) is taken by the HTML reader first; what reaches here is data.
            yield return ReadResult.Failed(file.Source, "XML data, not an article or a text capture: no reader takes XML, skipped");
            yield break;
        }
        yield return FromBytes(file.Source, bytes, "text");
    }

    /// <summary>True when the bytes open (after a BOM and white space) with an XML declaration.</summary>
    internal static bool IsXml(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        return bytes.TrimStart(" \t\r\n"u8).StartsWith("<?xml"u8);
    }

    /// <summary>Makes a text document of bytes (shared by container readers whose records carry plain text).</summary>
    public static ReadResult FromBytes(string source, byte[] bytes, string format)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) return ReadResult.Failed(source, "empty file");
        if (BinaryContent.Looks(bytes.AsSpan(0, Math.Min(bytes.Length, BinaryContent.SniffLength))))
            return ReadResult.Failed(source, "binary content, not text");
        var decoded = TextDecoder.Decode(bytes);
        var segments = LineSegmenter.Segment(decoded.Text);
        if (segments.Count == 0) return ReadResult.Failed(source, "no text (only white space)");
        var document = new SourceDocument
        {
            Source = source,
            Sha256 = StableId.Sha256Hex(bytes),
            Raw = bytes,
            Text = decoded.Text,
            Segments = segments,
            Format = format,
        };
        var problem = decoded.Complaint is { } complaint ? new Problem(source, complaint) : null;
        return new ReadResult(document, problem);
    }
}
