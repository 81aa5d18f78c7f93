using System.Globalization;
using System.Net;
using System.Text;
using Triangulate.Model;

namespace Triangulate.Report;

/// <summary>
/// Writes <c>dossier.html</c>: one self-contained file (inline CSS and SVG, no script, no external request) with the
/// Markdown report's content plus charts of figures over time, the timeline and the provenance graph. Every piece of
/// document text is HTML-encoded; evidence is shown in its context with the claimed characters in <c>&lt;mark&gt;</c>.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Sections with more items than this start folded.</summary>
    private const int FoldAbove = 10;

    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public string FileName => "dossier.html";

    /// <inheritdoc />
    public void Write(DossierSource source, Stream output)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        w.WriteLine("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Dossier</title>");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        // No external request may leave this file: the policy forbids it even if a document's text were ever rendered as markup.
        w.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        w.Write("<style>");
        w.Write(HtmlStyle.Css);
        w.WriteLine("</style></head><body>");
        w.WriteLine("<a class=\"skip\" href=\"#main\">Skip to content</a>");
        w.WriteLine("<header class=\"site\"><strong>Triangulate dossier</strong><nav aria-label=\"Stories\"><ul>");
        foreach (var story in source.Stories) w.WriteLine($"<li><a href=\"#{A(story.Id)}\">{E(Evidence.Short(story.Title, 60))}</a></li>");
        w.WriteLine("<li><a href=\"#unstoried\">Other documents</a></li><li><a href=\"#problems\">Problems</a></li></ul></nav></header>");
        w.WriteLine("<main id=\"main\">");
        w.WriteLine(string.Create(Inv, $"<h1>Dossier</h1><p>Generated {source.Generated:yyyy-MM-dd HH:mm} UTC: {source.Totals()}.</p>"));
        foreach (var failure in source.FailedStages)
            w.WriteLine($"<p class=\"incomplete\" role=\"alert\"><strong>Incomplete:</strong> stage <code>{E(failure.Stage)}</code> failed ({E(failure.Error)}): {E(failure.Consequence)}.</p>");

        // Story by story: each story's section rendered on any core, a chunk of stories at a time, and written in story
        // order; a chunk's documents, findings and markup in memory at a time, whatever the store holds.
        foreach (var section in source.RenderStories(story => Section(story, source)))
            w.Write(section);

        var rest = source.Unstoried().ToList();
        w.WriteLine("<section id=\"unstoried\" aria-labelledby=\"unstoried-h\"><h2 id=\"unstoried-h\">Documents in no story</h2>");
        if (rest.Count == 0) w.WriteLine("<p>Every document belongs to a story.</p>");
        else WriteDocumentTable(w, rest);
        w.WriteLine("</section>");

        w.WriteLine("<section id=\"problems\" aria-labelledby=\"problems-h\"><h2 id=\"problems-h\">Problems</h2>");
        if (source.Problems.Count == 0) w.WriteLine("<p>None.</p>");
        else
        {
            w.WriteLine("<ul>");
            foreach (var p in source.Problems) w.WriteLine($"<li><code>{E(p.Source)}</code>: {E(p.Error)}</li>");
            w.WriteLine("</ul>");
        }
        w.WriteLine("</section></main></body></html>");
    }

    /// <summary>One story's section, as <see cref="WriteStory"/> writes it.</summary>
    private static string Section(Dossier story, DossierSource source)
    {
        using var w = new StringWriter(Inv) { NewLine = "\n" };
        var documents = StoryDigest.Index(story.Documents);
        WriteStory(w, StoryDigest.Build(story, story.Stories[0], documents, source.GroupsOf(story)), documents, story.Entities);
        return w.ToString();
    }

    private static void WriteStory(TextWriter w, StoryDigest digest, Dictionary<string, Document> documents, IReadOnlyList<Entity> entities)
    {
        var names = new EntityNames(entities);
        var speakers = names.BySpeaker(digest.Quotes);
        var id = A(digest.Story.Id);
        w.WriteLine($"<section id=\"{id}\" aria-labelledby=\"{id}-h\"><h2 id=\"{id}-h\">{E(digest.Story.Title)}</h2>");
        w.WriteLine(string.Create(Inv, $"<dl class=\"summary\"><dt>Documents</dt><dd>{digest.Documents.Count}</dd><dt>Outlets</dt><dd>{digest.Outlets.Count}{(digest.Outlets.Count > 0 ? " (" + E(string.Join(", ", digest.Outlets)) + ")" : "")}</dd><dt>Independent sources</dt><dd>{digest.IndependentSources}</dd><dt>Dates</dt><dd>{E(Evidence.Dates(digest.First, digest.Last))}</dd></dl>"));

        var figures = new List<Claim>();
        var others = new List<Claim>();
        foreach (var c in digest.Claims) (c.Kind == ClaimKind.Quantity ? figures : others).Add(c);
        if (figures.Count > 0)
        {
            w.WriteLine("<h3>Key figures</h3>");
            foreach (var group in digest.FigureGroups())
                if (group.Claims.Count > 0)
                    w.WriteLine($"<figure><figcaption>{E(group.Label)} over time</figcaption>{SvgCharts.Figure(group)}</figure>");
            WriteClaims(w, figures, documents);
        }
        if (digest.Series.Count > 0)
        {
            w.WriteLine("<h3>Figures over time</h3><ul>");
            foreach (var series in digest.Series)
            {
                w.Write($"<li><strong>{E(Evidence.SeriesLabel(series))}</strong>: {E(Evidence.SeriesPoints(series))}");
                if (series.Notes.Count > 0)
                {
                    w.Write("<ul>");
                    foreach (var note in series.Notes) w.Write($"<li>check: {E(note)}</li>");
                    w.Write("</ul>");
                }
                w.WriteLine("</li>");
            }
            w.WriteLine("</ul>");
        }
        if (others.Count > 0)
        {
            Open(w, "Other claims", others.Count);
            WriteClaims(w, others, documents);
            w.WriteLine("</details>");
        }

        if (digest.Contradictions.Count > 0)
        {
            var claims = new Dictionary<string, Claim>(StringComparer.Ordinal);
            foreach (var c in digest.Claims) claims[c.Id] = c;
            w.WriteLine("<h3>Contradictions</h3><ul>");
            foreach (var x in digest.Contradictions)
            {
                w.WriteLine($"<li><strong>{E(x.About)}</strong>: {E(x.Explanation)}<ul>");
                foreach (var cid in x.Claims)
                    if (claims.TryGetValue(cid, out var c))
                    {
                        w.Write($"<li>{E(c.Text)}");
                        foreach (var m in c.Mentions) WriteEvidence(w, m.Span, documents);
                        w.WriteLine("</li>");
                    }
                w.WriteLine("</ul></li>");
            }
            w.WriteLine("</ul>");
        }

        if (digest.Timeline.Count > 0)
        {
            Open(w, "Timeline", digest.Timeline.Count);
            w.WriteLine($"<figure>{SvgCharts.Timeline(digest.Timeline)}</figure><ol>");
            foreach (var t in digest.Timeline)
            {
                w.Write($"<li><strong>{E(Evidence.Dates(t.Start, t.End))}</strong>: {E(t.Text)} <span class=\"muted\">(");
                w.Write(E(string.Join(", ", t.Documents.Select(d => documents.TryGetValue(d, out var doc) ? Evidence.Label(doc) : d))));
                w.WriteLine(")</span></li>");
            }
            w.WriteLine("</ol></details>");
        }

        if (digest.Quotes.Count > 0)
        {
            Open(w, "Quotes by speaker", digest.Quotes.Count);
            foreach (var group in speakers)
            {
                // A resolved speaker links to its row in the story's entity list: the file's stand-in for an entity page,
                // whose quote count links back here.
                var name = group.Entity is { } speaker ? $"<a href=\"#ent-{A(speaker.Id)}\">{E(group.Name)}</a>" : E(group.Name);
                var anchor = group.Entity is { } said ? $" id=\"said-{A(said.Id)}\"" : "";
                w.WriteLine($"<h4 class=\"speaker\"{anchor}>{name}{(group.Kind is { } k and not SpeakerKind.Named ? " <span class=\"muted\">(" + k.ToString().ToLowerInvariant() + ")</span>" : "")}</h4>");
                foreach (var q in group.Quotes)
                {
                    w.Write($"<div class=\"quote\"><blockquote>“{E(q.Variants.Count > 0 ? q.Variants[0].Text : "")}”</blockquote>");
                    foreach (var v in q.Variants) WriteEvidence(w, v.Span, documents);
                    w.WriteLine("</div>");
                }
            }
            w.WriteLine("</details>");
        }

        if (digest.Relations.Count > 0)
        {
            w.WriteLine("<h3>Provenance</h3>");
            w.WriteLine($"<figure><figcaption>Arrows point from a document to what it was taken from.</figcaption>{SvgCharts.Provenance(digest.Documents, digest.Relations)}</figure><ul class=\"provenance-list\">");
            foreach (var r in digest.Relations)
            {
                w.Write($"<li>{DocumentLink(r.From, documents)} {Evidence.Kind(r.Kind)} {(r.To is not null ? DocumentLink(r.To, documents) : E(r.ToOutlet))}");
                if (r.Score is { } s) w.Write(string.Create(Inv, $" <span class=\"muted\">(score {s:0.00})</span>"));
                foreach (var pair in r.Evidence.Take(2))
                {
                    WriteEvidence(w, pair.From, documents);
                    // A citation's evidence is its own words on both sides (there is no cited passage): shown once.
                    if (pair.To != pair.From) WriteEvidence(w, pair.To, documents);
                }
                w.WriteLine("</li>");
            }
            w.WriteLine("</ul>");
        }

        Open(w, "Documents", digest.Documents.Count);
        WriteDocumentTable(w, digest.Documents);
        w.WriteLine("</details>");
        if (entities.Count > 0)
        {
            Open(w, "People, organisations and places", entities.Count);
            // Each entity's quotes: the count links to its group under "Quotes by speaker".
            var quoted = speakers.Where(g => g.Entity is not null).ToDictionary(g => g.Entity!.Id, g => g.Quotes.Count, StringComparer.Ordinal);
            w.WriteLine("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Type</th><th scope=\"col\">Also written</th><th scope=\"col\">Mentions</th><th scope=\"col\">Quotes</th></tr></thead><tbody>");
            foreach (var e in entities.OrderByDescending(e => e.Mentions.Count).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase))
            {
                var aliases = e.Aliases.Where(a => !string.Equals(a, e.Name, StringComparison.OrdinalIgnoreCase));
                var quotes = quoted.TryGetValue(e.Id, out var count) ? string.Create(Inv, $"<a href=\"#said-{A(e.Id)}\">{count}</a>") : "";
                w.WriteLine(string.Create(Inv, $"<tr id=\"ent-{A(e.Id)}\"><td>{E(e.Name)}</td><td>{e.Type.ToString().ToLowerInvariant()}</td><td>{E(string.Join(", ", aliases))}</td><td>{e.Mentions.Count}</td><td>{quotes}</td></tr>"));
            }
            w.WriteLine("</tbody></table></div></details>");
        }
        w.WriteLine("</section>");
    }

    /// <summary>
    /// Opens a section that folds: collapsed by default when it holds more than <see cref="FoldAbove"/> items, so a long
    /// list does not bury the next section; the print style unfolds every one.
    /// </summary>
    private static void Open(TextWriter w, string title, int items) =>
        w.WriteLine(string.Create(Inv, $"<details class=\"fold\"{(items > FoldAbove ? "" : " open")}><summary><h3>{E(title)} ({items})</h3></summary>"));

    private static void WriteClaims(TextWriter w, List<Claim> claims, IReadOnlyDictionary<string, Document> documents)
    {
        w.WriteLine("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Claim</th><th scope=\"col\">Value</th><th scope=\"col\">Time</th><th scope=\"col\">Kind</th><th scope=\"col\">Verdict</th><th scope=\"col\">Sources (independent)</th><th scope=\"col\">Evidence</th></tr></thead><tbody>");
        foreach (var c in claims)
        {
            w.Write(string.Create(Inv, $"<tr id=\"{A(c.Id)}\"><td>{E(c.Text)}</td><td>{E(Evidence.Value(c.Value))}</td><td>{E(Evidence.Dates(c.Time?.Start, c.Time?.End))}</td><td>{Evidence.Kind(c.Kind)}</td><td><span class=\"verdict {Evidence.Verdict(c.Verdict)}\">{E(Evidence.VerdictOf(c))}</span></td><td>{c.Sources.Count} ({c.IndependentSources})</td><td>"));
            foreach (var m in c.Mentions) WriteEvidence(w, m.Span, documents);
            w.WriteLine("</td></tr>");
        }
        w.WriteLine("</tbody></table></div>");
    }

    /// <summary>One piece of evidence: the document id and the characters in context, the claimed ones marked.</summary>
    private static void WriteEvidence(TextWriter w, TextSpan span, IReadOnlyDictionary<string, Document> documents)
    {
        var known = documents.TryGetValue(span.Document, out var d);
        w.Write($"<div class=\"excerpt\"><a href=\"#doc-{A(span.Document)}\" title=\"{A(span.Document)}\">{E(known ? Evidence.Label(d!) : span.Document)}</a> ");
        if (known)
        {
            var (before, match, after) = Evidence.InContext(span, d!, 60);
            w.Write($"{E(before)}<mark>{E(match)}</mark>{E(after)}");
        }
        else w.Write($"<mark>{E(span.Excerpt)}</mark>");
        w.Write("</div>");
    }

    /// <summary>A document by its title, linked to its row in the document table.</summary>
    private static string DocumentLink(string id, Dictionary<string, Document> documents) =>
        $"<a href=\"#doc-{A(id)}\">{E(documents.TryGetValue(id, out var d) ? Evidence.Label(d) : id)}</a>";

    private static void WriteDocumentTable(TextWriter w, IReadOnlyList<Document> documents)
    {
        w.WriteLine("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Title</th><th scope=\"col\">Outlet</th><th scope=\"col\">Published</th><th scope=\"col\">Language</th><th scope=\"col\">Source</th></tr></thead><tbody>");
        foreach (var d in documents)
        {
            var published = d.Published is null ? "" : (d.Published.Date?.ToString() ?? Evidence.Dates(d.Published.Earliest, d.Published.Latest)) + " (" + d.Published.Basis.ToString().ToLowerInvariant() + ")";
            w.WriteLine($"<tr id=\"doc-{A(d.Id)}\"><td><code>{E(d.Id)}</code></td><td>{E(string.IsNullOrWhiteSpace(d.Title) ? Evidence.SourceName(d.Source) : d.Title)}</td><td>{E(Evidence.OutletOf(d))}</td><td>{E(published)}</td><td>{E(d.Language)}</td><td>{E(d.Source)}</td></tr>");
        }
        w.WriteLine("</tbody></table></div>");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An id or fragment safe in an attribute (ids are content hashes; anything else is encoded).</summary>
    private static string A(string text) => WebUtility.HtmlEncode(text);
}
