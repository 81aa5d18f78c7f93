namespace Triangulate.Ingest;

/// <summary>Tells text from binary by the first bytes, as file(1) and git do: a NUL byte, or many control bytes, means binary.</summary>
public static class BinaryContent
{
    /// <summary>How many leading bytes are inspected.</summary>
    public const int SniffLength = 8192;

    /// <summary>True when <paramref name="head"/> looks like binary data rather than text in any encoding.</summary>
    public static bool Looks(ReadOnlySpan<byte> head)
    {
        // UTF-16 text has NULs; its BOM says so.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return false;
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)) control++;
        }
        // More than 1 in 10 control bytes is not text (git's heuristic is stricter; news text has none).
        return head.Length > 0 && control * 10 > head.Length;
    }
}
