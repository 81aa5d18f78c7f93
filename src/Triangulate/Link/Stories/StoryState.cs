using Triangulate.Model;

namespace Triangulate.Link.Stories;

/// <summary>One story while clustering: its centroid (summed document vectors, pruned), its documents and the best title candidate.</summary>
internal sealed class StoryState
{
    private readonly Dictionary<ulong, double> _centroid = [];
    private double _norm2;

    /// <summary>Ids of its documents.</summary>
    public List<string> Documents { get; } = [];

    /// <summary>Titles with their similarity to the story when they joined: the most central one names the story.</summary>
    public List<(string Title, double Centrality, string Document)> Titles { get; } = [];

    /// <summary>Earliest and latest known publication days.</summary>
    public PartialDate? First { get; private set; }

    /// <inheritdoc cref="First"/>
    public PartialDate? Last { get; private set; }

    /// <summary>The story this one was merged into, or -1.</summary>
    public int Merged { get; set; } = -1;

    /// <summary>Euclidean norm of the centroid.</summary>
    public double Norm => Math.Sqrt(Math.Max(_norm2, 1e-12));

    /// <summary>The centroid's weight of a feature.</summary>
    public double Weight(ulong feature) => _centroid.GetValueOrDefault(feature);

    /// <summary>Adds a document; returns the features now in the centroid that the index should point here.</summary>
    public List<ulong> Add(Document document, List<(ulong Feature, double Weight)> vector, double similarity, int maxFeatures)
    {
        Documents.Add(document.Id);
        // Pages without a found headline offer their first body line instead, ranked below real titles.
        if (document.Title is { Length: > 0 } title) Titles.Add((title, similarity + 1, document.Id));
        else if (FirstLine(document.Body) is { Length: > 0 } line) Titles.Add((line, similarity, document.Id));
        if (document.Published is { } published) Extend(published.Earliest, published.Latest);
        var added = new List<ulong>(vector.Count);
        foreach (var (feature, weight) in vector)
        {
            _centroid[feature] = _centroid.GetValueOrDefault(feature) + weight;
            added.Add(feature);
        }
        if (_centroid.Count > maxFeatures * 2) Prune(maxFeatures);
        Renorm();
        return added;
    }

    /// <summary>Takes another story's documents (a derivation joined them).</summary>
    public void Absorb(StoryState other)
    {
        Documents.AddRange(other.Documents);
        Titles.AddRange(other.Titles);
        if (other.First is { } f) Extend(f, other.Last ?? f);
        other.Documents.Clear();
    }

    /// <summary>The finished story: sorted documents, the most central title, dates, and independent sources.</summary>
    public Story ToStory(CorpusContext context)
    {
        Documents.Sort(StringComparer.Ordinal);
        string? title = null;
        var bestCentrality = double.MinValue;
        string? bestDoc = null;
        foreach (var (candidate, centrality, doc) in Titles)
        {
            // Centrality is the cosine at joining; the founder has none, so it counts as average (0.5).
            var c = centrality is 0 or 1 ? centrality + 0.5 : centrality;
            if (c > bestCentrality || (c == bestCentrality && string.CompareOrdinal(doc, bestDoc) < 0))
            {
                title = candidate;
                bestCentrality = c;
                bestDoc = doc;
            }
        }
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in Documents) groups.Add(context.GroupOf(doc));
        return new Story
        {
            Id = StableId.Of("s", Documents[0]),
            Title = title ?? "(untitled)",
            Documents = [.. Documents],
            First = First,
            Last = Last,
            IndependentSources = groups.Count,
        };
    }

    private static string FirstLine(string body)
    {
        var line = body.AsSpan().TrimStart();
        var end = line.IndexOfAny('\n', '\r');
        if (end >= 0) line = line[..end];
        // Cut at a word boundary near 100 characters: a title, not a paragraph.
        if (line.Length > 100)
        {
            var cut = line[..100].LastIndexOf(' ');
            return string.Concat(line[..(cut > 40 ? cut : 100)].TrimEnd(), "…");
        }
        return line.Trim().ToString();
    }

    private void Extend(PartialDate earliest, PartialDate latest)
    {
        if (First is null || earliest < First.Value) First = earliest;
        if (Last is null || latest > Last.Value) Last = latest;
    }

    private void Prune(int maxFeatures)
    {
        var entries = new List<KeyValuePair<ulong, double>>(_centroid);
        entries.Sort((x, y) => y.Value != x.Value ? y.Value.CompareTo(x.Value) : x.Key.CompareTo(y.Key));
        for (var i = maxFeatures; i < entries.Count; i++) _centroid.Remove(entries[i].Key);
    }

    private void Renorm()
    {
        double sum = 0;
        foreach (var value in _centroid.Values) sum += value * value;
        _norm2 = sum;
    }
}
