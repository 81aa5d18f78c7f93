using Triangulate.Model;

namespace Triangulate.Report;

/// <summary>
/// One story with everything that belongs to it, gathered once for the report writers and the web app: its documents,
/// the claims, quotes, contradictions, timeline entries and relations that touch them, and the summary figures.
/// </summary>
public sealed class StoryDigest
{
    private StoryDigest(Story story) => Story = story;

    /// <summary>The story.</summary>
    public Story Story { get; }

    /// <summary>Its documents, ordered by publication date then id.</summary>
    public IReadOnlyList<Document> Documents { get; private init; } = [];

    /// <summary>Claims made in at least one of its documents: quantities first, then by measure, subject and time.</summary>
    public IReadOnlyList<Claim> Claims { get; private init; } = [];

    /// <summary>Quotes with a rendering in one of its documents, ordered by speaker.</summary>
    public IReadOnlyList<Quote> Quotes { get; private init; } = [];

    /// <summary>Contradictions between its claims.</summary>
    public IReadOnlyList<Contradiction> Contradictions { get; private init; } = [];

    /// <summary>Figures over time whose points rest on its claims, with their arithmetic notes.</summary>
    public IReadOnlyList<FigureSeries> Series { get; private init; } = [];

    /// <summary>Timeline entries resting on its documents or claims, in time order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; private init; } = [];

    /// <summary>Relations from one of its documents.</summary>
    public IReadOnlyList<Relation> Relations { get; private init; } = [];

    /// <summary>
    /// Distinct outlets behind it, sorted: its documents' publishers (a blank one by its web host), the origins they
    /// credit, and the outside sources they cite; each in the casing a document gave it.
    /// </summary>
    public IReadOnlyList<string> Outlets { get; private init; } = [];

    /// <summary>Independent sources: the story's own count, else the documents' distinct independence groups.</summary>
    public int IndependentSources { get; private init; }

    /// <summary>Earliest publication date of its documents (the story's own when given).</summary>
    public PartialDate? First { get; private init; }

    /// <summary>Latest publication date of its documents (the story's own when given).</summary>
    public PartialDate? Last { get; private init; }

    /// <summary>The digest of one story.</summary>
    public static StoryDigest Build(Dossier dossier, Story story, IReadOnlyDictionary<string, Document> documents, IReadOnlyDictionary<string, string>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(documents);
        var members = new HashSet<string>(story.Documents, StringComparer.Ordinal);
        var docs = new List<Document>();
        foreach (var id in story.Documents)
            if (documents.TryGetValue(id, out var d)) docs.Add(d);
        docs.Sort(static (a, b) =>
        {
            var c = Nullable.Compare(a.Published?.Date ?? a.Published?.Earliest, b.Published?.Date ?? b.Published?.Earliest);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        });

        var claims = new List<Claim>();
        var claimIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in dossier.Claims)
        {
            if (!Touches(claim, members)) continue;
            claims.Add(claim);
            claimIds.Add(claim.Id);
        }
        claims.Sort(CompareClaims);

        var quotes = new List<Quote>();
        foreach (var quote in dossier.Quotes)
            foreach (var variant in quote.Variants)
                if (members.Contains(variant.Span.Document)) { quotes.Add(quote); break; }
        quotes.Sort(static (a, b) =>
        {
            var c = string.Compare(a.Speaker ?? "\uffff", b.Speaker ?? "\uffff", StringComparison.OrdinalIgnoreCase);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        });

        var contradictions = new List<Contradiction>();
        foreach (var contradiction in dossier.Contradictions)
            foreach (var id in contradiction.Claims)
                if (claimIds.Contains(id)) { contradictions.Add(contradiction); break; }

        var timeline = new List<TimelineEntry>();
        foreach (var entry in dossier.Timeline)
        {
            var hit = false;
            foreach (var id in entry.Documents) hit |= members.Contains(id);
            foreach (var id in entry.Claims) hit |= claimIds.Contains(id);
            if (hit) timeline.Add(entry);
        }
        timeline.Sort(static (a, b) => a.Start.CompareTo(b.Start));

        var relations = new List<Relation>();
        foreach (var relation in dossier.Relations)
            if (members.Contains(relation.From)) relations.Add(relation);

        var outlets = new OutletNames();
        var distinctGroups = new HashSet<string>(StringComparer.Ordinal);
        PartialDate? first = null, last = null;
        foreach (var d in docs)
        {
            outlets.Add(string.IsNullOrWhiteSpace(d.Outlet) ? Evidence.Host(d.Source) : d.Outlet);
            outlets.Add(d.Origin);
            distinctGroups.Add(groups is not null && groups.TryGetValue(d.Id, out var g) ? g : d.Id);
            if (d.Published is { } p)
            {
                var early = p.Date ?? p.Earliest;
                var late = p.Date ?? p.Latest;
                if (first is null || early < first) first = early;
                if (last is null || late > last) last = late;
            }
        }

        foreach (var relation in relations) outlets.Add(relation.ToOutlet);

        return new StoryDigest(story)
        {
            Documents = docs,
            Claims = claims,
            Quotes = quotes,
            Contradictions = contradictions,
            Timeline = timeline,
            Series = SeriesOf(dossier, claimIds),
            Relations = relations,
            Outlets = outlets.Sorted(),
            IndependentSources = story.IndependentSources ?? distinctGroups.Count,
            First = story.First ?? first,
            Last = story.Last ?? last,
        };
    }

    /// <summary>Documents by id.</summary>
    public static Dictionary<string, Document> Index(IEnumerable<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var index = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in documents) index[d.Id] = d;
        return index;
    }

    /// <summary>
    /// The story's figure series as chart lines: each point's claim with the time and value the series gives it (the
    /// grouping is the series stage's, by measure and holder; a chart draws only series of two points or more).
    /// </summary>
    public IReadOnlyList<FigureGroup> FigureGroups()
    {
        var byId = new Dictionary<string, Claim>(StringComparer.Ordinal);
        foreach (var claim in Claims) byId[claim.Id] = claim;
        var result = new List<FigureGroup>(Series.Count);
        foreach (var series in Series)
        {
            var line = new List<Claim>(series.Points.Count);
            foreach (var point in series.Points)
            {
                if (!byId.TryGetValue(point.Claim, out var claim) || (point.Low is null && point.High is null)) continue;
                line.Add(claim with
                {
                    Time = new DateRange { Start = point.Date, End = point.End ?? point.Date },
                    Value = new QuantityValue { Low = point.Low, High = point.High, Unit = series.Unit },
                });
            }
            if (line.Count >= 2) result.Add(new FigureGroup(series.Measure, series.Subject ?? "", line));
        }
        return result;
    }

    private static List<FigureSeries> SeriesOf(Dossier dossier, HashSet<string> claimIds)
    {
        var result = new List<FigureSeries>();
        foreach (var series in dossier.Series)
            foreach (var point in series.Points)
                if (claimIds.Contains(point.Claim)) { result.Add(series); break; }
        return result;
    }

    private static bool Touches(Claim claim, HashSet<string> members)
    {
        foreach (var source in claim.Sources)
            if (members.Contains(source)) return true;
        foreach (var mention in claim.Mentions)
            if (members.Contains(mention.Span.Document)) return true;
        return false;
    }

    private static int CompareClaims(Claim a, Claim b)
    {
        var c = a.Kind.CompareTo(b.Kind);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Measure, b.Measure);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Subject, b.Subject);
        if (c != 0) return c;
        c = Nullable.Compare(a.Time?.Start, b.Time?.Start);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }
}
