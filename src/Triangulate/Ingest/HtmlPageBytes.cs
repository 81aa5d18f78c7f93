using System.Text;

namespace Triangulate.Ingest;

/// <summary>
/// Reads an HTML page's bytes from a stream, stopping once they decode to more than
/// <see cref="IngestLimits.MaxHtmlChars"/> characters: the parser never sees more (the page is cut there), so a 2 GB
/// page, or a small .html.gz that decompresses to one, costs the memory and time of its first 4 MB only. The page's
/// charset is chosen from its first bytes as <see cref="TextDecoder"/> does, and characters are counted as they stream.
/// </summary>
internal static class HtmlPageBytes
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// The page's first bytes, and whether the stream went on past them (the bytes may then end mid-character).
    /// <paramref name="head"/>: bytes of the page already taken from <paramref name="stream"/> (a sniff), read first.
    /// </summary>
    public static (byte[] Bytes, bool Cut) Read(Stream stream, IngestLimits limits, ReadOnlySpan<byte> head = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        using var page = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        Decoder? decoder = null;
        long chars = 0;
        while (true)
        {
            var read = head.Length;
            if (read > 0) head.CopyTo(chunk);
            read += stream.ReadAtLeast(chunk.AsSpan(read), chunk.Length - read, throwOnEndOfStream: false);
            head = default;
            if (read == 0) return (page.ToArray(), false);
            page.Write(chunk, 0, read);
            if (decoder is null)
            {
                var start = chunk.AsSpan(0, Math.Min(read, HtmlDocumentReader.SniffLength));
                decoder = TextDecoder.Choose(start, HtmlCharsetSniffer.Sniff(start)).GetDecoder();
            }
            chars += decoder.GetCharCount(chunk, 0, read, flush: false);
            // Past the cap (the cut looks back from it for a tag start): what follows is never parsed.
            if (chars > limits.MaxHtmlChars) return (page.ToArray(), stream.ReadByte() >= 0);
            if (read < chunk.Length) return (page.ToArray(), false);
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end without keeping it; false as soon as more than <paramref name="allowed"/> bytes come.</summary>
    public static bool EndsWithin(Stream stream, long allowed)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(chunk)) > 0)
            if ((allowed -= read) < 0) return false;
        return true;
    }
}
