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

    /// <summary>A figure's values over time: one dot per claim (a bar for a range), joined in time order.</summary>
    public static string Figure(FigureGroup group)
    {
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
        var s = new StringBuilder();
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
        var labelled = new HashSet<int>();
        foreach (var c in claims)
        {
            var day = c.Time!.Start!.Value.Earliest.DayNumber;
            var x = X(day);
            if (c.Value!.Low is { } l && c.Value.High is { } h && l != h)
                s.Append(Inv, $"<line x1=\"{x:0.#}\" y1=\"{Y(l):0.#}\" x2=\"{x:0.#}\" y2=\"{Y(h):0.#}\" class=\"range\"/>");
            s.Append(Inv, $"<circle cx=\"{x:0.#}\" cy=\"{Y(Evidence.Middle(c.Value)!.Value):0.#}\" r=\"5\" class=\"dot {Evidence.Verdict(c.Verdict)}\"><title>{E(c.Time.Start.ToString())}: {E(Evidence.Value(c.Value))} ({Evidence.Verdict(c.Verdict)}, {c.IndependentSources} independent) {E(c.Text)}</title></circle>");
            if (labelled.Add(day))
                s.Append(Inv, $"<text x=\"{x:0.#}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" class=\"tick\">{E(c.Time.Start.ToString())}</text>");
        }
        s.Append("</svg>");
        return s.ToString();
    }

    /// <summary>The timeline: each entry a mark (a bar for a range) on one time axis, labelled.</summary>
    public static string Timeline(IReadOnlyList<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return "";
        const int left = 20, right = 20, row = 22, top = 30;
        var height = top + entries.Count * row + 20;
        var first = int.MaxValue;
        var last = int.MinValue;
        foreach (var e in entries)
        {
            first = Math.Min(first, e.Start.Earliest.DayNumber);
            last = Math.Max(last, e.End.Latest.DayNumber);
        }
        var span = Math.Max(1, last - first);
        double X(int day) => left + (day - first) * (double)(Width / 2 - left - right) / span;
        var s = new StringBuilder();
        s.Append(Inv, $"<svg class=\"chart timeline\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Timeline from {DateOnly.FromDayNumber(first):yyyy-MM-dd} to {DateOnly.FromDayNumber(last):yyyy-MM-dd}\" xmlns=\"http://www.w3.org/2000/svg\">");
        s.Append(Inv, $"<text x=\"{left}\" y=\"16\" class=\"tick\">{DateOnly.FromDayNumber(first):yyyy-MM-dd}</text><text x=\"{Width / 2 - right}\" y=\"16\" text-anchor=\"end\" class=\"tick\">{DateOnly.FromDayNumber(last):yyyy-MM-dd}</text>");
        s.Append(Inv, $"<line x1=\"{left}\" y1=\"{top - 6}\" x2=\"{Width / 2 - right}\" y2=\"{top - 6}\" class=\"axis\"/>");
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var y = top + i * row + row / 2;
            var x1 = X(e.Start.Earliest.DayNumber);
            var x2 = Math.Max(x1 + 4, X(e.End.Latest.DayNumber));
            s.Append(Inv, $"<rect x=\"{x1:0.#}\" y=\"{y - 5}\" width=\"{x2 - x1:0.#}\" height=\"10\" rx=\"3\" class=\"mark\"><title>{E(Evidence.Dates(e.Start, e.End))}: {E(e.Text)}</title></rect>");
            s.Append(Inv, $"<text x=\"{Width / 2 + 4}\" y=\"{y + 4}\" class=\"label\">{E(e.Start.ToString())} {E(Evidence.Short(e.Text, 48))}</text>");
        }
        s.Append("</svg>");
        return s.ToString();
    }

    /// <summary>The provenance graph: documents (and cited outside sources) on a circle, each relation an arrow from the derived document to its source.</summary>
    public static string Provenance(IReadOnlyList<Document> documents, IReadOnlyList<Relation> relations)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(relations);
        var nodes = new List<(string Id, string Label, bool Outside)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            index[d.Id] = nodes.Count;
            nodes.Add((d.Id, Evidence.Short(Evidence.Label(d), 28), false));
        }
        foreach (var r in relations)
        {
            var key = r.To ?? "outlet:" + r.ToOutlet;
            if (index.ContainsKey(key)) continue;
            index[key] = nodes.Count;
            nodes.Add((key, Evidence.Short(r.To ?? r.ToOutlet ?? "?", 28), true));
        }
        const int height = 360;
        double cx = Width / 2.0, cy = height / 2.0, radius = Math.Min(cx, cy) - 60;
        var points = new (double X, double Y)[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var angle = -Math.PI / 2 + 2 * Math.PI * i / Math.Max(1, nodes.Count);
            points[i] = nodes.Count == 1 ? (cx, cy) : (cx + radius * Math.Cos(angle), cy + radius * Math.Sin(angle));
        }
        var s = new StringBuilder();
        s.Append(Inv, $"<svg class=\"chart graph\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Provenance graph: {nodes.Count} nodes, {relations.Count} relations\" xmlns=\"http://www.w3.org/2000/svg\">");
        s.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>");
        foreach (var r in relations)
        {
            if (!index.TryGetValue(r.From, out var a) || !index.TryGetValue(r.To ?? "outlet:" + r.ToOutlet, out var b) || a == b) continue;
            var (x1, y1) = points[a];
            var (x2, y2) = points[b];
            var length = Math.Max(1, Math.Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)));
            // Stop short of the node circles so the arrowhead stays visible.
            var (dx, dy) = ((x2 - x1) / length * 14, (y2 - y1) / length * 14);
            s.Append(Inv, $"<line x1=\"{x1 + dx:0.#}\" y1=\"{y1 + dy:0.#}\" x2=\"{x2 - dx:0.#}\" y2=\"{y2 - dy:0.#}\" class=\"edge {Evidence.Kind(r.Kind)}\" marker-end=\"url(#arrow)\"><title>{E(r.From)} {Evidence.Kind(r.Kind)} {E(r.To ?? r.ToOutlet)}</title></line>");
            s.Append(Inv, $"<text x=\"{(x1 + x2) / 2:0.#}\" y=\"{(y1 + y2) / 2 - 4:0.#}\" text-anchor=\"middle\" class=\"tick\">{Evidence.Kind(r.Kind)}</text>");
        }
        for (var i = 0; i < nodes.Count; i++)
        {
            var (x, y) = points[i];
            s.Append(Inv, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"12\" class=\"node{(nodes[i].Outside ? " outside" : "")}\"><title>{E(nodes[i].Id)}</title></circle>");
            s.Append(Inv, $"<text x=\"{x:0.#}\" y=\"{y + 28:0.#}\" text-anchor=\"middle\" class=\"label\">{E(nodes[i].Label)}</text>");
        }
        s.Append("</svg>");
        return s.ToString();
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
