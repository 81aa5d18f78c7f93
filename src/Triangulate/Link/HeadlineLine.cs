namespace Triangulate.Link;

/// <summary>
/// How a line of a page names another article's headline: the line itself, or what follows a short label and a colon
/// ("READ MORE: …", "See also: …", "À lire aussi : …"). Read alike by the provenance stage (the days of the headlines an
/// undated page names, <see cref="Provenance.HeadlineDays"/>) and by claim matching (a claim said only in such a line
/// is the named article's, <see cref="Reconcile.TeaserLines"/>).
/// </summary>
internal static class HeadlineLine
{
    /// <summary>Shortest text read as a headline: a heading every page has ("Latest news", "Related") names no article.</summary>
    public const int MinLength = 20;

    /// <summary>Longest label before the colon that opens a teaser line.</summary>
    public const int MaxLabel = 30;

    /// <summary>What follows a label of at most <see cref="MaxLabel"/> characters and its colon, trimmed; empty when the line opens with none.</summary>
    public static ReadOnlySpan<char> AfterLabel(ReadOnlySpan<char> line)
    {
        var colon = line.IndexOf(':');
        return colon > 0 && colon <= MaxLabel ? line[(colon + 1)..].Trim() : [];
    }
}
