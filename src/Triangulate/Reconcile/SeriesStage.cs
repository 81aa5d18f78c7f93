using System.Globalization;
using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// Orders quantity claims on one measure and subject by time into a <see cref="FigureSeries"/>, so a figure that
/// changed (territory at its peak, then weeks later) reads as a change, not a conflict. Where a share is stated beside a
/// whole and a part of the same figure ("lost more than 40%", peak 1,376, now 800) it checks the arithmetic: a
/// consistent share becomes a note on the series; an inconsistent one a contradiction (only beyond hedges and rounding).
/// </summary>
public sealed class SeriesStage : ICorpusStage
{
    /// <summary>Share points allowed beyond the stated share's own bounds before the arithmetic is called inconsistent.</summary>
    public const double ShareSlack = 2.5;

    /// <inheritdoc />
    public string Name => "series";

    /// <inheritdoc />
    public void Run(CorpusContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var claims = context.Claims;
        var facts = new ClaimFacts[claims.Count];
        var holders = new string?[claims.Count];
        var rests = new string[claims.Count][];
        // Figures are grouped by measure and holder (whose figure), then by the rest of their subject.
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < claims.Count; i++)
        {
            facts[i] = new ClaimFacts(claims[i], context);
            rests[i] = [];
            if (claims[i].Kind != ClaimKind.Quantity || claims[i].Measure is null) continue;
            holders[i] = FigureSubjects.Holder(claims[i], context);
            // A figure that picks its thing out ("a 12-inch laptop", "a 15-inch one") names a thing, not a level over time.
            if (IsShare(claims[i]) || facts[i].Attributive) continue;
            rests[i] = FigureSubjects.Rest(claims[i]);
            // Changes ("to cut 4,000 jobs") and levels ("had 12,500 employees") are never one series.
            var key = claims[i].Measure!.ToLowerInvariant() + "|" + claims[i].Value?.Unit + "|" + holders[i] + (facts[i].Change ? "|change" : "");
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            list.Add(i);
        }
        var sets = new UnionFind(claims.Count);
        foreach (var list in byKey.Values)
            for (var x = 0; x < list.Count; x++)
                for (var y = x + 1; y < list.Count; y++)
                    if (SameRest(rests[list[x]], rests[list[y]])) sets.Union(list[x], list[y]);

