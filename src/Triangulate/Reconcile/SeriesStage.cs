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
        var index = new BlockingIndex();
        for (var i = 0; i < claims.Count; i++)
        {
            facts[i] = new ClaimFacts(claims[i], context);
            if (claims[i].Kind != ClaimKind.Quantity || claims[i].Measure is null || IsShare(claims[i])) continue;
            foreach (var word in facts[i].SubjectWords) index.Add(claims[i].Measure!.ToLowerInvariant() + "|" + word, i);
        }
        var sets = new UnionFind(claims.Count);
        foreach (var (a, b) in index.Pairs())
            if (string.Equals(claims[a].Measure, claims[b].Measure, StringComparison.OrdinalIgnoreCase) && facts[a].SameSubject(facts[b])
                && ContentWords.Jaccard(facts[a].SubjectWords, facts[b].SubjectWords) >= 0.5)
                sets.Union(a, b);

        var contested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets.Sets())
        {
            var first = claims[set[0]];
            if (first.Kind != ClaimKind.Quantity || first.Measure is null || IsShare(first)) continue;
            var points = new List<SeriesPoint>();
            foreach (var i in set)
            {
                if (DraftFeatures.Bounds(claims[i].Time) is null) continue;
                var time = claims[i].Time!;
                points.Add(new SeriesPoint
                {
                    Date = (time.Start ?? time.End)!.Value,
                    Low = claims[i].Value?.Low,
                    High = claims[i].Value?.High,
                    Claim = claims[i].Id,
                    Sources = claims[i].Sources,
                });
            }
            points.Sort(static (x, y) => x.Date != y.Date ? x.Date.CompareTo(y.Date) : string.CompareOrdinal(x.Claim, y.Claim));
            var notes = new List<string>();
            CheckShares(context, set, facts, notes, contested);
            if (points.Count < 2 && notes.Count == 0) continue;
            var ids = new List<string>(set.Count);
            foreach (var i in set) ids.Add(claims[i].Id);
            ids.Sort(StringComparer.Ordinal);
            context.Series.Add(new FigureSeries
            {
                Id = StableId.Of("s", [first.Measure, .. ids]),
                Measure = first.Measure,
                Subject = first.Subject,
                Unit = first.Value?.Unit,
                Points = points,
                Notes = notes,
            });
        }
        context.Series.Sort(static (x, y) => string.CompareOrdinal(x.Id, y.Id));
        ContradictionStage.MarkContested(context, contested);
        context.Contradictions.Sort(static (x, y) => string.CompareOrdinal(x.Id, y.Id));
    }

    /// <summary>A share: a percentage (which needs a whole to mean anything).</summary>
    internal static bool IsShare(Claim claim) =>
        string.Equals(claim.Value?.Unit, "percent", StringComparison.OrdinalIgnoreCase) || string.Equals(claim.Measure, "percent", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// With a whole (the largest value) and a part (the smallest) of the figure, and a share claim on the same subject:
    /// the fall (whole − part) / whole or the remainder part / whole must lie within the share's bounds (± <see cref="ShareSlack"/> points).
    /// </summary>
    private static void CheckShares(CorpusContext context, List<int> set, ClaimFacts[] facts, List<string> notes, HashSet<string> contested)
    {
        var claims = context.Claims;
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
            if (!facts[j].SameSubject(facts[set[0]])) continue;
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

    private static bool Within(double value, (double Low, double High) share) => value >= share.Low - ShareSlack && value <= share.High + ShareSlack;

    private static double? Mid(QuantityValue? value) => value switch
    {
        { Low: { } l, High: { } h } => (l + h) / 2,
        { Low: { } l } => l,
        { High: { } h } => h,
        _ => null,
    };
}
