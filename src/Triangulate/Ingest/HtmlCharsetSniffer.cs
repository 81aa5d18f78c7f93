using System.Text;

namespace Triangulate.Ingest;

/// <summary>
/// Finds the charset a page declares in its first bytes (<c>&lt;meta charset&gt;</c> or
/// <c>http-equiv="Content-Type" content="...; charset=..."</c>), as the WHATWG encoding prescan does: a byte scan of the
/// head, before any decoding.
/// </summary>
internal static class HtmlCharsetSniffer
{
    /// <summary>The declared charset label, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        var offset = 0;
        while (offset < head.Length)
        {
            var meta = IndexOfIgnoreCase(head[offset..], "<meta"u8);
            if (meta < 0) return null;
            var start = offset + meta + 5;
            var end = head[start..].IndexOf((byte)'>');
            var tag = end < 0 ? head[start..] : head.Slice(start, end);
            var label = CharsetIn(tag);
            if (label is not null) return label;
            offset = end < 0 ? head.Length : start + end;
        }
        return null;
    }

    private static string? CharsetIn(ReadOnlySpan<byte> tag)
    {
        var at = IndexOfIgnoreCase(tag, "charset"u8);
        if (at < 0) return null;
        var i = at + 7;
        while (i < tag.Length && tag[i] is (byte)' ' or (byte)'\t') i++;
        if (i >= tag.Length || tag[i] != '=') return null;
        i++;
        while (i < tag.Length && tag[i] is (byte)' ' or (byte)'\t' or (byte)'"' or (byte)'\'') i++;
        var start = i;
        while (i < tag.Length && tag[i] is not ((byte)' ' or (byte)'\t' or (byte)'"' or (byte)'\'' or (byte)';' or (byte)'/')) i++;
        return i > start ? Encoding.ASCII.GetString(tag[start..i]) : null;
    }

    /// <summary>Position of an ASCII <paramref name="needle"/> in <paramref name="haystack"/>, ignoring ASCII case; -1 when absent.</summary>
    public static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
            if (System.Text.Ascii.EqualsIgnoreCase(haystack.Slice(i, needle.Length), needle)) return i;
        return -1;
    }
}
