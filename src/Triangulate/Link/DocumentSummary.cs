using Triangulate.Model;

namespace Triangulate.Link;

/// <summary>
/// What the linking stages keep of a document while streaming the corpus: ids, normalised outlet keys, language,
/// publication interval and the outlets credited with the whole document. A few hundred bytes, never the text.
/// </summary>
internal sealed record DocumentSummary(string Id, string? Outlet, string? Origin, string Language, DateRangeDays? Published, IReadOnlySet<string> CreditedOutlets)
{
    private static readonly HashSet<string> NoCredits = new(StringComparer.Ordinal);

    /// <summary>Summarises a document and its analysis; <paramref name="strings"/> shares repeated outlet keys and languages.</summary>
    public static DocumentSummary Of(Document document, DocumentAnalysis analysis, Dictionary<string, string>? strings = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(analysis);
        var outlet = document.Outlet is { Length: > 0 } o ? Share(LinkText.OutletKey(o), strings) : null;
        var origin = document.Origin is { Length: > 0 } g ? Share(LinkText.OutletKey(g), strings) : null;
        // The whole document is credited to its origin line and to citations marked as credits; a citation of one
        // statement ("told an agency") is not a credit for the document. Most documents credit nobody: one shared empty set.
        var credited = NoCredits;
        if (origin is { Length: > 0 }) credited = new HashSet<string>(StringComparer.Ordinal) { origin };
        foreach (var citation in analysis.Citations)
        {
            if (!citation.Credit || LinkText.OutletKey(citation.Outlet) is not { Length: > 0 } key) continue;
            if (ReferenceEquals(credited, NoCredits)) credited = new HashSet<string>(StringComparer.Ordinal);
            credited.Add(Share(key, strings));
        }
        DateRangeDays? published = document.Published is { } p ? new DateRangeDays(p.Earliest.Earliest, p.Latest.Latest) : null;
        return new DocumentSummary(document.Id, string.IsNullOrEmpty(outlet) ? null : outlet, string.IsNullOrEmpty(origin) ? null : origin,
            Share(document.Language, strings), published, credited);
    }

    private static string Share(string value, Dictionary<string, string>? strings)
    {
        if (strings is null) return value;
        if (strings.TryGetValue(value, out var shared)) return shared;
        strings[value] = value;
        return value;
    }
}
