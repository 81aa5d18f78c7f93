using Triangulate.Model;

namespace Triangulate.Web;

/// <summary>
/// One piece of evidence shaded in a document's text: what kind it is ("figure", "status", "event", "statement",
/// "quote", "date", "entity"), a tooltip saying what was found there, and where to read more (its claim or quote).
/// </summary>
internal sealed record MarkedSpan(TextSpan Span, string Kind, string Label, string? Href);
