namespace Triangulate.Report;

/// <summary>
/// How wide a label is drawn, in pixels, in a sans-serif font of a given size: per-character advance widths of
/// common sans faces (Helvetica/Arial/DejaVu Sans metrics rounded up, so an estimate is never short), used to place
/// and wrap SVG text so that nothing is clipped at a drawing's edge.
/// </summary>
public static class TextWidth
{
    /// <summary>The width of <paramref name="text"/> at <paramref name="size"/> px.</summary>
    public static double Of(string text, double size = 12)
    {
        ArgumentNullException.ThrowIfNull(text);
        var em = 0.0;
        foreach (var c in text) em += Advance(c);
        return em * size;
    }

    /// <summary>
    /// <paramref name="text"/> broken at spaces into at most <paramref name="lines"/> lines of at most <paramref name="width"/> px;
    /// the last line ends with "…" when text is left over.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double width, int lines, double size = 12)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<string>();
        var words = new Queue<string>(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        while (words.Count > 0 && result.Count < lines)
        {
            var line = words.Dequeue();
            if (Of(line, size) > width && line.Length > 1) line = line[..Math.Max(1, Fitting(line, 0, width, size))]; // one word longer than the line
            // The line's width is carried as words join it (the sums Of would make of the joined text, in its order).
            var em = Of(line, 1);
            while (words.Count > 0)
            {
                var joined = em + Advance(' ');
                foreach (var c in words.Peek()) joined += Advance(c);
                if (joined * size > width) break;
                line += " " + words.Dequeue();
                em = joined;
            }
            result.Add(line);
        }
        if (words.Count > 0 && result.Count > 0) result[^1] = Fit(result[^1] + "…", width, size);
        return result;
    }

    /// <summary><paramref name="text"/> cut (with "…") to at most <paramref name="width"/> px.</summary>
    public static string Fit(string text, double width, double size = 12)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Of(text, size) <= width) return text;
        var cut = text.TrimEnd('…');
        return cut[..Fitting(cut, Advance('…'), width, size)].TrimEnd() + "…";
    }

    /// <summary>
    /// The longest prefix of <paramref name="text"/> that, followed by characters of <paramref name="tail"/> em, is at most
    /// <paramref name="width"/> px: one pass (widths only grow with length), the same sums in the same order as measuring
    /// each shorter prefix with <see cref="Of"/>, which made a long label cut to a short one quadratic.
    /// </summary>
    private static int Fitting(string text, double tail, double width, double size)
    {
        var em = 0.0;
        var length = 0;
        while (length < text.Length && (em + Advance(text[length]) + tail) * size <= width) em += Advance(text[length++]);
        return length;
    }

    private static double Advance(char c) => c switch
    {
        'i' or 'j' or 'l' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' => 0.3,
        ' ' or 'f' or 't' or 'r' or 'I' or '(' or ')' or '[' or ']' or '-' => 0.38,
        'm' or 'w' or 'M' or 'W' or '@' or '%' => 0.95,
        >= 'A' and <= 'Z' => 0.75,
        >= '0' and <= '9' => 0.62,
        >= 'a' and <= 'z' => 0.6,
        '…' or '—' => 1.0,
        _ => char.IsLetter(c) ? 0.7 : 0.65,
    };
}
