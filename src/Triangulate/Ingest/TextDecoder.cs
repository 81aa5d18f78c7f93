using System.Text;

namespace Triangulate.Ingest;

/// <summary>
/// Decodes input bytes: a BOM wins, then a declared charset, then UTF-8; bytes that are not UTF-8 and show no valid
/// multi-byte sequence at all (or far more invalid bytes than valid sequences) are read as a single-byte code page,
/// windows-1252 (the legacy code page of most Western news sites) unless their letters say Cyrillic, otherwise
/// invalid bytes are replaced and counted so the caller can report them.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Decodes <paramref name="bytes"/>, honouring a BOM and then <paramref name="declaredCharset"/> when it names a known
    /// encoding. With <paramref name="complete"/> false the bytes are the first part of a longer input, cut anywhere: a
    /// character split at their end is left out rather than decoded (and reported) as invalid. Control characters are
    /// made spaces and counted (<see cref="ControlCharacters"/>), whatever reader the bytes came through.
    /// </summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null, bool complete = true)
    {
        var decoded = DecodeText(bytes, declaredCharset, complete);
        var text = ControlCharacters.Replace(decoded.Text, out var controls);
        return controls == 0 ? decoded : decoded with { Text = text, ReplacedControls = controls };
    }

    private static DecodedText DecodeText(ReadOnlySpan<byte> bytes, string? declaredCharset, bool complete)
    {
        if (!complete) bytes = bytes[..WholeCharacters(bytes, Choose(bytes, declaredCharset))];
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Strict(Encoding.Unicode, bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Strict(Encoding.BigEndianUnicode, bytes[2..]);

        var declared = Resolve(declaredCharset);
        // A page that declares a single-byte code page is read with it; a declared UTF-8 (or none) is checked below.
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage) return Strict(declared, bytes);
        return Utf8(bytes);
    }

    /// <summary>
    /// The encoding <see cref="Decode"/> starts from for bytes that open with <paramref name="head"/>: the BOM's, else a
    /// known declared one, else UTF-8 (whose decoding counts no more characters than the windows-1252 fallback's, so a
    /// reader that stops after N characters of it has at least N of whatever is finally decoded).
    /// </summary>
    public static Encoding Choose(ReadOnlySpan<byte> head, string? declaredCharset)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode;
        return Resolve(declaredCharset) ?? Encoding.UTF8;
    }

    /// <summary>The length of the longest start of <paramref name="bytes"/> that ends on a character boundary in <paramref name="encoding"/>.</summary>
    private static int WholeCharacters(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        if (encoding.IsSingleByte) return bytes.Length;
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            // Back over continuation bytes (10xxxxxx) to the last lead byte; drop it with them when its sequence is short.
            var lead = bytes.Length - 1;
            while (lead >= 0 && bytes.Length - lead < 4 && (bytes[lead] & 0xC0) == 0x80) lead--;
            if (lead < 0 || bytes[lead] < 0xC0) return bytes.Length;
            var needed = bytes[lead] >= 0xF0 ? 4 : bytes[lead] >= 0xE0 ? 3 : 2;
            return bytes.Length - lead < needed ? lead : bytes.Length;
        }
        if (encoding.CodePage is 1200 or 1201)
        {
            var even = bytes.Length & ~1;
            if (even < 2) return even;
            var last = encoding.CodePage == 1200 ? bytes[even - 1] : bytes[even - 2];
            return last is >= 0xD8 and <= 0xDB ? even - 2 : even; // a high surrogate waits for its low half
        }
        if (encoding.CodePage is 12000 or 12001) return bytes.Length & ~3;
        // Legacy multi-byte code pages (Shift_JIS, GBK, Big5, EUC-*, GB18030): no byte under 0x40 but the digits (a
        // GB18030 four-byte character's second and fourth) is ever part of a multi-byte character, so the text up to
        // the last such byte (white space, '<', '>', most ASCII punctuation) is whole.
        for (var i = bytes.Length - 1; i >= 0; i--)
            if (bytes[i] < 0x40 && bytes[i] is < 0x30 or > 0x39) return i + 1;
        return 0;
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
        // A legacy page can hold a few byte pairs that happen to be valid UTF-8 (Cyrillic "С»" is one): bytes that are
        // mostly invalid are no UTF-8 with a few broken bytes, but another encoding.
        if (multiByte == 0 || invalid > 4 * multiByte) return Strict(Encoding.GetEncoding(LegacyCodePage(bytes)), bytes);
        return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8", invalid);
    }

    /// <summary>
    /// The single-byte code page of undeclared bytes that are not UTF-8: windows-1252 (the legacy code page of most
    /// Western news sites) unless Mozilla's universal charset detector (UTF.Unknown) reads them as a Cyrillic single-byte
    /// code page (windows-1251, KOI8-R, ISO-8859-5, IBM866), which a Latin page misread as 1252 would turn to mojibake.
    /// Only Cyrillic is taken from it: for Western pages its guesses among Latin code pages differ little and 1252 is
    /// the browsers' default.
    /// </summary>
    private static int LegacyCodePage(ReadOnlySpan<byte> bytes)
    {
        var detected = UtfUnknown.CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected?.Encoding;
        return detected?.CodePage is 1251 or 20866 or 28595 or 866 ? detected.CodePage : 1252;
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
