using System.Globalization;
using System.Text;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Reads web archives (.warc, .warc.gz; WARC/1.0 and 1.1): each response record's HTTP payload becomes a document,
/// decoded by the charset of its Content-Type header. Streams record by record under the record size cap. A broken
/// record is a problem and reading resumes at the next "WARC/" header; gzip members concatenated one per record, as
/// Common Crawl writes them, are read as one stream.
/// </summary>
public sealed class WarcDocumentReader(IPayloadParser? html = null) : IDocumentReader
{
    private const int MaxHeaderLine = 64 * 1024;
    private readonly IPayloadParser _html = html ?? new PlainTextPayloadParser();

    /// <inheritdoc />
    public bool CanRead(InputFile file, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.FullPath.EndsWith(".warc", StringComparison.OrdinalIgnoreCase)
            || file.FullPath.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("WARC/1."u8);
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(InputFile file, IngestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(limits);
        return GzipDocumentReader.OpenAndRead(file, stream => Read(stream, file.Source, limits));
    }

    /// <summary>Reads records from a stream (disposed at the end).</summary>
    internal IEnumerable<ReadResult> Read(Stream stream, string source, IngestLimits limits)
    {
        using var owned = stream;
        var reader = new ByteLineReader(stream);
        var number = 0;
        var documents = 0;
        var resync = false;
        while (true)
        {
            Record? record = null;
            string? failure = null;
            bool end;
            try
            {
                end = !Next(reader, limits, ++number, resync, out record, out failure);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                end = true;
                failure = $"record {number}: cannot read further: {e.Message}";
            }
            resync = failure is not null;
            if (failure is not null) yield return ReadResult.Failed(source, failure);
            if (end) break;
            if (record is null) continue;
            var result = Guarded(record, source, number, limits);
            if (result is null) continue;
            if (result.Document is not null) documents++;
            yield return result;
        }
        if (number == 1 && documents == 0 && !resync) yield return ReadResult.Failed(source, "no WARC records");
    }

    private sealed record Record(Dictionary<string, string> Headers, byte[] Block, long Offset);

    /// <summary>Reads the next record; false at the end of the stream. A broken record sets <paramref name="failure"/>.</summary>
    private static bool Next(ByteLineReader reader, IngestLimits limits, int number, bool resync, out Record? record, out string? failure)
    {
        record = null;
        failure = null;
        byte[]? line;
        // Blank lines separate records; after a broken record, anything up to the next version line is skipped.
        while (true)
        {
            line = reader.ReadLine(MaxHeaderLine, out _);
            if (line is null) return false;
            if (line.AsSpan().StartsWith("WARC/1."u8)) break;
            if (line.Length == 0 || resync) continue;
            failure = $"record {number} at byte {reader.Offset - line.Length - 1}: expected a WARC/1.x header, found other data; skipped to the next record";
            resync = true;
        }
        var offset = reader.Offset - line.Length - 1;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            line = reader.ReadLine(MaxHeaderLine, out var tooLong);
            if (line is null && !tooLong)
            {
                failure = $"record {number} at byte {offset}: truncated in its headers";
                return false;
            }
            if (line is null || line.Length == 0) break;
            var text = Encoding.UTF8.GetString(line);
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) headers[text[..colon].Trim()] = text[(colon + 1)..].Trim();
        }
        if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            failure = $"record {number} at byte {offset}: no valid Content-Length; skipped to the next record";
            return true;
        }
        if (length > limits.MaxRecordBytes)
        {
            var (skipped, next) = SkipRecord(reader, length);
            failure = next is not null
                ? $"record {number} at byte {offset}: Content-Length {length} runs into the next record at byte {next}; skipped"
                : skipped < length
                ? $"record {number} at byte {offset}: truncated: {skipped} of {length} bytes"
                : $"record {number} at byte {offset}: over the {limits.MaxRecordBytes >> 20} MB record limit, skipped";
            return next is not null || skipped >= length;
        }
        var block = new byte[length];
        var read = reader.Read(block, (int)length);
        // A Content-Length longer than the record swallows the records after it: give back from the next header on.
        var overrun = NextRecordIn(block.AsSpan(0, read));
        if (overrun >= 0)
        {
            reader.Unread(block.AsSpan(overrun, read - overrun));
            failure = $"record {number} at byte {offset}: Content-Length {length} runs into the next record at byte {reader.Offset}; skipped";
            return true;
        }
        if (read < length)
        {
            failure = $"record {number} at byte {offset}: truncated: {read} of {length} bytes";
            return false;
        }
        record = new Record(headers, block, offset);
        return true;
    }

    /// <summary>Where a WARC version line that follows a blank line starts in <paramref name="block"/> (a record boundary), or -1.</summary>
    private static int NextRecordIn(ReadOnlySpan<byte> block)
    {
        var from = 0;
        while (true)
        {
            var at = block[from..].IndexOf("\nWARC/1."u8);
            if (at < 0) return -1;
            at += from;
            var blankBefore = at >= 1 && (block[at - 1] == '\n' || (at >= 2 && block[at - 1] == '\r' && block[at - 2] == '\n'));
            var line = block[(at + 1)..];
            var end = line.IndexOf((byte)'\n');
            var isVersion = end is 8 or 9 && line[..end].TrimEnd((byte)'\r').Length == 8;
            if (blankBefore && isVersion) return at + 1;
            from = at + 1;
        }
    }

    /// <summary>Skips an over-limit record line by line, stopping early at a record boundary (a bogus Content-Length); returns the bytes skipped and where the next record starts, if found early.</summary>
    private static (long Skipped, long? Next) SkipRecord(ByteLineReader reader, long length)
    {
        long skipped = 0;
        var blank = false;
        while (skipped < length)
        {
            var start = reader.Offset;
            var line = reader.ReadLine(MaxHeaderLine, out var tooLong);
            if (line is null && !tooLong) break;
            var consumed = reader.Offset - start;
            if (line is not null && blank && line.Length == 8 && line.AsSpan().StartsWith("WARC/1."u8))
            {
                reader.Unread([.. line, (byte)'\r', (byte)'\n']);
                return (skipped, reader.Offset);
            }
            skipped += consumed;
            blank = line is not null && line.Length == 0;
        }
        return (skipped, null);
    }

    /// <summary>One record's document; whatever goes wrong in it is a problem naming the record, and the records after it are still read.</summary>
    private ReadResult? Guarded(Record record, string file, int number, IngestLimits limits)
    {
        try
        {
            return Parse(record, file, number, limits);
        }
#pragma warning disable CA1031 // One bad record must not lose the rest of the archive.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return ReadResult.Failed(file, $"record {number} at byte {record.Offset}: cannot read the record: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>A response or resource record's payload as a document; null for records that hold no page (warcinfo, request, metadata, images).</summary>
    private ReadResult? Parse(Record record, string file, int number, IngestLimits limits)
    {
        var type = record.Headers.GetValueOrDefault("WARC-Type");
        var url = record.Headers.GetValueOrDefault("WARC-Target-URI");
        var source = string.IsNullOrEmpty(url) ? $"{file}#record-{number}" : url;
        var place = ReadResult.Place($"record {number}", url);
        byte[] payload;
        string? contentType;
        if (string.Equals(type, "response", StringComparison.OrdinalIgnoreCase))
        {
            var split = HeaderEnd(record.Block);
            if (split < 0) return ReadResult.Failed(file, $"{place}: response without HTTP headers");
            var http = Encoding.Latin1.GetString(record.Block, 0, split);
            if (!http.StartsWith("HTTP/", StringComparison.Ordinal)) return ReadResult.Failed(file, $"{place}: response does not start with an HTTP status line");
            var status = http.Split(' ', 3);
            if (status.Length < 2 || !status[1].StartsWith('2')) return null;
            contentType = HttpHeader(http, "Content-Type");
            if (!IsPage(contentType)) return null;
            var body = record.Block[(split + (record.Block[split] == '\r' ? 4 : 2))..];
            var decoded = HttpPayload.Decode(body, HttpHeader(http, "Transfer-Encoding"), HttpHeader(http, "Content-Encoding"), limits.MaxRecordBytes, out var error);
            if (decoded is null) return ReadResult.Failed(file, $"{place}: {error}");
            payload = decoded;
        }
        else if (string.Equals(type, "resource", StringComparison.OrdinalIgnoreCase))
        {
            contentType = record.Headers.GetValueOrDefault("Content-Type");
            payload = record.Block;
        }
        else
        {
            return null;
        }
        if (!IsPage(contentType)) return null;
        var result = _html.Parse(source, payload, contentType, new SourceMetadata { Url = url }).InFile(file, place);
        return result.Document is null ? result : result with { Document = result.Document with { Format = "warc" } };
    }

    // Images, scripts, fonts: not articles, and not a problem either.
    private static bool IsPage(string? contentType) =>
        contentType is null || contentType.Contains("html", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the HTTP headers end (the index of the blank line's CR or LF), or -1.</summary>
    private static int HeaderEnd(byte[] block)
    {
        var crlf = block.AsSpan().IndexOf("\r\n\r\n"u8);
        var lf = block.AsSpan().IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf)) return crlf;
        return lf;
    }

    private static string? HttpHeader(string headers, string name)
    {
        foreach (var line in headers.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) return line[(colon + 1)..].Trim();
        }
        return null;
    }
}
