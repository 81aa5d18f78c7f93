using System.Globalization;
using System.Text;
using System.Text.Json;
using Triangulate.Link.Evaluation;
using Triangulate.Model;

namespace Triangulate.Cli;

/// <summary>
/// What <c>eval stories --dump-derivations FILE</c> writes: every derivation error of the look part against the
/// generator's gold edges, so that source choice can be studied without reading the held part. A missed gold edge
/// (<c>MISSED</c>) is written with the source we chose for its derived page, if any, and how that source stands to the
/// gold (its gold source's source, a member of its family, another family, another story); a pair we found that the
/// gold does not list (<c>FALSE</c>) with how its two pages stand to each other. Each page is shown with its date,
/// outlet and the outlets it credits (credit lines and origin).
/// </summary>
internal static class EvalDerivationsDump
{
    public static void Write(string path, string goldPath, ICorpusReader corpus, CorpusResult result, StoryGold gold, DerivationTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(result);
        var edges = ReadEdges(goldPath);
        // Gold source of each derived url, and the family (root original) of each url.
        var sourceOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to, _) in edges) sourceOf[to] = from;
        string Root(string url)
        {
            while (sourceOf.TryGetValue(url, out var up)) url = up;
            return url;
        }
        var pages = new Dictionary<string, (string Url, string Line)>(StringComparer.Ordinal);
        var idOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (document, analysis) in corpus.ReadAnalyses())
        {
            if (!gold.Stories.ContainsKey(document.Source)) continue;
            var credits = string.Join(",", analysis.Citations.Where(c => c.Credit).Select(c => c.Outlet).Distinct(StringComparer.Ordinal));
            var date = document.Published is { } p ? p.Earliest.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "undated";
            pages[document.Id] = (document.Source, $"{document.Source} [{date}; {document.Outlet ?? "no outlet"}; {document.Language}; credits {(credits.Length == 0 ? "none" : credits)}{(document.Origin is { Length: > 0 } o ? "; origin " + o : "")}]");
            idOf[document.Source] = document.Id;
        }
        var ours = new Dictionary<string, (string Source, RelationKind Kind)>(StringComparer.Ordinal);
        foreach (var relation in result.Relations)
            if (relation.Kind != RelationKind.Cites && relation.To is { } to && pages.TryGetValue(relation.From, out var f) && pages.TryGetValue(to, out var t))
                ours[f.Url] = (t.Url, relation.Kind);
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in result.Stories)
            foreach (var member in story.Documents) storyOf[member] = story.Id;
        string Traced(string derived, string source)
        {
            var (d, s) = (idOf[derived], idOf[source]);
            var together = storyOf.TryGetValue(d, out var sd) && storyOf.TryGetValue(s, out var ss) && sd == ss;
            return $"{trace.Status(d, s)}; {(together ? "one found story" : "different found stories")}";
        }
        string Line(string url) => idOf.TryGetValue(url, out var id) ? pages[id].Line : url;
        string Stand(string derived, string other)
        {
            if (gold.Stories[derived] != gold.Stories[other]) return "other story";
            if (Root(derived) != Root(other)) return "other family of the story";
            if (sourceOf.TryGetValue(derived, out var s) && sourceOf.TryGetValue(s, out var ss) && ss == other) return "gold source's source";
            if (sourceOf.TryGetValue(other, out var os) && os == derived) return "its own derived page (reversed)";
            return "same family";
        }
        var goldPairs = edges.Select(e => StoryGold.Pair(e.From, e.To)).ToHashSet();
        var text = new StringBuilder();
        foreach (var (from, to, kind) in edges)
        {
            if (gold.IsHeld(from) || !idOf.ContainsKey(from) || !idOf.ContainsKey(to)) continue;
            if (ours.TryGetValue(to, out var o) && o.Source == from) continue;
            if (ours.TryGetValue(from, out var r) && r.Source == to) continue; // found, reversed: scored as found
            text.Append(CultureInfo.InvariantCulture, $"MISSED gold {kind}\n  derived {Line(to)}\n  source  {Line(from)}\n");
            text.Append(ours.TryGetValue(to, out var chosen)
                ? $"  ours    {chosen.Kind} from {Line(chosen.Source)} ({Stand(to, chosen.Source)})\n"
                : "  ours    no source\n");
            text.Append(CultureInfo.InvariantCulture, $"  trace   {Traced(to, from)}\n");
        }
        foreach (var (derived, (source, kind)) in ours.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (gold.IsHeld(derived) || goldPairs.Contains(StoryGold.Pair(derived, source))) continue;
            text.Append(CultureInfo.InvariantCulture, $"FALSE ours {kind} ({Stand(derived, source)})\n  derived {Line(derived)}\n  source  {Line(source)}\n");
        }
        File.WriteAllText(path, text.ToString());
    }

    private static List<(string From, string To, string Kind)> ReadEdges(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var edges = new List<(string, string, string)>();
        if (json.RootElement.TryGetProperty("derivations", out var list) && list.ValueKind == JsonValueKind.Array)
            foreach (var d in list.EnumerateArray())
                if (d.TryGetProperty("from", out var f) && d.TryGetProperty("to", out var t))
                    edges.Add((f.GetString()!, t.GetString()!, d.TryGetProperty("kind", out var k) ? k.GetString() ?? "" : ""));
        return edges;
    }
}
