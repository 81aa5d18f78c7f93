using System.Text;

namespace Triangulate.Ingest;

/// <summary>
/// Decodes input bytes: a BOM wins, then a declared charset, then UTF-8; bytes that are not UTF-8 and show no valid
/// multi-byte sequence at all are read as windows-1252 (the legacy code page of most Western news sites), otherwise
/// invalid bytes are replaced and counted so the caller can report them.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>, honouring a BOM and then <paramref name="declaredCharset"/> when it names a known encoding.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Strict(Encoding.Unicode, bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Strict(Encoding.BigEndianUnicode, bytes[2..]);

        var declared = Resolve(declaredCharset);
        // A page that declares a single-byte code page is read with it; a declared UTF-8 (or none) is checked below.
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage) return Strict(declared, bytes);
        return Utf8(bytes);
    }

    /// <summary>Finds an encoding by its IANA or WHATWG name; null when unknown.</summary>
    public static Encoding? Resolve(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        // WHATWG maps latin1 and ascii labels to windows-1252, as browsers do.
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1") name = "windows-1252";
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static DecodedText Utf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8", 0);
        var (invalid, multiByte) = CountUtf8(bytes);
        if (multiByte == 0) return Strict(Encoding.GetEncoding(1252), bytes);
        return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8", invalid);
    }

    private static DecodedText Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var text = encoding.GetString(bytes);
        var replaced = 0;
        // Single-byte code pages decode every byte; count only genuine replacement characters for multi-byte ones.
        if (!encoding.IsSingleByte)
            foreach (var c in text) if (c == '\uFFFD') replaced++;
        return new DecodedText(text, encoding.WebName, replaced);
    }

    /// <summary>Counts invalid bytes and valid multi-byte sequences in a UTF-8 stream.</summary>
    private static (int Invalid, int MultiByte) CountUtf8(ReadOnlySpan<byte> bytes)
    {
        int invalid = 0, multi = 0, i = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                if (consumed > 1) multi++;
            }
            else
            {
                invalid += consumed;
            }
            i += Math.Max(consumed, 1);
        }
        return (invalid, multi);
    }
}
