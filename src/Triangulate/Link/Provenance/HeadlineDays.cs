namespace Triangulate.Link.Provenance;

/// <summary>
/// The earliest day each headline was seen on a page that states its day (or carries it in its address), kept between
/// runs (space 6 of the <see cref="LinkState"/>), and the lower bound it gives an undated page that names headlines:
/// a teaser ("READ MORE: …", "See also: …") or a "More from" / "Latest news" list links articles that were out before
/// the page was, so the page appeared on or after the day the latest of them first appeared. Of the pages of one
/// headline the earliest seen counts (a partner's copy may carry the headline later), so the bound never passes the
/// named article's own day, as long as the named article came in before the page (the corpus read in arrival order).
/// </summary>
internal sealed class HeadlineDays(LinkState state)
{
    public const int Space = 6;

    /// <summary>
    /// Fewest words of a line read as a headline: with its characters (<see cref="HeadlineLine.MinLength"/>) they keep a
    /// heading that every page has ("Latest news", "Related") from naming one article.
    /// </summary>
    private const int MinWords = 4;

    private readonly LinkSpace<int> _days = state.Space(Space, LinkCodec.EncodeInt, LinkCodec.DecodeInt);

    /// <summary>Remembers the page's headline with its day, when it has both and the day is earlier than any seen for it.</summary>
    public void Add(string? title, DateRangeDays? published)
    {
        if (published is not { } day || day.OpenEnded || Key(title) is not { } key) return;
        if (_days.TryGet(key, out var seen) && seen <= day.Earliest.DayNumber) return;
        _days.Set(key, day.Earliest.DayNumber);
    }

    /// <summary>
    /// Loads in one read the days kept for these pages' headlines (a page's own headline is looked up when it is added):
    /// what <see cref="Add"/> then asks for is in memory, whatever it sets in between.
    /// </summary>
    public void Prefetch(IEnumerable<string?> titles)
    {
        var keys = new List<long>();
        foreach (var title in titles)
            if (Key(title) is { } key) keys.Add(key);
        _days.Prefetch(keys);
    }

    /// <summary>
    /// The latest of the first days of the headlines <paramref name="text"/> names on lines of their own, whole or after
    /// a short label and a colon; the page's own <paramref name="title"/> is not one. Null when it names none seen.
    /// </summary>
    public DateOnly? NamedAfter(string text, string? title)
    {
        var own = Key(title);
        var keys = new List<long>();
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (Key(line) is { } whole && whole != own) keys.Add(whole);
            if (Key(HeadlineLine.AfterLabel(line)) is { } teased && teased != own) keys.Add(teased);
        }
        if (keys.Count == 0) return null;
        _days.Prefetch(keys);
        int? latest = null;
        foreach (var key in keys)
            if (_days.TryGet(key, out var day) && (latest is null || day > latest)) latest = day;
        return latest is { } d ? DateOnly.FromDayNumber(d) : null;
    }

    private static long? Key(string? headline) => headline is null ? null : Key(headline.AsSpan().Trim());

    private static long? Key(ReadOnlySpan<char> headline)
    {
        if (headline.Length < HeadlineLine.MinLength) return null;
        var words = 1;
        foreach (var c in headline)
            if (c == ' ') words++;
        return words < MinWords ? null : (long)(LinkText.Hash(headline) & long.MaxValue);
    }
}
