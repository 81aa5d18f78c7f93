namespace Triangulate.Link.Evaluation;

/// <summary>
/// Derivations scored as "derived from" rather than "taken from": each side's edges (derived page → the page it took)
/// are closed transitively, and precision and recall are counted over the unordered pairs of a page and any page it
/// descends from. The generator's gold lists only immediate edges (wire → partner → scraper is two edges) and says an
/// evaluator who asks "derived from the same original" takes the closure. Under it a page given the gold source's
/// source (the wire where a partner's identical copy was taken) keeps the true pair page–wire and misses only
/// page–partner; a page given a sibling gets its common source right through the sibling and the page–sibling pair
/// wrong. The edge score (<see cref="StoryEvaluation"/>) counts both as one wrong pair and one missed edge.
/// </summary>
public static class DerivationAncestry
{
    /// <summary>
    /// Precision and recall of <paramref name="found"/>'s closure against <paramref name="gold"/>'s, counting only the
    /// pairs whose derived page <paramref name="include"/> accepts (the look or held part); edges are (derived, source).
    /// </summary>
    public static (double Precision, double Recall, int Gold) Score(IEnumerable<(string Derived, string Source)> found, IEnumerable<(string Derived, string Source)> gold, Func<string, bool> include)
    {
        ArgumentNullException.ThrowIfNull(include);
        var ours = Closure(found, include);
        var truth = Closure(gold, include);
        var hits = ours.Count(truth.Contains);
        return (ours.Count == 0 ? 1 : (double)hits / ours.Count, truth.Count == 0 ? 1 : (double)hits / truth.Count, truth.Count);
    }

    /// <summary>
    /// Every unordered pair (as <see cref="StoryGold.Pair"/>) of a page and a page it descends from through one or more
    /// edges, for the derived pages <paramref name="include"/> accepts. A cycle (two pages each given as the other's
    /// source) ends the walk where it closes.
    /// </summary>
    public static HashSet<(string, string)> Closure(IEnumerable<(string Derived, string Source)> edges, Func<string, bool> include)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(include);
        var sources = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (derived, source) in edges)
        {
            if (derived == source) continue;
            if (!sources.TryGetValue(derived, out var list)) sources[derived] = list = [];
            if (!list.Contains(source)) list.Add(source);
        }
        var pairs = new HashSet<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        foreach (var page in sources.Keys)
        {
            if (!include(page)) continue;
            seen.Clear();
            seen.Add(page);
            stack.Push(page);
            while (stack.Count > 0)
            {
                if (!sources.TryGetValue(stack.Pop(), out var up)) continue;
                foreach (var ancestor in up)
                {
                    if (!seen.Add(ancestor)) continue;
                    pairs.Add(StoryGold.Pair(page, ancestor));
                    stack.Push(ancestor);
                }
            }
        }
        return pairs;
    }
}
