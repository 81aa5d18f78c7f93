using Triangulate.Model;

namespace Triangulate.Link.Stories;

/// <summary>One story while clustering: its centroid (summed document vectors, pruned), its documents and the best title candidate.</summary>
internal sealed class StoryState
{
    private readonly Dictionary<ulong, double> _centroid = [];
    private double _norm2;

    /// <summary>Ids of its documents.</summary>
    public List<string> Documents { get; } = [];

    /// <summary>Title candidates: headlines (weight 1) rank above first body lines (weight 0); then the most central document wins.</summary>
    public List<(string Title, double Weight, string Document)> Titles { get; } = [];

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

    /// <summary>Known publication days of its documents as day numbers (earliest, latest), or null when none is dated.</summary>
    public (int First, int Last)? Days { get; private set; }

    /// <summary>Day numbers of a publication estimate, or null when unknown or too vague (a month or more) to place a document in a story's time.</summary>
    public static (int First, int Last)? DaysOf(DateEstimate? published)
    {
        if (published is null) return null;
        var first = published.Earliest.Earliest.DayNumber;
        var last = published.Latest.Latest.DayNumber;
        return last - first > 27 ? null : (first, last);
    }

    /// <summary>Adds a document; returns the features now in the centroid that the index should point here.</summary>
    public List<ulong> Add(Document document, List<(ulong Feature, double Weight)> vector, int maxFeatures)
    {
        if (DaysOf(document.Published) is { } days)
            Days = Days is { } d ? (Math.Min(d.First, days.First), Math.Max(d.Last, days.Last)) : days;
        Documents.Add(document.Id);
        // The founder defines the story, so it counts as fully central. Pages without a found headline offer their first
        // body line instead, ranked below real titles.
        if (document.Title is { Length: > 0 } title) Titles.Add((title, 1, document.Id));
        else if (FirstLine(document.Body) is { Length: > 0 } line) Titles.Add((line, 0, document.Id));
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

    /// <summary>
    /// The finished story: sorted documents, the title of the most central document (its vector's cosine with the final
    /// centroid, recomputed with the final document frequencies), dates, and independent sources.
    /// </summary>
    public Story ToStory(CorpusContext context, Dictionary<ulong, int> df, int seen, int maxFeatures)
    {
        Documents.Sort(StringComparer.Ordinal);
        string? title = null;
        var bestCentrality = double.MinValue;
        string? bestDoc = null;
        foreach (var (candidate, centrality, doc) in Titles)
        {
            var c = centrality;
            if (Titles.Count > 1 && context.Corpus.FindDocument(doc) is { } document)
            {
                var analysis = context.Corpus.FindAnalysis(doc) ?? new DocumentAnalysis { DocumentId = doc };
                double dot = 0;
                foreach (var (feature, weight) in StoryFeatures.Vector(document, analysis, df, seen, maxFeatures, learn: false))
                    dot += weight * Weight(feature);
                c += dot / Norm;
            }
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
