using System.Globalization;
using System.Net;
using System.Text;
using Triangulate.Model;

namespace Triangulate.Report;

/// <summary>
/// Inline SVG drawings (no script, no external request): a figure over time, the timeline, and the provenance graph.
/// Each has a title and description for screen readers; all text is encoded.
/// </summary>
public static class SvgCharts
{
    private const int Width = 640;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly int[] MonthSteps = [1, 2, 3, 6, 12];
    private static readonly int[] DaySteps = [1, 2, 7, 14, 30];

    /// <summary>A figure's values over time: one dot per claim (a bar for a range), joined in time order.</summary>
    public static string Figure(FigureGroup group) => WriteFigure(new StringBuilder(), group).ToString();

    /// <summary><see cref="Figure"/> appended to <paramref name="s"/> (a page being built makes no string of it).</summary>
    public static StringBuilder WriteFigure(StringBuilder s, FigureGroup group)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(group);
        const int height = 220, left = 70, right = 20, top = 20, bottom = 40;
        var claims = group.Claims;
        var first = claims[0].Time!.Start!.Value.Earliest.DayNumber;
        var last = claims[^1].Time!.Start!.Value.Earliest.DayNumber;
        double min = double.MaxValue, max = double.MinValue;
        foreach (var c in claims)
        {
            min = Math.Min(min, c.Value!.Low ?? c.Value.High!.Value);
            max = Math.Max(max, c.Value.High ?? c.Value.Low!.Value);
        }
        min = Math.Min(0, min);
        if (max <= min) max = min + 1;
        double X(int day) => last == first ? left + (Width - left - right) / 2.0 : left + (day - first) * (double)(Width - left - right) / (last - first);
        double Y(double v) => top + (max - v) * (height - top - bottom) / (max - min);
        var id = "f" + Math.Abs(StableHash(group.Label)).ToString(Inv);
        s.Append(Inv, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}t {id}d\" xmlns=\"http://www.w3.org/2000/svg\">");
        s.Append(Inv, $"<title id=\"{id}t\">{E(group.Label)} over time</title><desc id=\"{id}d\">");
        foreach (var c in claims) s.Append(Inv, $"{c.Time!.Start}: {E(Evidence.Value(c.Value))}; ");
        s.Append("</desc>");
        s.Append(Inv, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{height - bottom}\" class=\"axis\"/><line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{Width - right}\" y2=\"{height - bottom}\" class=\"axis\"/>");
        s.Append(Inv, $"<text x=\"{left - 6}\" y=\"{top + 4}\" text-anchor=\"end\" class=\"tick\">{max:#,0.##}</text><text x=\"{left - 6}\" y=\"{height - bottom}\" text-anchor=\"end\" class=\"tick\">{min:#,0.##}</text>");
        var path = new StringBuilder();
        foreach (var c in claims)
        {
            var x = X(c.Time!.Start!.Value.Earliest.DayNumber);
            var mid = Evidence.Middle(c.Value)!.Value;
            path.Append(path.Length == 0 ? 'M' : 'L').Append(Inv, $"{x:0.#},{Y(mid):0.#} ");
        }
        s.Append(Inv, $"<path d=\"{path}\" class=\"line\"/>");
        // Date labels under the points, each kept inside the drawing and skipped when it would touch the one before.
        var labelledUpTo = double.MinValue;
        foreach (var c in claims)
        {
            var day = c.Time!.Start!.Value.Earliest.DayNumber;
            var x = X(day);
            if (c.Value!.Low is { } l && c.Value.High is { } h && l != h)
                s.Append(Inv, $"<line x1=\"{x:0.#}\" y1=\"{Y(l):0.#}\" x2=\"{x:0.#}\" y2=\"{Y(h):0.#}\" class=\"range\"/>");
            s.Append(Inv, $"<circle cx=\"{x:0.#}\" cy=\"{Y(Evidence.Middle(c.Value)!.Value):0.#}\" r=\"5\" class=\"dot {Evidence.Verdict(c.Verdict)}\"><title>{E(c.Time.Start.ToString())}: {E(Evidence.Value(c.Value))} ({Evidence.Verdict(c.Verdict)}, {c.IndependentSources} independent) {E(c.Text)}</title></circle>");
            var label = c.Time.Start.ToString()!;
            var half = TextWidth.Of(label) / 2;
            var at = Math.Clamp(x, half + 2, Width - half - 2);
            if (at - half < labelledUpTo + 6) continue;
            labelledUpTo = at + half;
            s.Append(Inv, $"<text x=\"{at:0.#}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" class=\"tick\">{E(label)}</text>");
        }
        s.Append("</svg>");
        return s;
    }

    /// <summary>
    /// The timeline: each entry a mark (a bar for a range) on one time axis with dated ticks, and its label beside it,
    /// wrapped to two lines that fit the drawing.
    /// </summary>
    public static string Timeline(IReadOnlyList<TimelineEntry> entries) => WriteTimeline(new StringBuilder(), entries).ToString();

    /// <summary><see cref="Timeline"/> appended to <paramref name="s"/>; nothing for no entries.</summary>
    public static StringBuilder WriteTimeline(StringBuilder s, IReadOnlyList<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return s;
        const int left = 20, right = 20, line = 15, top = 34, axisEnd = Width / 2 - right, labelAt = Width / 2 + 4;
        var first = int.MaxValue;
        var last = int.MinValue;
        foreach (var e in entries)
        {
            first = Math.Min(first, e.Start.Earliest.DayNumber);
            last = Math.Max(last, e.End.Latest.DayNumber);
        }
        var span = Math.Max(1, last - first);
        double X(int day) => left + (day - first) * (double)(axisEnd - left) / span;
        var labels = new List<IReadOnlyList<string>>(entries.Count);
        foreach (var e in entries) labels.Add(TextWidth.Wrap($"{e.Start} {e.Text}", Width - labelAt - 4, 2));
        var height = top + labels.Sum(l => Math.Max(1, l.Count) * line + 8) + 8;
        s.Append(Inv, $"<svg class=\"chart timeline\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Timeline from {DateOnly.FromDayNumber(first):yyyy-MM-dd} to {DateOnly.FromDayNumber(last):yyyy-MM-dd}\" xmlns=\"http://www.w3.org/2000/svg\">");
        s.Append(Inv, $"<line x1=\"{left}\" y1=\"{top - 8}\" x2=\"{axisEnd}\" y2=\"{top - 8}\" class=\"axis\"/>");
        var tickedUpTo = double.MinValue;
        foreach (var (day, text) in DateTicks(first, last))
        {
            var x = X(day);
            var half = TextWidth.Of(text) / 2;
            var at = Math.Clamp(x, half + 2, axisEnd + right - half);
            if (at - half < tickedUpTo + 6) continue;
            tickedUpTo = at + half;
            s.Append(Inv, $"<line x1=\"{x:0.#}\" y1=\"{top - 12}\" x2=\"{x:0.#}\" y2=\"{top - 4}\" class=\"axis\"/><text x=\"{at:0.#}\" y=\"{top - 16}\" text-anchor=\"middle\" class=\"tick\">{text}</text>");
        }
        var y = top;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var rowHeight = Math.Max(1, labels[i].Count) * line + 8;
            var mid = y + rowHeight / 2;
            var x1 = X(e.Start.Earliest.DayNumber);
            var x2 = Math.Max(x1 + 4, X(e.End.Latest.DayNumber));
            s.Append(Inv, $"<rect x=\"{x1:0.#}\" y=\"{mid - 5}\" width=\"{x2 - x1:0.#}\" height=\"10\" rx=\"3\" class=\"mark\"><title>{E(Evidence.Dates(e.Start, e.End))}: {E(e.Text)}</title></rect>");
            s.Append(Inv, $"<text x=\"{labelAt}\" y=\"{y + 15}\" class=\"label\"><title>{E(e.Text)}</title>");
            for (var k = 0; k < labels[i].Count; k++) s.Append(Inv, $"<tspan x=\"{labelAt}\" dy=\"{(k == 0 ? 0 : line)}\">{E(labels[i][k])}</tspan>");
            s.Append("</text>");
            y += rowHeight;
        }
        s.Append("</svg>");
        return s;
    }

    /// <summary>
    /// Dates to tick between two days: year starts over several years, month starts (every 1, 2, 3 or 6 months) over
    /// months, else every 1, 2, 7 or 14 days; about five ticks, each labelled as precisely as its step needs.
    /// </summary>
    public static IReadOnlyList<(int Day, string Label)> DateTicks(int first, int last)
    {
        var start = DateOnly.FromDayNumber(first);
        var end = DateOnly.FromDayNumber(last);
        var ticks = new List<(int, string)>();
        var days = last - first;
        if (days > 3 * 365)
        {
            var step = Math.Max(1, (int)Math.Ceiling((end.Year - start.Year) / 5.0));
            for (var year = start.Year + 1; year <= end.Year; year += step) ticks.Add((new DateOnly(year, 1, 1).DayNumber, year.ToString(Inv)));
        }
        else if (days > 60)
        {
            var months = (end.Year - start.Year) * 12 + end.Month - start.Month;
            var step = MonthSteps.First(m => months / m <= 5);
            for (var d = new DateOnly(start.Year, start.Month, 1).AddMonths(1); d <= end; d = d.AddMonths(step)) ticks.Add((d.DayNumber, d.ToString("yyyy-MM", Inv)));
        }
        else
        {
            var step = DaySteps.First(n => days / n <= 5);
            for (var d = first; d <= last; d += step) ticks.Add((d, DateOnly.FromDayNumber(d).ToString("yyyy-MM-dd", Inv)));
        }
        if (ticks.Count == 0 || ticks[0].Item1 != first) ticks.Insert(0, (first, start.ToString("yyyy-MM-dd", Inv)));
        return ticks;
    }

    /// <summary>
    /// The provenance graph as an arc diagram: one row per document (and cited outside source), its label left of its
    /// node, and each relation an arc on the right from the derived document to its source, coloured by kind and
    /// explained by a tooltip. Labels and arcs live in separate columns, so nothing overlaps however many relations.
    /// </summary>
    public static string Provenance(IReadOnlyList<Document> documents, IReadOnlyList<Relation> relations) =>
        WriteProvenance(new StringBuilder(), documents, relations, Evidence.Label).ToString();

    /// <summary>
    /// <see cref="Provenance"/> appended to <paramref name="s"/>, each document named by <paramref name="label"/> (a page
    /// that names the same documents again passes labels it made once).
    /// </summary>
    public static StringBuilder WriteProvenance(StringBuilder s, IReadOnlyList<Document> documents, IReadOnlyList<Relation> relations, Func<Document, string> label)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(relations);
        var nodes = new List<(string Id, string Label, bool Outside)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            index[d.Id] = nodes.Count;
            nodes.Add((d.Id, label(d), false));
        }
        foreach (var r in relations)
        {
            var key = r.To ?? "outlet:" + r.ToOutlet;
            if (index.ContainsKey(key)) continue;
            index[key] = nodes.Count;
            nodes.Add((key, r.To ?? r.ToOutlet ?? "?", true));
        }
        const int row = 24, top = 30, nodeX = 340;
        var height = top + nodes.Count * row + 10;
        double Y(int i) => top + i * row + row / 2.0;
        var kinds = relations.Select(r => Evidence.Kind(r.Kind)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        s.Append(Inv, $"<svg class=\"chart graph\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Provenance graph: {nodes.Count} nodes, {relations.Count} relations\" xmlns=\"http://www.w3.org/2000/svg\">");
        s.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>");
        // The legend: one short line per relation kind, in the arcs' own styles.
        var legendX = 4.0;
        foreach (var kind in kinds)
        {
            s.Append(Inv, $"<line x1=\"{legendX:0.#}\" y1=\"12\" x2=\"{legendX + 18:0.#}\" y2=\"12\" class=\"edge {kind}\"/><text x=\"{legendX + 22:0.#}\" y=\"16\" class=\"tick\">{kind}</text>");
            legendX += 30 + TextWidth.Of(kind);
        }
        foreach (var r in relations)
        {
            if (!index.TryGetValue(r.From, out var a) || !index.TryGetValue(r.To ?? "outlet:" + r.ToOutlet, out var b) || a == b) continue;
            var (y1, y2) = (Y(a), Y(b));
            // A half-ellipse to the right whose bulge grows with the rows it spans, within the drawing.
            var bulge = Math.Min(Width - nodeX - 12, 14 + Math.Abs(b - a) * 10);
            s.Append(Inv, $"<path d=\"M{nodeX + 8},{y1:0.#} C{nodeX + 8 + bulge * 1.33:0.#},{y1:0.#} {nodeX + 8 + bulge * 1.33:0.#},{y2:0.#} {nodeX + 8},{y2:0.#}\" fill=\"none\" class=\"edge {Evidence.Kind(r.Kind)}\" marker-end=\"url(#arrow)\"><title>{E(nodes[a].Label)} {Evidence.Kind(r.Kind)} {E(nodes[b].Label)}</title></path>");
        }
        for (var i = 0; i < nodes.Count; i++)
        {
            var y = Y(i);
            s.Append(Inv, $"<circle cx=\"{nodeX}\" cy=\"{y:0.#}\" r=\"7\" class=\"node{(nodes[i].Outside ? " outside" : "")}\"><title>{E(nodes[i].Label)}</title></circle>");
            s.Append(Inv, $"<text x=\"{nodeX - 14}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"label\">{E(TextWidth.Fit(nodes[i].Label, nodeX - 20))}</text>");
        }
        s.Append("</svg>");
        return s;
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static int StableHash(string text)
    {
        // FNV-1a: string.GetHashCode is randomised per process, and reports must be the same on every run.
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7fffffff);
    }
}
