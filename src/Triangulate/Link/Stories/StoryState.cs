using Triangulate.Model;

namespace Triangulate.Link.Stories;

/// <summary>One story while clustering: its centroid (summed document vectors, pruned), its documents and the best title candidate.</summary>
internal sealed class StoryState
{
    // The centroid as parallel arrays sorted by feature (12 bytes a feature, binary-searched): a dictionary costs
    // about 28 bytes a feature, and a million-document corpus holds a few hundred thousand centroids.
    private ulong[] _features = [];
    private float[] _weights = [];
    private double _norm2;

    /// <summary>Ids of its documents, in the order they joined.</summary>
    public List<string> Documents { get; } = [];

    /// <summary>The stories made from it when it last changed (more than one when the splitter split it).</summary>
    public List<string> StoryIds { get; } = [];

    /// <summary>Features of a document kept for choosing the title: enough to place it against the final centroid.</summary>
    private const int SketchFeatures = 12;

    /// <summary>
    /// Title candidates: headlines (weight 1) rank above first body lines (weight 0); then the most central document wins,
    /// judged by a sketch of its heaviest features (so the documents need not be read again at the end).
    /// </summary>
    public List<(string Title, double Weight, string Document, (ulong Feature, float Weight)[] Sketch)> Titles { get; } = [];

    /// <summary>Earliest and latest known publication days.</summary>
    public PartialDate? First { get; private set; }

    /// <inheritdoc cref="First"/>
    public PartialDate? Last { get; private set; }

    /// <summary>Euclidean norm of the centroid.</summary>
    public double Norm => Math.Sqrt(Math.Max(_norm2, 1e-12));

