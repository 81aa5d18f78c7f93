using System.Buffers;

namespace Triangulate.Ingest;

/// <summary>
/// Makes control characters harmless in text that is otherwise text: a stray NUL or BEL in a page, or a <c>\u0000</c>
/// escape in a JSON string, is replaced by a space (one for one, so spans keep their offsets) and counted, so the reader
/// can say so in a problem line while the document is still analysed. These are the C0 controls, which XML, C strings
/// and terminals do not take as text; tab, line feed, carriage return and form feed are white space the segmenter reads
/// and stay. DEL and the C1 controls (U+0080–U+009F, often a legacy page's curly quotes misdeclared as UTF-8) harm no
/// output and stay as read. Whether bytes are text at all is <see cref="BinaryContent"/>'s question.
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<char> Harmful = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r' or '\f'))]);

    /// <summary><paramref name="text"/> with every harmful control character replaced by a space; <paramref name="replaced"/> counts them.</summary>
    public static string Replace(string text, out int replaced)
    {
        ArgumentNullException.ThrowIfNull(text);
        replaced = 0;
        var first = text.AsSpan().IndexOfAny(Harmful);
        if (first < 0) return text;
        var chars = text.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (!Harmful.Contains(chars[i])) continue;
            chars[i] = ' ';
            replaced++;
        }
        return new string(chars);
    }

    /// <summary>The problem line's words for <paramref name="replaced"/> control characters.</summary>
    public static string Note(int replaced) =>
        replaced == 1 ? "1 control character replaced by a space" : $"{replaced} control characters replaced by spaces";
}
