using Triangulate.Ingest;
using Triangulate.Link.Provenance;
using Triangulate.Model;

namespace Triangulate.Link;

/// <summary>
/// What the linking stages keep of a document while streaming the corpus: ids, normalised outlet keys, language,
/// publication interval and the outlets credited with the whole document. A few hundred bytes, never the text.
/// </summary>
/// <param name="Id">The document.</param>
/// <param name="Outlet">Its outlet's key, null when unknown.</param>
/// <param name="Origin">The key of the outlet its text comes from (its credit or dateline), null when none is named.</param>
/// <param name="Language">Its language (ISO 639-1, "und" when unknown).</param>
/// <param name="Published">
/// The day the page was published, for ordering it against the pages it copied or that copied it: the document's own
/// date, else the day in its address ("/2024/09/10/slug": the day its outlet filed it), else a lower bound alone
/// (<see cref="DateRangeDays.OpenEnded"/>) from the headlines of earlier articles that it names (<see cref="Provenance.HeadlineDays"/>).
/// </param>
/// <param name="CreditedOutlets">The outlets credited with the whole document (its origin, credit lines).</param>
/// <param name="Undated">The page states no publication date of its own (record, markup or text); its address may still give <paramref name="Published"/>.</param>
internal sealed record DocumentSummary(string Id, string? Outlet, string? Origin, string Language, DateRangeDays? Published, IReadOnlySet<string> CreditedOutlets, bool Undated)
{
    private static readonly HashSet<string> NoCredits = new(StringComparer.Ordinal);

    /// <summary>
    /// Summarises a document and its analysis; <paramref name="strings"/> shares repeated outlet keys and languages;
    /// <paramref name="headlines"/>, when given, bounds the day of a page that has none from the headlines it names.
    /// </summary>
    public static DocumentSummary Of(Document document, DocumentAnalysis analysis, Dictionary<string, string>? strings = null, HeadlineDays? headlines = null)
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
        // A page that states no date (a scraper's or an aggregator's, most often) may still carry its day in its
        // address, as news URLs often do: the HTML reader already dates a page by it; a text record's is read here,
        // for ordering only. Without it, two copies of one text have nothing to order them but their length (generated
        // 2k: 72 of 173 undated pages have a day in their address; of 618 derived pages with one, 1 has it before its
        // source's day).
        var own = document.Published is { } p ? new DateRangeDays(p.Earliest.Earliest, p.Latest.Latest) : (DateRangeDays?)null;
        var published = own ?? (DateText.InUrl(document.Source) is { } day ? new DateRangeDays(day.Earliest, day.Latest) : null);
        // A page with neither still names, in its teasers and "More from" lists, articles that were out before it: a
        // lower bound that orders it after a page it copied, when that page is of an earlier day than the latest
        // article it names (generated 2k: 50 of the 102 such pages name a headline seen before them; 3 of 89 gold
        // edges from such a page to a dated source get a bound after the source's day). Only the linking reads it.
        if (published is null && headlines?.NamedAfter(document.Text, document.Title) is { } after) published = DateRangeDays.From(after);
        return new DocumentSummary(document.Id, string.IsNullOrEmpty(outlet) ? null : outlet, string.IsNullOrEmpty(origin) ? null : origin,
            Share(document.Language, strings), published, credited, own is null);
    }

    private static string Share(string value, Dictionary<string, string>? strings)
    {
        if (strings is null) return value;
        if (strings.TryGetValue(value, out var shared)) return shared;
        strings[value] = value;
        return value;
    }
}