    /// <summary>The centroid's weight of a feature.</summary>
    public double Weight(ulong feature)
    {
        var i = Array.BinarySearch(_features, feature);
        return i >= 0 ? _weights[i] : 0;
    }

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
        var sketch = new (ulong, float)[Math.Min(SketchFeatures, vector.Count)];
        for (var i = 0; i < sketch.Length; i++) sketch[i] = (vector[i].Feature, (float)vector[i].Weight);
        if (document.Title is { Length: > 0 } title) Titles.Add((title, 1, document.Id, sketch));
        else if (FirstLine(document.Body) is { Length: > 0 } line) Titles.Add((line, 0, document.Id, sketch));
        if (document.Published is { } published) Extend(published.Earliest, published.Latest);
        var added = new List<ulong>(vector.Count);
        var incoming = new (ulong Feature, double Weight)[vector.Count];
        for (var i = 0; i < incoming.Length; i++)
        {
            incoming[i] = vector[i];
            added.Add(vector[i].Feature);
        }
        Array.Sort(incoming, (x, y) => x.Feature.CompareTo(y.Feature));
        Merge(incoming);
        if (_features.Length > maxFeatures * 5 / 4) Prune(maxFeatures);
        Renorm();
        return added;
    }

    /// <summary>
    /// Takes in every document of <paramref name="other"/> (which is left empty, keeping its story ids): their summed
    /// vectors, titles and dates. Returns the features now in the centroid that the index should point here.
    /// </summary>
    public List<ulong> Absorb(StoryState other, int maxFeatures)
    {
        ArgumentNullException.ThrowIfNull(other);
        var incoming = new (ulong Feature, double Weight)[other._features.Length];
        var added = new List<ulong>(incoming.Length);
        for (var i = 0; i < incoming.Length; i++)
        {
            incoming[i] = (other._features[i], other._weights[i]);
            added.Add(other._features[i]);
        }
        Merge(incoming);
        if (_features.Length > maxFeatures * 5 / 4) Prune(maxFeatures);
        Renorm();
        Documents.AddRange(other.Documents);
        Titles.AddRange(other.Titles);
        if (other.Days is { } days) Days = Days is { } d ? (Math.Min(d.First, days.First), Math.Max(d.Last, days.Last)) : days;
        if (other.First is { } first && other.Last is { } last) Extend(first, last);
        other._features = [];
        other._weights = [];
        other._norm2 = 0;
        other.Documents.Clear();
        other.Titles.Clear();
        other.Days = null;
        other.First = other.Last = null;
        return added;
    }

    /// <summary>
    /// The finished story: sorted documents, the title of the most central document (its sketch's cosine with the final
    /// centroid), dates, and independent sources.
    /// </summary>
    public Story ToStory(Func<string, string> groupOf)
    {
        ArgumentNullException.ThrowIfNull(groupOf);
        var documents = Documents.Order(StringComparer.Ordinal).ToList();
        string? title = null;
        var bestCentrality = double.MinValue;
        string? bestDoc = null;
        foreach (var (candidate, centrality, doc, sketch) in Titles)
        {
            var c = centrality;
            if (Titles.Count > 1)
            {
                double dot = 0, norm = 0;
                foreach (var (feature, weight) in sketch)
                {
                    dot += weight * Weight(feature);
                    norm += weight * weight;
                }
                c += dot / Norm / Math.Sqrt(Math.Max(norm, 1e-12));
            }
            if (c > bestCentrality || (c == bestCentrality && string.CompareOrdinal(doc, bestDoc) < 0))
            {
                title = candidate;
                bestCentrality = c;
                bestDoc = doc;
            }
        }
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in documents) groups.Add(groupOf(doc));
        return new Story
        {
            Id = StableId.Of("s", documents[0]),
            Title = title ?? "(untitled)",
            Documents = documents,
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

    /// <summary>Adds a feature-sorted vector to the sorted centroid: one merge pass.</summary>
    private void Merge((ulong Feature, double Weight)[] incoming)
    {
        var features = new ulong[_features.Length + incoming.Length];
        var weights = new float[features.Length];
        int i = 0, j = 0, k = 0;
        while (i < _features.Length || j < incoming.Length)
        {
            if (j >= incoming.Length || (i < _features.Length && _features[i] < incoming[j].Feature))
            {
                features[k] = _features[i];
                weights[k++] = _weights[i++];
            }
            else if (i >= _features.Length || incoming[j].Feature < _features[i])
            {
                features[k] = incoming[j].Feature;
                weights[k++] = (float)incoming[j++].Weight;
            }
            else
            {
                features[k] = _features[i];
                weights[k++] = (float)(_weights[i++] + incoming[j++].Weight);
            }
        }
        if (k < features.Length)
        {
            Array.Resize(ref features, k);
            Array.Resize(ref weights, k);
        }
        _features = features;
        _weights = weights;
    }

    /// <summary>Keeps the heaviest features: older detail fades as the story grows.</summary>
    private void Prune(int maxFeatures)
    {
        var order = new int[_features.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (x, y) => _weights[y] != _weights[x] ? _weights[y].CompareTo(_weights[x]) : _features[x].CompareTo(_features[y]));
        Array.Resize(ref order, maxFeatures);
        Array.Sort(order);
        var features = new ulong[maxFeatures];
        var weights = new float[maxFeatures];
        for (var i = 0; i < maxFeatures; i++)
        {
            features[i] = _features[order[i]];
            weights[i] = _weights[order[i]];
        }
        _features = features;
        _weights = weights;
    }

    private void Renorm()
    {
        double sum = 0;
        foreach (var value in _weights) sum += (double)value * value;
        _norm2 = sum;
    }

    /// <summary>Encodes the whole state (the centroid's floats exactly, so a decoded story scores as the original).</summary>
    public byte[] Encode() => LinkCodec.Encode(w =>
    {
        w.Write(_features.Length);
        for (var i = 0; i < _features.Length; i++)
        {
            w.Write(_features[i]);
            w.Write(_weights[i]);
        }
        LinkCodec.WriteList(w, Documents, (x, d) => x.Write(d));
        LinkCodec.WriteList(w, StoryIds, (x, d) => x.Write(d));
        LinkCodec.WriteList(w, Titles, (x, t) =>
        {
            x.Write(t.Title);
            x.Write(t.Weight);
            x.Write(t.Document);
            LinkCodec.WriteList(x, t.Sketch, (y, f) =>
            {
                y.Write(f.Feature);
                y.Write(f.Weight);
            });
        });
        WriteDate(w, First);
        WriteDate(w, Last);
        w.Write(Days is not null);
        if (Days is { } days)
        {
            w.Write(days.First);
            w.Write(days.Last);
        }
    });

    /// <summary>Decodes what <see cref="Encode"/> wrote.</summary>
    public static StoryState Decode(byte[] bytes) => LinkCodec.Decode(bytes, r =>
    {
        var state = new StoryState();
        var count = r.ReadInt32();
        state._features = new ulong[count];
        state._weights = new float[count];
        for (var i = 0; i < count; i++)
        {
            state._features[i] = r.ReadUInt64();
            state._weights[i] = r.ReadSingle();
        }
        state.Renorm();
        state.Documents.AddRange(LinkCodec.ReadList(r, x => x.ReadString()));
        state.StoryIds.AddRange(LinkCodec.ReadList(r, x => x.ReadString()));
        state.Titles.AddRange(LinkCodec.ReadList(r, x => (x.ReadString(), x.ReadDouble(), x.ReadString(),
            LinkCodec.ReadList(x, y => (y.ReadUInt64(), y.ReadSingle())).ToArray())));
        state.First = ReadDate(r);
        state.Last = ReadDate(r);
        state.Days = r.ReadBoolean() ? (r.ReadInt32(), r.ReadInt32()) : null;
        return state;
    });

    private static void WriteDate(BinaryWriter writer, PartialDate? date)
    {
        writer.Write(date is not null);
        if (date is { } d) writer.Write(d.ToString());
    }

    private static PartialDate? ReadDate(BinaryReader reader) => reader.ReadBoolean() ? PartialDate.Parse(reader.ReadString()) : null;
}
