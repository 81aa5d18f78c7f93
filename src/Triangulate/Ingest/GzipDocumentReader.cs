using System.IO.Compression;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Reads a gzip-compressed single document (.txt.gz, .html.gz, any .gz): decompresses as a stream under the document
/// size cap and parses by the inner extension. Container formats (.warc.gz, .jsonl.gz) are taken by their own readers,
/// which go first. A .gz that is not gzip is a problem.
/// </summary>
public sealed class GzipDocumentReader(IPayloadParser? html = null) : IDocumentReader
{
    private readonly IPayloadParser _html = html ?? new PlainTextPayloadParser();

    /// <inheritdoc />
    public bool CanRead(InputFile file, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.FullPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || IsGzip(head);
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(InputFile file, IngestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(limits);
        Stream stream;
        try
        {
            stream = Open(file, out var error);
            if (error is not null) return [ReadResult.Failed(file.Source, error)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone or locked since discovery: the file, not its compression, is the problem.
            return [ReadResult.Failed(file.Source, $"cannot read: {e.Message}")];
        }
        byte[] bytes;
        bool cut = false, isHtml;
        try
        {
            using (stream)
            {
                var head = new byte[HeadBytes];
                var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                isHtml = IsHtml(file, head.AsSpan(0, headLength));
                // A page is kept only as far as it is parsed (its first 4 MB); the rest is decompressed without being
                // kept, to hold it to the document cap as a page on disk is. Other text is kept whole, under the cap.
                byte[]? kept;
                if (isHtml) (kept, cut) = HtmlPageBytes.Read(stream, limits, head.AsSpan(0, headLength));
                else kept = ReadWhole(stream, limits, head.AsSpan(0, headLength));
                // One byte past a cut page's part was read to tell that it was cut.
                if (kept is null || cut && !HtmlPageBytes.EndsWithin(stream, limits.MaxDocumentBytes - kept.Length - 1))
                    return [ReadResult.Failed(file.Source, $"too large: decompresses to over the {limits.MaxDocumentBytes >> 20} MB limit for one document")];
                bytes = kept;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return [ReadResult.Failed(file.Source, $"broken gzip: {e.Message}")];
        }
        if (bytes.Length == 0) return [ReadResult.Failed(file.Source, "truncated gzip: nothing decompresses")];
        // A cut page goes to the HTML reader itself, which knows how to read the first part of one.
        var result = cut ? HtmlDocumentReader.FromBytes(file.Source, bytes, limits: limits, complete: false)
            : isHtml ? _html.Parse(file.Source, bytes, null, SourceMetadata.Empty)
            : PlainTextDocumentReader.FromBytes(file.Source, bytes, "text");
        // The trailer describes the whole output: a page left partly unread cannot be checked against it.
        if (!cut && Truncation(file, bytes) is { } truncated)
            result = result with { Problem = new Problem(file.Source, result.Problem is null ? truncated : $"{truncated}; {result.Problem.Error}") };
        return [result];
    }

    private const int HeadBytes = 512;

    /// <summary>True when the inner name says HTML or the first decompressed bytes open like a page.</summary>
    private static bool IsHtml(InputFile file, ReadOnlySpan<byte> head)
    {
        var inner = Path.GetFileNameWithoutExtension(file.FullPath);
        return inner.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || inner.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
            || PlainTextPayloadParser.IsHtml(null, head);
    }

    /// <summary><paramref name="head"/> and the rest of the decompressed stream, or null when that is over <see cref="IngestLimits.MaxDocumentBytes"/>.</summary>
    private static byte[]? ReadWhole(Stream stream, IngestLimits limits, ReadOnlySpan<byte> head)
    {
        using var buffer = new MemoryStream();
        buffer.Write(head);
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxDocumentBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// A one-line problem when the file's gzip trailer disagrees with what was decompressed (<see cref="GzipTrailer"/>):
    /// .NET's GZipStream ends quietly at a truncated member, so a cut download read a fifth of its text without a word.
    /// What was read is still analysed.
    /// </summary>
    private static string? Truncation(InputFile file, byte[] decompressed)
    {
        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            if (GzipTrailer.Read(stream) is not { } trailer) return $"{GzipTrailer.TooShort}; what decompressed was analysed";
            var tail = trailer.Size <= decompressed.Length ? decompressed.AsSpan(decompressed.Length - (int)trailer.Size) : default;
            return trailer.Disagreement(decompressed.Length, tail, default) is { } problem ? $"{problem}; what decompressed was analysed" : null;
        }
        catch (IOException e)
        {
            return $"cannot check the gzip trailer: {e.Message}";
        }
    }

    /// <summary>Opens the file (decompressing it when it is gzip) and reads it with <paramref name="read"/>; a file that cannot be opened is one problem.</summary>
    internal static IEnumerable<ReadResult> OpenAndRead(InputFile file, Func<Stream, IEnumerable<ReadResult>> read)
    {
        Stream stream;
        try
        {
            stream = Open(file, out var error, checkEnd: true);
            if (error is not null) return [ReadResult.Failed(file.Source, error)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadResult.Failed(file.Source, $"cannot read: {e.Message}")];
        }
        return read(stream);
    }

    /// <summary>True when the bytes open with the gzip magic number.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    /// <summary>
    /// Opens a file, decompressing when its name ends in .gz; a .gz without the gzip magic is an error, not an exception.
    /// With <paramref name="checkEnd"/>, reading at the end of a cut .gz throws (<see cref="GzipEndCheckStream"/>).
    /// </summary>
    internal static Stream Open(InputFile file, out string? error, bool checkEnd = false)
    {
        error = null;
        var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        if (!file.FullPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return stream;
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        if (read < 2 || !IsGzip(magic))
        {
            stream.Dispose();
            error = "not gzip: the file is named .gz but does not start with the gzip signature";
            return Stream.Null;
        }
        stream.Position = 0;
        var trailer = checkEnd ? GzipTrailer.Read(stream) : null;
        // GZipStream reads concatenated members one after the other, as Common Crawl writes them (one per record).
        var decompressed = new GZipStream(stream, CompressionMode.Decompress);
        return checkEnd ? new GzipEndCheckStream(decompressed, trailer) : decompressed;
    }
}
