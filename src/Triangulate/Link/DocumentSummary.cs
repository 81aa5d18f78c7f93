using Triangulate.Model;

namespace Triangulate.Link;

/// <summary>
/// What the linking stages keep of a document while streaming the corpus: ids, normalised outlet keys, language,
/// publication interval and the outlets credited with the whole document. A few hundred bytes, never the text.
/// </summary>
internal sealed record DocumentSummary(string Id, string? Outlet, string? Origin, string Language, DateRangeDays? Published, IReadOnlySet<string> CreditedOutlets)
{
    /// <summary>Summarises a document and its analysis.</summary>
    public static DocumentSummary Of(Document document, DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(analysis);
        var outlet = document.Outlet is { Length: > 0 } o ? LinkText.OutletKey(o) : null;
        var origin = document.Origin is { Length: > 0 } g ? LinkText.OutletKey(g) : null;
        // The whole document is credited to its origin line and to citations marked as credits; a citation of one
        // statement ("told an agency") is not a credit for the document.
        var credited = new HashSet<string>(StringComparer.Ordinal);
        if (origin is { Length: > 0 }) credited.Add(origin);
        foreach (var citation in analysis.Citations)
            if (citation.Credit && LinkText.OutletKey(citation.Outlet) is { Length: > 0 } key) credited.Add(key);
        DateRangeDays? published = document.Published is { } p ? new DateRangeDays(p.Earliest.Earliest, p.Latest.Latest) : null;
        return new DocumentSummary(document.Id, string.IsNullOrEmpty(outlet) ? null : outlet, string.IsNullOrEmpty(origin) ? null : origin,
            document.Language, published, credited);
    }
}
