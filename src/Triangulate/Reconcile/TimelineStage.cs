using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// The story in date order: every dated claim becomes an entry with its documents; entries on the same dates that say
/// the same (most content words shared) merge, so an event reported by five outlets is one line with five sources.
/// </summary>
public sealed class TimelineStage : ICorpusStage
{
    /// <inheritdoc />
    public string Name => "timeline";

    /// <inheritdoc />
    public void Run(CorpusContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = new List<(PartialDate Start, PartialDate End, string Text, string[] Words, SortedSet<string> Claims, SortedSet<string> Documents)>();
        // Entries are keyed by their dates, so merging compares only entries of the same dates.
        var byDates = new Dictionary<(PartialDate, PartialDate), List<int>>();
        var claims = new List<Claim>(context.Claims);
        claims.Sort(static (x, y) => string.CompareOrdinal(x.Id, y.Id));
        foreach (var claim in claims)
        {
            if (claim.Time is not { } time || (time.Start ?? time.End) is not { } start) continue;
            var end = time.End ?? start;
            var words = ContentWords.Of(claim.Text);
            if (!byDates.TryGetValue((start, end), out var list)) byDates[(start, end)] = list = [];
            var merged = false;
            foreach (var i in list)
            {
                if (ContentWords.Jaccard(entries[i].Words, words) < ClaimMatcher.SameText) continue;
                entries[i].Claims.Add(claim.Id);
                foreach (var source in claim.Sources) entries[i].Documents.Add(source);
                merged = true;
                break;
            }
            if (merged) continue;
            list.Add(entries.Count);
            entries.Add((start, end, claim.Text, words, new SortedSet<string>(StringComparer.Ordinal) { claim.Id }, new SortedSet<string>(claim.Sources, StringComparer.Ordinal)));
        }
        entries.Sort(static (x, y) =>
        {
            var c = x.Start.CompareTo(y.Start);
            if (c == 0) c = x.End.CompareTo(y.End);
            return c != 0 ? c : string.CompareOrdinal(x.Text, y.Text);
        });
        foreach (var e in entries)
            context.Timeline.Add(new TimelineEntry { Start = e.Start, End = e.End, Text = e.Text, Claims = [.. e.Claims], Documents = [.. e.Documents] });
    }
}