        var contested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets.Sets())
        {
            var first = claims[set[0]];
            if (first.Kind != ClaimKind.Quantity || first.Measure is null || IsShare(first)) continue;
            var points = new List<SeriesPoint>();
            foreach (var i in set)
            {
                // A point needs a start: a figure known only to hold "before" some day has no place on a time axis.
                if (claims[i].Time is not { Start: { } start } time) continue;
                points.Add(new SeriesPoint
                {
                    Date = start,
                    End = time.End is { } end && end != start ? end : null,
                    Low = claims[i].Value?.Low,
                    High = claims[i].Value?.High,
                    Claim = claims[i].Id,
                    Sources = claims[i].Sources,
                });
            }
            points.Sort(static (x, y) =>
            {
                var c = x.Date.CompareTo(y.Date);
                if (c == 0) c = (x.End ?? x.Date).CompareTo(y.End ?? y.Date);
                return c != 0 ? c : string.CompareOrdinal(x.Claim, y.Claim);
            });
            var notes = new List<string>();
            CheckShares(context, set, facts, holders, notes, contested);
            if (points.Count < 2 && notes.Count == 0) continue;
            var ids = new List<string>(set.Count);
            foreach (var i in set) ids.Add(claims[i].Id);
            ids.Sort(StringComparer.Ordinal);
            var rest = rests[set[0]].Length > 0 ? first.Subject : null;
            context.Series.Add(new FigureSeries
            {
                Id = StableId.Of("s", [first.Measure, .. ids]),
                Measure = first.Measure,
                Subject = holders[set[0]] is { } holder ? (rest is null ? holder : holder + ": " + rest) : first.Subject,
                Unit = first.Value?.Unit,
                Points = points,
                Notes = notes,
            });
        }
        context.Series.Sort(static (x, y) => string.CompareOrdinal(x.Id, y.Id));
        ContradictionStage.MarkContested(context, contested);
        context.Contradictions.Sort(static (x, y) => string.CompareOrdinal(x.Id, y.Id));
    }

    /// <summary>Subjects left after the measure's own words: both empty, or most words of the shorter in the longer.</summary>
    private static bool SameRest(string[] a, string[] b) =>
        (a.Length == 0 && b.Length == 0) || (a.Length > 0 && b.Length > 0 && ContentWords.Containment(a, b) >= 0.5);

    /// <summary>A share: a percentage (which needs a whole to mean anything).</summary>
    internal static bool IsShare(Claim claim) =>
        string.Equals(claim.Value?.Unit, "percent", StringComparison.OrdinalIgnoreCase) || string.Equals(claim.Measure, "percent", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// With a whole (the largest value) and a part (the smallest) of the figure, and a share claim on the same subject:
    /// the fall (whole − part) / whole or the remainder part / whole must lie within the share's bounds (± <see cref="ShareSlack"/> points).
    /// </summary>
    private static void CheckShares(CorpusContext context, List<int> set, ClaimFacts[] facts, string?[] holders, List<string> notes, HashSet<string> contested)
    {
        var claims = context.Claims;
        // A bare count ("items") with no holder is too loose a figure to check a share against: "500" and "over 2m"
        // said of different things in one story once made a 100 % "fall" and a false contradiction.
        if (holders[set[0]] is null && string.Equals(claims[set[0]].Value?.Unit, "items", StringComparison.Ordinal)) return;
        int whole = -1, part = -1;
        foreach (var i in set)
        {
            if (Mid(claims[i].Value) is not { } v) continue;
            if (whole < 0 || v > Mid(claims[whole].Value)) whole = i;
            if (part < 0 || v < Mid(claims[part].Value)) part = i;
        }
        if (whole < 0 || whole == part || Mid(claims[whole].Value) is not { } w || Mid(claims[part].Value) is not { } p || w <= 0) return;
        if (Figures.Overlap(claims[whole].Value, claims[part].Value)) return;
        var fall = 100 * (w - p) / w;
        var remainder = 100 * p / w;
        for (var j = 0; j < claims.Count; j++)
        {
            if (claims[j].Kind != ClaimKind.Quantity || !IsShare(claims[j]) || Figures.Interval(claims[j].Value) is not { } share) continue;
            // The share is of this figure: same holder, and its sentence names the measure ("40% of the territory").
            if (holders[j] != holders[set[0]] || !SharesMeasure(context, claims[j], claims[set[0]].Measure)) continue;
            var statement = string.Create(CultureInfo.InvariantCulture,
                $"{Figures.Describe(claims[whole].Value)} to {Figures.Describe(claims[part].Value)} is a {fall:0.#}% fall ({remainder:0.#}% remains)");
            var consistent = Within(fall, share) || Within(remainder, share);
            if (consistent)
            {
                notes.Add(statement + "; the stated share “" + claims[j].Text + "” (" + Figures.Describe(claims[j].Value) + ") agrees.");
                continue;
            }
            var ids = new List<string> { claims[j].Id, claims[whole].Id, claims[part].Id };
            ids.Sort(StringComparer.Ordinal);
            notes.Add(statement + "; the stated share “" + claims[j].Text + "” (" + Figures.Describe(claims[j].Value) + ") does not agree.");
            context.Contradictions.Add(new Contradiction
            {
                Id = StableId.Of("x", [.. ids]),
                About = "share of " + (claims[whole].Subject ?? claims[whole].Measure),
                Claims = ids,
                Explanation = facts[j].Voices() + " states " + Figures.Describe(claims[j].Value) + ", but " + statement + " by the figures of "
                    + facts[whole].Voices() + " and " + facts[part].Voices() + ".",
            });
            foreach (var id in ids) contested.Add(id);
        }
    }

    private static bool SharesMeasure(CorpusContext context, Claim share, string? measure)
    {
        foreach (var mention in share.Mentions)
        {
            var document = context.Corpus.FindDocument(mention.Span.Document);
            if (document is null) continue;
            var sentence = TimelineStage.SentenceAround(document.Text, mention.Span.Start, mention.Span.End);
            if (FigureSubjects.Names(measure, sentence)) return true;
        }
        return false;
    }

    private static bool Within(double value, (double Low, double High) share) => value >= share.Low - ShareSlack && value <= share.High + ShareSlack;

    private static double? Mid(QuantityValue? value) => value switch
    {
        { Low: { } l, High: { } h } => (l + h) / 2,
        { Low: { } l } => l,
        { High: { } h } => h,
        _ => null,
    };
}
