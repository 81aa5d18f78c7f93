namespace Triangulate.Ingest;

/// <summary>
/// Tells text from binary by the first bytes, as file(1) and git do: NUL bytes, or many control bytes, mean binary. A
/// stray NUL in text that is otherwise UTF-8 (a scraper's slip, a <c>\u0000</c> escape written out) is text: the decoder
/// makes it a space and the reader says so (<see cref="ControlCharacters"/>), as it does for any other control character.
/// </summary>
public static class BinaryContent
{
    /// <summary>How many leading bytes are inspected.</summary>
    public const int SniffLength = 8192;

    /// <summary>True when <paramref name="head"/> looks like binary data rather than text in any encoding.</summary>
    public static bool Looks(ReadOnlySpan<byte> head)
    {
        // UTF-16 text has NULs; its BOM says so.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return false;
        int control = 0, nul = 0;
        foreach (var b in head)
        {
            if (b == 0) nul++;
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)) control++;
        }
        // More than 1 in 10 control bytes is not text (git's heuristic is stricter; news text has none). NULs more than
        // 1 in 100 bytes are UTF-16 or UTF-32 without a BOM, or a binary format's fields; a few NULs in bytes that are
        // not UTF-8 either are random or compressed data (1 byte in 256 is a NUL there).
        if (head.Length == 0) return false;
        return control * 10 > head.Length || nul * 100 > head.Length || (nul > 0 && !IsUtf8(head));
    }

    /// <summary>True when <paramref name="head"/> is UTF-8 (ASCII included), allowing a character cut at its end.</summary>
    private static bool IsUtf8(ReadOnlySpan<byte> head)
    {
        for (var cut = 0; cut < 4 && cut < head.Length; cut++)
            if (System.Text.Unicode.Utf8.IsValid(head[..^cut])) return true;
        return false;
    }
}
