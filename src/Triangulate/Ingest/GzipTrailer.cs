using System.Buffers.Binary;

namespace Triangulate.Ingest;

/// <summary>
/// The trailer of a gzip file's last member (RFC 1952 §2.3.1: the CRC-32 and ISIZE, the length mod 2^32, of what the
/// member decompresses to), read from the file's last 8 bytes, and the check that a decompression reached it. .NET's
/// GZipStream ends quietly where a file is cut: a download cut at a line end read as a shorter file without a word.
/// </summary>
internal readonly record struct GzipTrailer(uint Crc, uint Size)
{
    /// <summary>
    /// The longest last member whose output a reader keeps to check its CRC-32 when the file has several members (one
    /// per WARC record, as Common Crawl writes them: a few hundred KB each).
    /// </summary>
    public const int MaxCheckedTail = 4 << 20;

    /// <summary>A gzip header (10 bytes) and trailer (8) at least.</summary>
    private const int MinGzipBytes = 18;

    /// <summary>What a file too short to hold a gzip header and trailer is.</summary>
    public const string TooShort = "truncated gzip: shorter than a gzip header and trailer";

    /// <summary>The trailer at the end of <paramref name="file"/> (its position kept), or null when the file is shorter than a header and a trailer.</summary>
    public static GzipTrailer? Read(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length < MinGzipBytes) return null;
        var position = file.Position;
        file.Seek(-8, SeekOrigin.End);
        Span<byte> bytes = stackalloc byte[8];
        file.ReadExactly(bytes);
        file.Position = position;
        return new GzipTrailer(BinaryPrimitives.ReadUInt32LittleEndian(bytes), BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]));
    }

    /// <summary>
    /// Null when an output of <paramref name="total"/> bytes ends with the member this trailer closes; else why not.
    /// One member: its length is the whole output's. Several: the last ISIZE bytes of the output (<paramref name="tail"/>
    /// then <paramref name="tailEnd"/>, the two halves of a ring, in order) have the trailer's CRC-32, checked when the
    /// member is at most <see cref="MaxCheckedTail"/> bytes. A cut file's last 8 bytes are compressed data, which agree
    /// only by chance (about one in 2^32 for one member).
    /// </summary>
    public string? Disagreement(long total, ReadOnlySpan<byte> tail, ReadOnlySpan<byte> tailEnd)
    {
        if ((uint)total == Size) return null;
        if (Size <= total && (Size > MaxCheckedTail
            || (tail.Length + tailEnd.Length == Size && Crc32Of(tail, tailEnd) == Crc))) return null;
        return $"truncated gzip: the file ends inside a compressed member, after {total} bytes decompressed (its last 8 bytes are no gzip trailer of them)";
    }

    /// <summary>The CRC-32 gzip writes (ISO 3309, as <see cref="System.IO.Hashing.Crc32"/> computes it) of two spans in order.</summary>
    private static uint Crc32Of(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var crc = new System.IO.Hashing.Crc32();
        crc.Append(first);
        crc.Append(second);
        return crc.GetCurrentHashAsUInt32();
    }
}
