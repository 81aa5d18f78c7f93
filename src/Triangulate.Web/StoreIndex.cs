using System.Diagnostics;
using Triangulate.Model;
using Triangulate.Report;
using Triangulate.Store;

namespace Triangulate.Web;

/// <summary>
/// The store-wide lists (stories, documents in no story, entities by mentions) kept in memory between requests, so the
/// home and entities pages never read the whole store per request. Each story's part is kept under the fingerprint its
/// findings were made from and read again only when that changes: a relink that touched one story costs one story.
/// Readers get the last snapshot at once; it is checked against the store (fingerprints and document count, a cheap
/// read) at most once a <see cref="CheckEvery"/>, in the background, so a writer outside this process (a command-line
/// <c>analyze</c>) shows within about that; an upload here refreshes it before its job is reported done.
/// </summary>
internal sealed class StoreIndex(IStore store)
{
    /// <summary>How long a snapshot is served before the store is looked at again.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _refresh = new();
    private Dictionary<string, (string Fingerprint, StoryRow Row, IReadOnlyList<EntityTally> Entities)> _parts = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string> _fingerprints = new Dictionary<string, string>();
    private int _documentCount = -1;
    private StoreSnapshot? _snapshot;
    private long _checkedAt;
    private int _checking;

    /// <summary>The latest snapshot; the first call reads the store, later ones start a background check when it is due.</summary>
    public StoreSnapshot Current()
    {
        if (Volatile.Read(ref _snapshot) is not { } snapshot)
        {
            lock (_refresh)
            {
                if (_snapshot is null) RefreshLocked();
                return _snapshot!;
            }
        }
        if (Stopwatch.GetElapsedTime(Volatile.Read(ref _checkedAt)) >= CheckEvery && Interlocked.CompareExchange(ref _checking, 1, 0) == 0)
            _ = Task.Run(() =>
            {
                try
                {
                    Refresh();
                }
#pragma warning disable CA1031 // A failed check leaves the last snapshot served; the next request tries again.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
                finally
                {
                    Volatile.Write(ref _checking, 0);
                }
            });
        return snapshot;
    }

    /// <summary>Brings the snapshot up to date with the store now (after an upload's relink).</summary>
    public void Refresh()
    {
        lock (_refresh) RefreshLocked();
    }

    private void RefreshLocked()
    {
        var fingerprints = store.ReadStoryFingerprints();
        var documentCount = store.DocumentCount;
        // A story whose stage failed has no fingerprint (it is redone on every relink), so it is never taken as unchanged.
        var unchanged = _snapshot is not null && documentCount == _documentCount && fingerprints.Count == _fingerprints.Count
            && fingerprints.All(f => f.Value.Length > 0 && _fingerprints.TryGetValue(f.Key, out var old) && old == f.Value);
        if (!unchanged) Rebuild(fingerprints, documentCount);
        Volatile.Write(ref _checkedAt, Stopwatch.GetTimestamp());
    }

    private void Rebuild(IReadOnlyDictionary<string, string> fingerprints, int documentCount)
    {
        var parts = new Dictionary<string, (string Fingerprint, StoryRow Row, IReadOnlyList<EntityTally> Entities)>(StringComparer.Ordinal);
        var rows = new List<StoryRow>();
        foreach (var story in store.ReadStories())
        {
            var fingerprint = fingerprints.GetValueOrDefault(story.Id, "");
            if (fingerprint.Length == 0 || !_parts.TryGetValue(story.Id, out var part) || part.Fingerprint != fingerprint)
            {
                if (store.LoadStory(story.Id) is not { } findings) continue;
                part = (fingerprint, Row(StoryView.Of(store, findings)), Tally(findings));
            }
            parts[story.Id] = part;
            rows.Add(part.Row);
        }
        var unstoried = store.ReadDocumentsInNoStory().Select(d => (d.Id, Evidence.Label(d))).ToList();
        _parts = parts;
        _fingerprints = fingerprints;
        _documentCount = documentCount;
        var first = _snapshot is null;
        Volatile.Write(ref _snapshot, Snapshot(rows, unstoried, parts.Values.SelectMany(p => p.Entities)));
        // The first build read every story once: what it let go is returned to the system now, not held as free heap.
        if (first) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static StoryRow Row(StoryView view)
    {
        var d = view.Digest;
        return new StoryRow(d.Story, d.Documents.Count, d.Outlets.Count, d.IndependentSources, d.Claims.Count, d.First, d.Last);
    }

    /// <summary>The story's entities with their counts in it; a quote counts for the entity it resolves to within the story.</summary>
    private static List<EntityTally> Tally(StoryFindings findings)
    {
        var names = new EntityNames(findings.Entities);
        var quotes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var q in findings.Quotes)
            if (names.Find(q.Speaker, q.Variants.Count > 0 ? q.Variants[0].Span.Document : null) is { } speaker)
                quotes[speaker.Id] = quotes.GetValueOrDefault(speaker.Id) + 1;
        return [.. findings.Entities.Select(e => new EntityTally(e.Id, e.Name, e.Type, e.Aliases, e.Mentions.Count,
            e.Mentions.Select(m => m.Document).Distinct(StringComparer.Ordinal).Count(), quotes.GetValueOrDefault(e.Id)))];
    }

    /// <summary>
    /// The snapshot, its entities ranked: every story entity id once, its stories' tallies summed, then the ids the corpus
    /// index finds to be one identity ("GM" in one story, "General Motors" in another) summed under it, named by it.
    /// </summary>
    private static StoreSnapshot Snapshot(List<StoryRow> rows, List<(string Id, string Label)> unstoried, IEnumerable<EntityTally> tallies)
    {
        var byId = Sum(tallies, t => t.Id);
        var entities = byId.Values.Select(t => new Entity { Id = t.Id, Name = t.Name, Type = t.Type, Aliases = t.Aliases, Mentions = [] }).ToList();
        var identities = Extract.Entities.EntityIndex.Identities(entities, e => byId[e.Id].Mentions);
        // The identity's own tally first, so the sum keeps its name and type.
        var ranked = Sum(byId.Values.OrderByDescending(t => identities[t.Id] == t.Id), t => identities[t.Id]).Values;
        return new StoreSnapshot(rows, unstoried,
            [.. ranked.OrderByDescending(e => e.Mentions).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Id, StringComparer.Ordinal)],
            identities.Where(p => p.Key != p.Value).ToDictionary(StringComparer.Ordinal));
    }

    /// <summary>Tallies summed under <paramref name="key"/>: spellings joined (ignoring case), counts added, the first tally's id, name and type kept.</summary>
    private static Dictionary<string, EntityTally> Sum(IEnumerable<EntityTally> tallies, Func<EntityTally, string> key)
    {
        var sums = new Dictionary<string, EntityTally>(StringComparer.Ordinal);
        foreach (var t in tallies)
        {
            var k = key(t);
            sums[k] = sums.TryGetValue(k, out var sum)
                ? sum with
                {
                    Aliases = [.. sum.Aliases.Concat(t.Id == sum.Id ? [] : [t.Name]).Concat(t.Aliases).Where(a => !string.Equals(a, sum.Name, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase)],
                    Mentions = sum.Mentions + t.Mentions,
                    Documents = sum.Documents + t.Documents,
                    Quotes = sum.Quotes + t.Quotes,
                }
                : t;
        }
        return sums;
    }
}
