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
            while (Of(line, size) > width && line.Length > 1) line = line[..^1]; // one word longer than the line
            while (words.Count > 0 && Of(line + " " + words.Peek(), size) <= width) line += " " + words.Dequeue();
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
        while (cut.Length > 0 && Of(cut + "…", size) > width) cut = cut[..^1];
        return cut.TrimEnd() + "…";
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
