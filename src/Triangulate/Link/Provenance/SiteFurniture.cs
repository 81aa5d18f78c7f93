using Triangulate.Ingest;
using Triangulate.Model;

namespace Triangulate.Link.Provenance;

/// <summary>
/// How many pages of each site carry each body line, kept between runs (space 8 of the <see cref="LinkState"/>), counted
/// in arrival order: a line that several pages of one site print word for word is the site's furniture (its newsletter
/// line, its copyright line, its "Most read" headlines of the week), which the ingest did not tell from the body, not
/// wording one report took from another. Two of a site's pages about two events share those lines and nothing else;
/// counted as aligned passages, they made the pages derived (issue 13, session 36). No list of lines is needed: the
/// site's own pages show which lines are its furniture. A report's own sentences recur on few pages: on the generated
/// 20k corpus's look part, of the body lines that 5 or more pages of one site carry, 1 of 603 lies in one gold story
/// (a quote of one fire chief on six pages), against 3 of 243 lines on 4 pages and 45 of 457 on 3.
/// </summary>
internal sealed class SiteFurniture(LinkState state)
{
    public const int Space = 8;

    /// <summary>Pages of one site that must carry a line, this one counted, for it to be furniture (see the class summary).</summary>
    public const int MinPages = 5;

    private readonly LinkSpace<int> _counts = state.Space(Space, LinkCodec.EncodeInt, LinkCodec.DecodeInt);

    /// <summary>
    /// The site a document's furniture is counted under: the web host of its address (a site's pages may name its outlet
    /// in several ways, "The X Observer" and "xobserver.com"), else its outlet's key; null when it has neither.
    /// </summary>
    public static string? SiteOf(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (SourceMetadata.WebHost(document.Source) is { } host) return "@host:" + host.ToLowerInvariant();
        return document.Outlet is { Length: > 0 } outlet && LinkText.OutletKey(outlet) is { Length: > 0 } key ? "@outlet:" + key : null;
    }

    /// <summary>Loads in one read the counts of these documents' lines.</summary>
    public void Prefetch(IEnumerable<(string? Site, TextProfile Profile)> documents)
    {
        var keys = new List<long>();
        foreach (var (site, profile) in documents)
        {
            if (site is null) continue;
            var siteKey = LinkText.Hash(site);
            foreach (var sentence in profile.Sentences) keys.Add(LineKey(siteKey, sentence.Line));
        }
        _counts.Prefetch(keys);
    }

    /// <summary>
    /// Counts the lines of the document of <paramref name="site"/> profiled as <paramref name="profile"/> and returns
    /// those that are its site's furniture now, counting it (null when none is, or when the site is unknown): what the
    /// pages up to it say, never those after.
    /// </summary>
    public HashSet<ulong>? Count(string? site, TextProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (site is null) return null;
        var siteKey = LinkText.Hash(site);
        HashSet<ulong>? furniture = null;
        var seen = new HashSet<ulong>();
        foreach (var sentence in profile.Sentences)
        {
            // A line a page prints twice counts once: pages carry it, not sentences.
            if (!seen.Add(sentence.Line)) continue;
            var key = LineKey(siteKey, sentence.Line);
            var carrying = (_counts.TryGet(key, out var before) ? before : 0) + 1;
            _counts.Set(key, carrying);
            if (carrying >= MinPages) (furniture ??= []).Add(sentence.Line);
        }
        return furniture;
    }

    /// <summary>
    /// Which sentences of <paramref name="profile"/> are in <paramref name="furniture"/> (by <see cref="ProfileSentence.Line"/>),
    /// among those the aligner reads; null when none is.
    /// </summary>
    public static bool[]? Mark(TextProfile profile, IReadOnlySet<ulong>? furniture)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (furniture is null || furniture.Count == 0) return null;
        bool[]? marked = null;
        var n = Math.Min(profile.Sentences.Count, SentenceAligner.MaxSentences);
        for (var i = 0; i < n; i++)
            if (furniture.Contains(profile.Sentences[i].Line)) (marked ??= new bool[n])[i] = true;
        return marked;
    }

    private static long LineKey(ulong site, ulong line) => (long)LinkText.Mix(site ^ LinkText.Mix(line + 0x9E3779B97F4A7C15UL));
}
