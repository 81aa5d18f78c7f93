using System.Globalization;
using System.Text;
using System.Text.Json;
using Triangulate.Link.Stories;
using Triangulate.Model;

namespace Triangulate.Link.Evaluation;

/// <summary>
/// What <c>eval stories --dump-stories FILE</c> writes: for every found story of the look part that mixes gold events,
/// its gold-event mix, and the placements that brought a second gold event into one of the clusterer's stories (the
/// first of them in full: the document, the story it joined, cosine against the similarity needed, the gap in days,
/// the story's size, and the shared features that carried the cosine, by name). The held part is never written.
/// </summary>
public sealed class StoryErrorDump
{
    private readonly List<StoryPlacement> _placements = [];

    private StoryErrorDump()
    {
    }

    /// <summary>A dump recording the placements of <paramref name="builder"/>'s story clusterer (replaced by a recording one of the same settings).</summary>
    public static StoryErrorDump Record(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dump = new StoryErrorDump();
        var at = builder.CorpusStages.FindIndex(s => s is StoryClusterer);
        if (at >= 0)
        {
            var c = (StoryClusterer)builder.CorpusStages[at];
            builder.CorpusStages[at] = c.Observed(placed: dump._placements.Add);
        }
        return dump;
    }

    /// <summary>Writes the look part's mixed stories to <paramref name="path"/> (see the class summary); <paramref name="goldPath"/> gives the events' kinds, places and days where it has them.</summary>
    public void Write(string path, ICorpusReader corpus, CorpusResult result, StoryGold gold, string goldPath)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(gold);
        var inv = CultureInfo.InvariantCulture;
        var events = EventsOf(goldPath);
        var goldOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<ulong, string>();
        var look = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (document, analysis) in corpus.ReadAnalyses())
        {
            if (!gold.Stories.TryGetValue(document.Source, out var story)) continue;
            goldOf[document.Id] = story;
            if (!gold.IsHeld(document.Source)) look.Add(document.Id);
            NameTerms(document, analysis, names);
        }
        string Name(ulong feature) => names.TryGetValue(feature, out var n) ? n : feature.ToString("x", inv);
        string Event(string story) => events.TryGetValue(story, out var e) ? story + " " + e : story;

        // Replays the clusterer: each of its stories' gold events as documents joined; a join bringing a new event is a cross join.
        var eventsIn = new Dictionary<int, Dictionary<string, int>>();
        var cross = new Dictionary<string, List<StoryPlacement>>(StringComparer.Ordinal);
        var before = new Dictionary<StoryPlacement, List<string>>(ReferenceEqualityComparer.Instance);
        var clusterOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in _placements)
        {
            if (clusterOf.TryGetValue(p.Document, out var was) && eventsIn.TryGetValue(was, out var old) && goldOf.TryGetValue(p.Document, out var g0))
                if (--old[g0] == 0) old.Remove(g0);
            clusterOf[p.Document] = p.Story;
            if (!goldOf.TryGetValue(p.Document, out var g)) continue;
            if (!eventsIn.TryGetValue(p.Story, out var set)) eventsIn[p.Story] = set = [];
            before[p] = [.. set.OrderByDescending(e => e.Value).Take(3).Select(e => $"{e.Value}x{Event(e.Key)}")];
            if (set.Count > 0 && !set.ContainsKey(g))
            {
                if (!cross.TryGetValue(p.Document, out var list)) cross[p.Document] = list = [];
                list.Add(p);
            }
            set[g] = set.GetValueOrDefault(g) + 1;
        }

        var text = new StringBuilder();
        // Every word join of the look part, cross or not, by its mean cosine with the story's members (cosine × cohesion).
        var wordJoins = _placements.Where(p => p.How == StoryPlacement.Words && look.Contains(p.Document)).ToList();
        var crossSet = cross.Values.SelectMany(l => l).ToHashSet();
        double[] meanEdges = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4];
        text.Append(inv, $"look word joins within one event by cosine x cohesion: {Histogram(wordJoins.Where(p => !crossSet.Contains(p)).Select(p => p.Cosine * p.Cohesion), meanEdges)}\n");
        text.Append(inv, $"look word joins bringing a new event, same: {Histogram(wordJoins.Where(crossSet.Contains).Select(p => p.Cosine * p.Cohesion), meanEdges)}\n");
        var raw = new StringBuilder("document\tcross\tcosine\trequired\tcoverage\ttop\tsize\tcohesion\tgap\tshared\twordshare\tshareddays\tnewdays\tsince\twordcoverage\tdayshare\ttopshare\tanchorcoverage\tnumbercoverage\trestcoverage\trestanchors\ttopkind\tevent\tstoryevents\n");
        foreach (var p in wordJoins)
            raw.Append(inv, $"{p.Document}\t{(crossSet.Contains(p) ? 1 : 0)}\t{p.Cosine:F4}\t{p.Required:F4}\t{p.Coverage:F4}\t{p.TopShared}\t{p.Size}\t{p.Cohesion:F4}\t{p.Gap}\t{p.Shared}\t{p.WordShare:F4}\t{p.SharedDays}\t{p.NewDays}\t{p.Since}\t{p.WordCoverage:F4}\t{p.DayShare:F4}\t{p.TopShare:F4}\t{p.AnchorCoverage:F4}\t{p.NumberCoverage:F4}\t{p.RestCoverage:F4}\t{p.RestAnchors:F4}\t{p.TopKind}\t{Event(goldOf.GetValueOrDefault(p.Document, "?"))}\t{string.Join(";", before.GetValueOrDefault(p) ?? [])}\n");
        File.WriteAllText(path + ".joins.tsv", raw.ToString());
        // Every placement of a look document in order, and every found story's look documents, so each way a second gold
        // event enters a found story (a join by words, a derivation followed, a family moved) can be counted.
        var order = new StringBuilder("document\tcluster\thow\tgap\tcosine\trequired\tevent\n");
        foreach (var p in _placements.Where(p => look.Contains(p.Document)))
            order.Append(inv, $"{p.Document}\t{p.Story}\t{p.How}\t{p.Gap}\t{p.Cosine:F4}\t{p.Required:F4}\t{goldOf.GetValueOrDefault(p.Document, "?")}\n");
        File.WriteAllText(path + ".placements.tsv", order.ToString());
        var found = new StringBuilder();
        foreach (var s in result.Stories)
            foreach (var d in s.Documents.Where(look.Contains)) found.Append(inv, $"{s.Id}\t{d}\t{goldOf[d]}\t{(corpus.FindDocument(d)?.Published is null ? 0 : 1)}\n");
        File.WriteAllText(path + ".found.tsv", found.ToString());
        double[] coverEdges = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
        text.Append(inv, $"look word joins within one event by coverage: {Histogram(wordJoins.Where(p => !crossSet.Contains(p)).Select(p => p.Coverage), coverEdges)}\n");
        text.Append(inv, $"look word joins bringing a new event, same: {Histogram(wordJoins.Where(crossSet.Contains).Select(p => p.Coverage), coverEdges)}\n");
        double[] topEdges = [0.5, 1.5, 2.5, 3.5];
        text.Append(inv, $"look word joins within one event by top-4 shared: {Histogram(wordJoins.Where(p => !crossSet.Contains(p)).Select(p => (double)p.TopShared), topEdges)}\n");
        text.Append(inv, $"look word joins bringing a new event, same: {Histogram(wordJoins.Where(crossSet.Contains).Select(p => (double)p.TopShared), topEdges)}\n");
        var mixed = result.Stories.Where(s => s.Documents.Count(look.Contains) * 2 > s.Documents.Count && s.Documents.Where(goldOf.ContainsKey).Select(d => goldOf[d]).Distinct().Count() > 1)
            .OrderByDescending(s => s.Documents.Count).ToList();
        var joins = mixed.SelectMany(s => s.Documents).Where(cross.ContainsKey).SelectMany(d => cross[d]).ToList();
        text.Append(inv, $"look stories mixing gold events: {mixed.Count}; cross joins in them: {joins.Count} ({string.Join(", ", joins.GroupBy(j => j.How).Select(g => g.Key + " " + g.Count()))})\n");
        text.Append(inv, $"  cross word joins by cosine/required: {Histogram(joins.Where(j => j.How == StoryPlacement.Words).Select(j => j.Cosine / j.Required), [1.0, 1.25, 1.5, 2, 3])}\n");
        text.Append(inv, $"  by gap in days: {Histogram(joins.Where(j => j.How == StoryPlacement.Words).Select(j => (double)j.Gap), [-0.5, 0.5, 3.5, 7.5, 14.5])}\n");
        text.Append(inv, $"  by story size before: {Histogram(joins.Where(j => j.How == StoryPlacement.Words).Select(j => (double)j.Size), [1.5, 3.5, 8.5, 20.5, 50.5])}\n\n");
        foreach (var story in mixed)
        {
            var mix = story.Documents.Where(goldOf.ContainsKey).GroupBy(d => goldOf[d]).OrderByDescending(g => g.Count()).ToList();
            text.Append(inv, $"STORY {story.Id} {story.Documents.Count} documents, {mix.Count} gold events: {story.Title}\n");
            foreach (var m in mix.Take(8)) text.Append(inv, $"  {m.Count(),4}  {Event(m.Key)}\n");
            if (mix.Count > 8) text.Append(inv, $"  … {mix.Count - 8} more events\n");
            foreach (var j in story.Documents.Where(cross.ContainsKey).SelectMany(d => cross[d]).Take(3))
            {
                var doc = corpus.FindDocument(j.Document);
                text.Append(inv, $"  JOIN {j.How} {j.Document} ({Event(goldOf[j.Document])}) into cluster {j.Story} of {j.Size}: cos {j.Cosine:F3} / needed {j.Required:F3}, cohesion {j.Cohesion:F3}, coverage {j.Coverage:F2}, top {j.TopShared}, shared {j.Shared}, gap {j.Gap}; {doc?.Title}\n");
                if (j.Evidence.Count > 0) text.Append(inv, $"       by {string.Join(" ", j.Evidence.Select(e => string.Create(inv, $"{Name(e.Feature)}:{e.Share:F3}")))}\n");
            }
            text.Append('\n');
        }
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>
    /// The text of the story features a document can have, by hash (the features are kept only as hashes): entity name
    /// parts, days, and every word and number of its text as a name, a plain word and a number.
    /// </summary>
    private static void NameTerms(Document document, DocumentAnalysis analysis, Dictionary<ulong, string> names)
    {
        void Add(string term) => names.TryAdd(LinkText.Hash(term), term);
        foreach (var entity in analysis.Entities)
            foreach (var part in entity.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)) Add("@" + LinkText.NameKey(part));
        foreach (var time in analysis.Times)
            if (time.Start is { Day: not null } day && time.End == day) Add("@day:" + day.ToString());
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(document.Text, @"[\p{L}\p{Nd}][\p{L}\p{Nd}.,]*"))
        {
            var word = m.Value.TrimEnd('.', ',');
            if (word.Length == 0) continue;
            if (char.IsAsciiDigit(word[0])) Add("#" + LinkText.NumberKey(word));
            else
            {
                Add(LinkText.FoldWord(word));
                Add("@" + LinkText.NameKey(word));
            }
        }
    }

    private static string Histogram(IEnumerable<double> values, double[] edges)
    {
        var counts = new int[edges.Length + 1];
        foreach (var v in values)
        {
            var i = 0;
            while (i < edges.Length && v >= edges[i]) i++;
            counts[i]++;
        }
        var parts = new List<string>();
        for (var i = 0; i <= edges.Length; i++)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? "<" + edges[0] : i == edges.Length ? "≥" + edges[^1] : edges[i - 1] + "–" + edges[i])}: {counts[i]}"));
        return string.Join(", ", parts);
    }

    /// <summary>The generator's events (kind, place, day) by story id; empty for a gold without them (ECB+).</summary>
    private static Dictionary<string, string> EventsOf(string goldPath)
    {
        var events = new Dictionary<string, string>(StringComparer.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllBytes(goldPath));
        if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Object) return events;
        foreach (var e in list.EnumerateObject())
        {
            string Get(string field) => e.Value.TryGetProperty(field, out var v) ? v.ToString() : "";
            events[e.Name] = $"[{Get("type")} {Get("place")}, {Get("country")}, {Get("date")}]";
        }
        return events;
    }
}
