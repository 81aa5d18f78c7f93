using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Caps on a document's metadata fields, whatever reader or extractor gave them: a record's 200,000-character "title" or
/// a page's byline of 20,000 names is no headline or byline, and every report, table and web page that shows the field
/// would carry all of it. A longer field is cut at a word boundary and ends with "…". Headlines run under 200 characters,
/// outlet and author names under 60.
/// </summary>
public static class MetadataLengths
{
    /// <summary>Longest title kept, in characters.</summary>
    public const int Title = 500;

    /// <summary>Longest outlet, origin, dateline or author name kept, in characters.</summary>
    public const int Name = 200;

    /// <summary>Most authors kept.</summary>
    public const int Authors = 50;

    /// <summary><paramref name="document"/> with every metadata field within its cap.</summary>
    public static Document Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Fits(document.Title, Title) && Fits(document.Outlet, Name) && Fits(document.Origin, Name) && Fits(document.Dateline, Name)
            && document.Authors.Count <= Authors && document.Authors.All(a => Fits(a, Name)))
            return document;
        return document with
        {
            Title = Cut(document.Title, Title),
            Outlet = Cut(document.Outlet, Name),
            Origin = Cut(document.Origin, Name),
            Dateline = Cut(document.Dateline, Name),
            Authors = [.. document.Authors.Take(Authors).Select(a => Cut(a, Name)!)],
        };
    }

    private static bool Fits(string? value, int max) => value is null || value.Length <= max;

    /// <summary><paramref name="value"/> cut to at most <paramref name="max"/> characters, at the last white space in its second half when there is one, with "…".</summary>
    internal static string? Cut(string? value, int max)
    {
        if (Fits(value, max)) return value;
        var end = max - 1;
        if (char.IsLowSurrogate(value![end])) end--;
        var space = value.AsSpan(0, end).LastIndexOfAny(' ', '\t', '\n');
        if (space > max / 2) end = space;
        return string.Concat(value.AsSpan(0, end).TrimEnd(), "…");
    }
}
