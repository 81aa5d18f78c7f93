using System.Text.Json;

namespace Triangulate.Link.Evaluation;

/// <summary>
/// Gold stories (and, where given, derivations) of an evaluation corpus, keyed by the article's url (its
/// <c>Document.Source</c> when read from JSONL). Two layouts are read: ECB+'s <c>{url: {"story", "topic"}}</c> and the
/// corpus generator's <c>{"stories": {url: story}, "derivations": [{"from", "to", "kind"}]}</c>.
/// </summary>
public sealed record StoryGold
{
    /// <summary>The gold story of each url.</summary>
    public required IReadOnlyDictionary<string, string> Stories { get; init; }

    /// <summary>The group a url's story falls in for the look/held split (ECB+'s topic, else the story itself).</summary>
    public required IReadOnlyDictionary<string, string> SplitKeys { get; init; }

    /// <summary>Gold derivations as directed edges (derived url, source url), in the gold's order; null when the gold has none (ECB+).</summary>
    public IReadOnlyList<(string Derived, string Source)>? DerivationEdges { get; init; }

    /// <summary>Reads a gold file in either layout.</summary>
    public static StoryGold Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        var stories = new Dictionary<string, string>(StringComparer.Ordinal);
        var split = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("stories", out var generated) && generated.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in generated.EnumerateObject()) stories[p.Name] = split[p.Name] = p.Value.GetString() ?? "";
            List<(string, string)>? edges = null;
            if (root.TryGetProperty("derivations", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                edges = [];
                foreach (var d in list.EnumerateArray())
                    if (d.TryGetProperty("from", out var f) && d.TryGetProperty("to", out var t)) edges.Add((t.GetString()!, f.GetString()!));
            }
            return new StoryGold { Stories = stories, SplitKeys = split, DerivationEdges = edges };
        }
        foreach (var p in root.EnumerateObject())
        {
            var story = p.Value.GetProperty("story").GetString() ?? "";
            stories[p.Name] = story;
            split[p.Name] = p.Value.TryGetProperty("topic", out var topic) ? topic.GetString() ?? story : story;
        }
        return new StoryGold { Stories = stories, SplitKeys = split };
    }

    /// <summary>An unordered pair in a fixed order.</summary>
    public static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    /// <summary>
    /// Whether a url falls in the part that is only scored, never looked at while tuning: a stable hash of its split
    /// key (a whole ECB+ topic, both its events, goes to one side).
    /// </summary>
    public bool IsHeld(string url) => SplitKeys.TryGetValue(url, out var key) && (Fnv(key) & 1) == 1;

    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
