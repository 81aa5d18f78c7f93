using System.Globalization;
using System.Text;
using Triangulate.Ingest;
using Triangulate.Model;
using Triangulate.Reconcile;

namespace Triangulate.Report;

/// <summary>Turns spans into what a reader sees: the excerpt, its context, values and dates in words.</summary>
public static class Evidence
{
    /// <summary>Longest excerpt shown inline before it is shortened with an ellipsis.</summary>
    public const int MaxExcerpt = 200;

    /// <summary>The characters of <paramref name="span"/>: its own excerpt, else copied from the document; empty when neither is at hand.</summary>
    public static string Excerpt(TextSpan span, IReadOnlyDictionary<string, Document> documents)
    {
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(documents);
        if (span.Excerpt is not null) return span.Excerpt;
        if (!documents.TryGetValue(span.Document, out var d)) return "";
        var start = Math.Clamp(span.Start, 0, d.Text.Length);
        var end = Math.Clamp(span.End, start, d.Text.Length);
        return d.Text[start..end];
    }

    /// <summary>Text on one line, at most <paramref name="max"/> characters.</summary>
    public static string Short(string? text, int max = MaxExcerpt)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(Math.Min(text.Length, max + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = builder.Length > 0; continue; }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
            if (builder.Length >= max) { builder.Append('…'); break; }
        }
        return builder.ToString();
    }

    /// <summary>The text before and after a span (up to <paramref name="context"/> characters each), for showing it in place.</summary>
    public static (string Before, string Match, string After) InContext(TextSpan span, Document document, int context = 90)
    {
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var start = Math.Clamp(span.Start, 0, text.Length);
        var end = Math.Clamp(span.End, start, text.Length);
        var from = Math.Max(0, start - context);
        var to = Math.Min(text.Length, end + context);
        // Start and end at word boundaries so the context does not begin mid-word.
        while (from > 0 && from < start && !char.IsWhiteSpace(text[from - 1])) from++;
        while (to < text.Length && to > end && !char.IsWhiteSpace(text[to])) to--;
        return ((from > 0 ? "…" : "") + text[from..start], text[start..end], text[end..to] + (to < text.Length ? "…" : ""));
    }

    /// <summary>A series in words: whose, which measure, in which unit ("Mali: area (km2)").</summary>
    public static string SeriesLabel(FigureSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return (series.Subject is null ? "" : series.Subject + ": ") + series.Measure + (series.Unit is null ? "" : " (" + series.Unit + ")");
    }

    /// <summary>A series' points in time order: value and when ("1,376 (2024-08 – 2024-11-24) → 720–880 (2024-11-25)").</summary>
    public static string SeriesPoints(FigureSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var parts = new List<string>(series.Points.Count);
        foreach (var p in series.Points)
            parts.Add(Value(new QuantityValue { Low = p.Low, High = p.High }) + " (" + Dates(p.Date, p.End ?? p.Date) + ")");
        return string.Join(" → ", parts);
    }

    /// <summary>A value in words: "800 km2", "500–600 people".</summary>
    public static string Value(QuantityValue? value)
    {
        if (value is null) return "";
        var unit = string.IsNullOrEmpty(value.Unit) ? "" : " " + value.Unit;
        return (value.Low, value.High) switch
        {
            ({ } l, { } h) when l == h => Figures.Number(l) + unit,
            ({ } l, { } h) => Figures.Number(l) + "–" + Figures.Number(h) + unit,
            ({ } l, null) => "≥ " + Figures.Number(l) + unit,
            (null, { } h) => "≤ " + Figures.Number(h) + unit,
            _ => unit.Trim(),
        };
    }

    /// <summary>The middle of a value's bounds, or null.</summary>
    public static double? Middle(QuantityValue? value) => value switch
    {
        { Low: { } l, High: { } h } => (l + h) / 2,
        { Low: { } l } => l,
        { High: { } h } => h,
        _ => null,
    };

    /// <summary>A date range in words: "2024-11-20", "2024-11-20 – 2024-12-01", or "undated".</summary>
    public static string Dates(PartialDate? first, PartialDate? last) => (first, last) switch
    {
        ({ } f, { } l) when f == l => f.ToString(),
        ({ } f, { } l) => $"{f} – {l}",
        ({ } f, null) => $"from {f}",
        (null, { } l) => $"until {l}",
        _ => "undated",
    };

    /// <summary>A verdict as the contract spells it.</summary>
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Model.Verdict.Corroborated => "corroborated",
        Model.Verdict.SingleSource => "single-source",
        _ => "contested",
    };

    /// <summary>
    /// A claim's verdict in words, with its modality when it is no reported fact ("single-source (order)"): an order,
    /// plan, hypothetical or denial corroborates nothing, and the reader must not take it for a report.
    /// </summary>
    public static string VerdictOf(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var verdict = Verdict(claim.Verdict);
        return claim.Mentions.FirstOrDefault(m => m.Modality is not null)?.Modality is { } modality ? verdict + " (" + modality + ")" : verdict;
    }

    /// <summary>A relation kind as the contract spells it.</summary>
    public static string Kind(RelationKind kind) => Lower<RelationKind>.Of(kind);

    /// <summary>A claim kind as the contract spells it.</summary>
    public static string Kind(ClaimKind kind) => Lower<ClaimKind>.Of(kind);

    /// <summary>A block kind as the contract spells it.</summary>
    public static string Kind(BlockKind kind) => Lower<BlockKind>.Of(kind);

    /// <summary>An enum's names in lower case, made once: a story page spells a kind per claim, relation and block.</summary>
    private static class Lower<T>
        where T : struct, Enum
    {
        private static readonly System.Collections.Frozen.FrozenDictionary<T, string> Names =
            System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(Enum.GetValues<T>().Distinct(), v => v, v => v.ToString().ToLowerInvariant());

        public static string Of(T value) => Names.TryGetValue(value, out var name) ? name : value.ToString().ToLowerInvariant();
    }

    /// <summary>
    /// A short label for a document: outlet and title. A blank outlet reads "unknown outlet" with the source's web host
    /// when it has one; a blank title is the source's last path segment, so no document is ever a blank line.
    /// </summary>
    public static string Label(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var title = string.IsNullOrWhiteSpace(document.Title) ? SourceName(document.Source) : document.Title;
        return $"{OutletOf(document)}: {title}";
    }

    /// <summary>The document's outlet, else "unknown outlet (host)" from a web source, else "unknown outlet".</summary>
    public static string OutletOf(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!string.IsNullOrWhiteSpace(document.Outlet)) return document.Outlet;
        return Host(document.Source) is { } host ? $"unknown outlet ({host})" : "unknown outlet";
    }

    /// <summary>The web host of a URL source without "www.", or null for a file path.</summary>
    public static string? Host(string? source) => SourceMetadata.WebHost(source);

    /// <summary>A source's last path segment (a file name, a URL's page), or the whole source when it has none.</summary>
    public static string SourceName(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var path = Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsolutePath.TrimEnd('/') : source;
        var name = System.IO.Path.GetFileName(path);
        return name.Length > 0 ? name : source;
    }

    /// <summary>"1 story", "2 stories": a count with its noun.</summary>
    public static string Count(int n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");
}
