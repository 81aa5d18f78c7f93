using System.Globalization;
using System.IO.Compression;

namespace Triangulate.Ingest;

/// <summary>
/// Undoes the HTTP transfer and content codings of a response body as archived: <c>Transfer-Encoding: chunked</c>,
/// then <c>Content-Encoding</c> gzip, deflate (zlib or raw, as servers send both) and br, last applied first.
/// Decoded size is capped (a small compressed record must not inflate without bound). Archivers that decoded the body
/// but kept the header (the body then does not look encoded) are read as they are.
/// </summary>
internal static class HttpPayload
{
    /// <summary>The body decoded; null with <paramref name="error"/> set when it cannot be.</summary>
    public static byte[]? Decode(byte[] body, string? transferEncoding, string? contentEncoding, long maxBytes, out string? error)
    {
        ArgumentNullException.ThrowIfNull(body);
        error = null;
        if (transferEncoding is not null && transferEncoding.Contains("chunked", StringComparison.OrdinalIgnoreCase) && LooksChunked(body))
        {
            body = Dechunk(body, maxBytes, out error)!;
            if (error is not null) return null;
        }
        if (string.IsNullOrWhiteSpace(contentEncoding)) return body;
        var codings = contentEncoding.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = codings.Length - 1; i >= 0; i--)
        {
            var coding = codings[i].ToLowerInvariant();
            if (coding is "identity" or "none") continue;
            if (coding is not ("gzip" or "x-gzip" or "deflate" or "br"))
            {
                error = $"unsupported Content-Encoding {codings[i]}";
                return null;
            }
            if (coding is "gzip" or "x-gzip" && !(body.Length >= 2 && body[0] == 0x1F && body[1] == 0x8B))
            {
                if (LooksDecoded(body)) continue;
                error = $"Content-Encoding {codings[i]} but the body is not gzip";
                return null;
            }
            var decoded = Inflate(body, coding, maxBytes, out error);
            if (decoded is null)
            {
                if (LooksDecoded(body)) continue;
                return null;
            }
            body = decoded;
        }
        return body;
    }

    /// <summary>True when the body starts with a hex chunk size line ("1a2f\r\n", "0;ext\r\n").</summary>
    private static bool LooksChunked(byte[] body)
    {
        var i = 0;
        while (i < body.Length && i < 16 && char.IsAsciiHexDigit((char)body[i])) i++;
        return i > 0 && i < body.Length && body[i] is (byte)'\r' or (byte)'\n' or (byte)';' or (byte)' ';
    }

    /// <summary>A body an archiver already decoded: it starts, after white space, with '&lt;' or readable text.</summary>
    private static bool LooksDecoded(byte[] body)
    {
        var head = body.AsSpan(0, Math.Min(body.Length, BinaryContent.SniffLength));
        return head.Length > 0 && !BinaryContent.Looks(head);
    }

    private static byte[]? Dechunk(byte[] body, long maxBytes, out string? error)
    {
        error = null;
        using var output = new MemoryStream();
        var at = 0;
        while (true)
        {
            var lineEnd = Array.IndexOf(body, (byte)'\n', at);
            if (lineEnd < 0)
            {
                error = $"chunked body cut at byte {at}: no chunk size line";
                return null;
            }
            var line = body.AsSpan(at, lineEnd - at).TrimEnd((byte)'\r');
            var semicolon = line.IndexOf((byte)';');
            if (semicolon >= 0) line = line[..semicolon];
            line = line.Trim((byte)' ');
            if (!long.TryParse(System.Text.Encoding.ASCII.GetString(line), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                error = $"chunked body broken at byte {at}: bad chunk size";
                return null;
            }
            at = lineEnd + 1;
            if (size == 0) return output.ToArray();
            if (size > body.Length - at)
            {
                error = $"chunked body cut at byte {at}: chunk of {size} bytes, {body.Length - at} left";
                return null;
            }
            if (output.Length + size > maxBytes)
            {
                error = $"chunked body over the {maxBytes >> 20} MB record limit";
                return null;
            }
            output.Write(body, at, (int)size);
            at += (int)size;
            // The CRLF after the chunk data.
            if (at < body.Length && body[at] == '\r') at++;
            if (at < body.Length && body[at] == '\n') at++;
            if (at >= body.Length) return output.ToArray(); // the last-chunk line is missing: what came is whole chunks
        }
    }

    private static byte[]? Inflate(byte[] body, string coding, long maxBytes, out string? error)
    {
        error = null;
        try
        {
            if (coding == "deflate")
            {
                // RFC 9110 says zlib; many servers send raw deflate. A zlib header's first byte has 8 in its low nibble.
                var zlib = body.Length >= 2 && (body[0] & 0x0F) == 8 && ((body[0] << 8) | body[1]) % 31 == 0;
                using var input = new MemoryStream(body);
                using Stream deflate = zlib ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress);
                return ReadCapped(deflate, maxBytes, out error);
            }
            using var source = new MemoryStream(body);
            using Stream stream = coding == "br" ? new BrotliStream(source, CompressionMode.Decompress) : new GZipStream(source, CompressionMode.Decompress);
            return ReadCapped(stream, maxBytes, out error);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            error = $"Content-Encoding {coding}: cannot decode: {e.Message}";
            return null;
        }
    }

    private static byte[]? ReadCapped(Stream stream, long maxBytes, out string? error)
    {
        error = null;
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (output.Length + read > maxBytes)
            {
                error = $"decoded body over the {maxBytes >> 20} MB record limit";
                return null;
            }
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }
}
