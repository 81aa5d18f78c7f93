using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Triangulate.Model;
using Triangulate.Report;
using Triangulate.Store;
using static Triangulate.Web.Html;

namespace Triangulate.Web;

/// <summary>
/// The server-rendered pages. Each reads only what it shows: a story page its story's rows, a document page the document
/// and its story; the story list and the entity ranking come from <see cref="StoreIndex"/>, kept between requests.
/// </summary>
internal sealed partial class Pages(IStore store, StoreIndex index, int pageSize)
{
    /// <summary>How many bytes of story pages are kept at most.</summary>
    private const long StoryCacheBytes = 16L * 1024 * 1024;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly ConcurrentDictionary<string, Tuple<StoreSnapshot, byte[]>> _stories = new(StringComparer.Ordinal);
    private long _storyBytes;

    /// <summary>
    /// Story pages rendered at once, at most one per core: twenty readers rendering twenty cold stories together share
    /// the cores no faster, but hold twenty stories' rows alive through each collection (docs/benchmarks.md, "Merged
    /// main, session 23").
    /// </summary>
    private static readonly SemaphoreSlim Rendering = new(Math.Max(1, Environment.ProcessorCount));

    private static int _renderingNow, _renderingPeak;

    /// <summary>The most story pages this process has rendered at once.</summary>
    internal static int PeakRenderingAtOnce => Volatile.Read(ref _renderingPeak);
    private Tuple<StoreSnapshot, byte[]>? _home; // a reference, so a reader never sees half of another's write

    /// <summary>
    /// The story list in UTF-8, made once per snapshot of the store: every reader of the same snapshot gets the same
    /// bytes (at 100,000 articles the page is megabytes; encoding it per request made that much garbage per reader).
    /// </summary>
    public byte[] Stories()
    {
        var snapshot = index.Current();
        if (Volatile.Read(ref _home) is { } home && ReferenceEquals(home.Item1, snapshot)) return home.Item2;
        var s = new StringBuilder("<h1>Stories</h1>");
        if (snapshot.Stories.Count == 0) s.Append("<p>No stories yet. <a href=\"/upload\">Upload</a> articles or run <code>triangulate analyze</code>.</p>");
        else
        {
            // Newest first: the story a reader most likely came for. The table sorts, filters and pages in the browser.
            s.Append("<div class=\"table-wrap\"><table class=\"data-table\" id=\"stories\" aria-label=\"Stories\"><thead><tr><th scope=\"col\">Story</th><th scope=\"col\">Documents</th><th scope=\"col\">Outlets</th><th scope=\"col\">Independent sources</th><th scope=\"col\">Claims</th><th scope=\"col\">Dates</th></tr></thead><tbody>");
            foreach (var d in snapshot.Stories.OrderByDescending(d => d.Last).ThenByDescending(d => d.Documents))
                s.Append(Inv, $"<tr><td><a href=\"/stories/{U(d.Story.Id)}\">{E(d.Story.Title)}</a></td><td>{d.Documents}</td><td>{d.Outlets}</td><td>{d.IndependentSources}</td><td>{d.Claims}</td><td data-sort=\"{E(d.Last?.ToString())}\">{E(Evidence.Dates(d.First, d.Last))}</td></tr>");
            s.Append("</tbody></table></div>");
        }
        s.Append(Inv, $"<h2>Documents in no story ({snapshot.Unstoried.Count})</h2><ul>");
        foreach (var (id, label) in snapshot.Unstoried) s.Append(Inv, $"<li><a href=\"/documents/{U(id)}\">{E(label)}</a></li>");
        s.Append("</ul>");
        var html = PageBytes("Stories", s);
        Volatile.Write(ref _home, Tuple.Create(snapshot, html));
        return html;
    }

    /// <summary>
    /// The stored documents, latest arrival first, <c>pageSize</c> to a page, in a table that sorts, filters and pages.
    /// Only the page's documents are read (the store's arrival index), each with its story named from the kept story list.
    /// </summary>
    public string Documents(int page)
    {
        var count = store.DocumentCount;
        page = Math.Clamp(page, 1, Math.Max(1, (count + pageSize - 1) / pageSize));
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in index.Current().Stories) titles[row.Story.Id] = row.Story.Title;
        var s = new StringBuilder(string.Create(Inv, $"<h1>Documents ({count})</h1>"));
        s.Append("<div class=\"table-wrap\"><table class=\"data-table\" id=\"documents\" aria-label=\"Documents\"><thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Outlet</th><th scope=\"col\">Published</th><th scope=\"col\">Language</th><th scope=\"col\">Story</th><th scope=\"col\">Source</th></tr></thead><tbody>");
        foreach (var d in store.ReadLatestDocuments((page - 1) * pageSize, pageSize))
        {
            var published = d.Published?.Date?.ToString() ?? (d.Published is { } p ? Evidence.Dates(p.Earliest, p.Latest) : "");
            var title = string.IsNullOrWhiteSpace(d.Title) ? Evidence.SourceName(d.Source) : d.Title;
            var story = store.StoryOf(d.Id) is { } id && titles.TryGetValue(id, out var storyTitle) ? $"<a href=\"/stories/{U(id)}\">{E(Evidence.Short(storyTitle, 60))}</a>" : "";
            s.Append(Inv, $"<tr><td><a href=\"/documents/{U(d.Id)}\">{E(title)}</a></td><td>{E(Evidence.OutletOf(d))}</td><td>{E(published)}</td><td>{E(d.Language)}</td><td>{story}</td><td class=\"source\">{E(d.Source)}</td></tr>");
        }
        s.Append("</tbody></table></div>");
        Pager(s, "/documents", page, count);
        return Page("Documents", s.ToString());
    }

    /// <summary>The entities, most mentioned first, <c>pageSize</c> to a page, with their quotes counted, in a table that sorts, filters and pages.</summary>
    public string Entities(int page)
    {
        var ranking = index.Current().Entities;
        page = Math.Clamp(page, 1, Math.Max(1, (ranking.Count + pageSize - 1) / pageSize));
        var shown = ranking.Skip((page - 1) * pageSize).Take(pageSize);
        var s = new StringBuilder(string.Create(Inv, $"<h1>Entities ({ranking.Count})</h1>"));
        s.Append("<div class=\"table-wrap\"><table class=\"data-table\" id=\"entities\" aria-label=\"Entities\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Type</th><th scope=\"col\">Mentions</th><th scope=\"col\">Documents</th><th scope=\"col\">Quotes</th><th scope=\"col\">Also written</th></tr></thead><tbody>");
        foreach (var e in shown)
        {
            var aliases = e.Aliases.Where(a => !string.Equals(a, e.Name, StringComparison.OrdinalIgnoreCase));
            s.Append(Inv, $"<tr><td><a href=\"/entities/{U(e.Id)}\">{E(e.Name)}</a></td><td>{e.Type.ToString().ToLowerInvariant()}</td><td>{e.Mentions}</td><td>{e.Documents}</td><td>{e.Quotes}</td><td>{E(string.Join(", ", aliases))}</td></tr>");
        }
        s.Append("</tbody></table></div>");
        Pager(s, "/entities", page, ranking.Count);
        return Page("Entities", s.ToString());
    }

    /// <summary>Links to the previous and next server pages of a long list (none when it fits on one).</summary>
    private void Pager(StringBuilder s, string path, int page, int total)
    {
        var pages = (total + pageSize - 1) / pageSize;
        if (pages <= 1) return;
        s.Append(Inv, $"<nav class=\"pages\" aria-label=\"More pages\"><p>Page {page} of {pages}: ");
        if (page > 1) s.Append(Inv, $"<a rel=\"prev\" href=\"{path}?page={page - 1}\">previous {pageSize}</a> ");
        if (page < pages) s.Append(Inv, $"<a rel=\"next\" href=\"{path}?page={page + 1}\">next {Math.Min(pageSize, total - page * pageSize)}</a>");
        s.Append("</p></nav>");
    }

    /// <summary>Story pages kept rendered (until the store changes or the cache is full).</summary>
    internal int KeptStoryPages => _stories.Count;

    /// <summary>
    /// A story's page, kept until the store's snapshot changes (any story's fingerprint or the document count: what the
    /// page shows is the story's rows and the names of entities it shares with other stories); a reader of a popular
    /// story costs one lookup. The kept pages (UTF-8) are bounded: past <see cref="StoryCacheBytes"/> they are all let go.
    /// </summary>
    public byte[]? Story(string id)
    {
        var snapshot = index.Current();
        if (Kept(id, snapshot) is { } kept) return kept;
        byte[]? rendered;
        Rendering.Wait();
        try
        {
            // A reader that waited while another rendered the same story takes that page.
            if (Kept(id, snapshot) is { } made) return made;
            rendered = RenderCounted(id);
        }
        finally
        {
            Rendering.Release();
        }
        if (rendered is not { } html) return null;
        if (Interlocked.Add(ref _storyBytes, html.Length) > StoryCacheBytes)
        {
            _stories.Clear();
            Interlocked.Exchange(ref _storyBytes, html.Length);
        }
        _stories[id] = Tuple.Create(snapshot, html);
        return html;
    }

    private byte[]? Kept(string id, StoreSnapshot snapshot) =>
        _stories.TryGetValue(id, out var kept) && ReferenceEquals(kept.Item1, snapshot) ? kept.Item2 : null;

    /// <summary><see cref="RenderStory"/>, counted in <see cref="PeakRenderingAtOnce"/>.</summary>
    private byte[]? RenderCounted(string id)
    {
        var now = Interlocked.Increment(ref _renderingNow);
        for (var peak = Volatile.Read(ref _renderingPeak); now > peak; peak = Volatile.Read(ref _renderingPeak))
            if (Interlocked.CompareExchange(ref _renderingPeak, now, peak) == peak) break;
        try
        {
            return RenderStory(id);
        }
        finally
        {
            Interlocked.Decrement(ref _renderingNow);
        }
    }

    /// <summary>
    /// Builders of story pages, reused: one render at a time per core takes one (<see cref="Rendering"/>), so there are
    /// about as many as cores. A page's characters were the largest garbage of a cold story (docs/benchmarks.md, session 26).
    /// </summary>
    private static readonly ConcurrentQueue<StringBuilder> Builders = new();

    /// <summary>A builder that grew past this many characters (a story page of megabytes) is let go, not kept.</summary>
    private const int KeptBuilderChars = 1 << 20;

    private byte[]? RenderStory(string id)
    {
        if (StoryView.Load(store, id) is not { } view) return null;
        var s = Builders.TryDequeue(out var kept) ? kept : new StringBuilder(64 * 1024);
        try
        {
            return Render(view, s);
        }
        finally
        {
            if (s.Capacity <= KeptBuilderChars)
            {
                s.Clear();
                Builders.Enqueue(s);
            }
        }
    }

    private static byte[] Render(StoryView view, StringBuilder s)
    {
        var story = view.Findings.Story;
        var documents = view.Documents;
        var labels = new DocumentLabels(documents);
        var d = view.Digest;
        var names = view.Names;
        s.Append(Inv, $"<h1>{E(story.Title)}</h1><dl class=\"summary\"><dt>Documents</dt><dd>{d.Documents.Count}</dd><dt>Outlets</dt><dd>{E(string.Join(", ", d.Outlets))}</dd><dt>Independent sources</dt><dd>{d.IndependentSources}</dd><dt>Dates</dt><dd>{E(Evidence.Dates(d.First, d.Last))}</dd></dl>");
        foreach (var group in d.FigureGroups())
            SvgCharts.WriteFigure(s.Append("<figure><figcaption>").Append(E(group.Label)).Append(" over time</figcaption>"), group).Append("</figure>");
        foreach (var series in d.Series)
            foreach (var note in series.Notes) s.Append("<p class=\"muted\">Check of ").Append(E(Evidence.SeriesLabel(series))).Append(": ").Append(E(note)).Append("</p>");

        s.Append("<h2>Claims</h2><form class=\"filters\" id=\"claim-filters\" aria-label=\"Filter claims\">");
        // Each menu's values in the order first met, each named once (by the first claim that has it).
        var options = new FilterOptions();
        foreach (var c in d.Claims) options.Add(Evidence.Verdict(c.Verdict), Evidence.Verdict(c.Verdict));
        Select(s, "f-verdict", "Verdict", options);
        foreach (var c in d.Claims) options.Add(Evidence.Kind(c.Kind), Evidence.Kind(c.Kind));
        Select(s, "f-kind", "Kind", options);
        // The options carry ids (what the rows are tagged with) and show names: an entity's, a document's title.
        foreach (var c in d.Claims) options.Add(c.Subject ?? "", c, (subject, claim) => names.Name(subject, claim.Sources.Count > 0 ? claim.Sources[0] : null));
        Select(s, "f-subject", "Entity or subject", options);
        foreach (var c in d.Claims)
            foreach (var source in c.Sources) options.Add(source, labels, static (source, labels) => labels.Name(source));
        Select(s, "f-source", "Source", options);
        s.Append("<span id=\"claim-count\" class=\"muted\" aria-live=\"polite\"></span></form>");
        s.Append("<div class=\"table-wrap\"><table id=\"claims\" class=\"data-table\" aria-label=\"Claims\"><thead><tr><th scope=\"col\">Claim</th><th scope=\"col\">Value</th><th scope=\"col\">Time</th><th scope=\"col\">Kind</th><th scope=\"col\">Verdict</th><th scope=\"col\">Sources (independent)</th><th scope=\"col\">Mentions</th></tr></thead><tbody>");
        foreach (var c in d.Claims)
        {
            s.Append(Inv, $"<tr class=\"claim-row\" id=\"{E(c.Id)}\" data-verdict=\"{Evidence.Verdict(c.Verdict)}\" data-kind=\"{Evidence.Kind(c.Kind)}\" data-subject=\"{E(c.Subject)}\" data-sources=\"{E(string.Join(' ', c.Sources))}\">");
            s.Append(Inv, $"<td>{E(c.Text)}</td><td>{E(Evidence.Value(c.Value))}</td><td data-sort=\"{E(c.Time?.Start.ToString())}\">{E(Evidence.Dates(c.Time?.Start, c.Time?.End))}</td><td>{Evidence.Kind(c.Kind)}</td><td><span class=\"verdict {Evidence.Verdict(c.Verdict)}\">{E(Evidence.VerdictOf(c))}</span></td><td>{c.Sources.Count} ({c.IndependentSources})</td><td><ul>");
            foreach (var m in c.Mentions)
                s.Append(Inv, $"<li><a class=\"mention\" href=\"/documents/{U(m.Span.Document)}?claim={U(c.Id)}#mention\">{E(labels.Name(m.Span.Document))}</a>: “{E(Evidence.Short(Evidence.Excerpt(m.Span, documents), 80))}”</li>");
            s.Append("</ul></td></tr>");
        }
        s.Append("</tbody></table></div>");

        if (d.Contradictions.Count > 0)
        {
            // Each contradicting claim is linked by its own words, not its id.
            var claimText = d.Claims.ToDictionary(c => c.Id, c => c.Text, StringComparer.Ordinal);
            s.Append("<h2>Contradictions</h2><ul id=\"contradictions\">");
            foreach (var x in d.Contradictions) s.Append(Inv, $"<li><strong>{E(x.About)}</strong>: {E(x.Explanation)} ({string.Join("; ", x.Claims.Select(c => $"<a href=\"#{E(c)}\">{E(Evidence.Short(claimText.GetValueOrDefault(c, c), 60))}</a>"))})</li>");
            s.Append("</ul>");
        }
        if (d.Timeline.Count > 0)
        {
            SvgCharts.WriteTimeline(s.Append("<h2>Timeline</h2>"), d.Timeline).Append("<ol>");
            foreach (var t in d.Timeline) s.Append(Inv, $"<li><strong>{E(Evidence.Dates(t.Start, t.End))}</strong>: {E(t.Text)}</li>");
            s.Append("</ol>");
        }
        if (d.Quotes.Count > 0)
        {
            s.Append("<h2>Quotes</h2>");
            foreach (var group in names.BySpeaker(d.Quotes))
            {
                var heading = group.Entity is { } speaker ? $"<a href=\"/entities/{U(speaker.Id)}\">{E(group.Name)}</a>" : E(group.Name);
                s.Append(Inv, $"<h3 class=\"speaker\">{heading}{(group.Kind is { } k and not SpeakerKind.Named ? $" <span class=\"muted\">({k.ToString().ToLowerInvariant()})</span>" : "")}</h3>");
                foreach (var q in group.Quotes) AppendQuote(s, q, labels);
            }
        }
        if (d.Relations.Count > 0)
        {
            SvgCharts.WriteProvenance(s.Append("<h2>Provenance</h2>"), d.Documents, d.Relations, labels.Label).Append("<ul id=\"provenance-list\">");
            foreach (var r in d.Relations)
            {
                s.Append(Inv, $"<li><a href=\"/documents/{U(r.From)}\">{E(labels.Name(r.From))}</a> {Evidence.Kind(r.Kind)} ");
                if (r.To is null) s.Append(E(r.ToOutlet));
                else s.Append(Inv, $"<a href=\"/documents/{U(r.To)}\">{E(labels.Name(r.To))}</a>");
                s.Append("</li>");
            }
            s.Append("</ul>");
        }
        s.Append("<h2>Documents</h2><ul id=\"documents-list\">");
        foreach (var doc in d.Documents) s.Append(Inv, $"<li><a href=\"/documents/{U(doc.Id)}\">{E(labels.Label(doc))}</a> <span class=\"muted\">{E(doc.Published?.Date?.ToString())}</span></li>");
        s.Append("</ul>");
        return PageBytes(story.Title, s);
    }

    public string? Document(string id, string? claimId, string? quoteId)
    {
        var document = store.FindDocument(id);
        if (document is null) return null;
        var analysis = store.FindAnalysis(id);
        var story = store.StoryOf(id) is { } storyId ? store.LoadStory(storyId) : null;
        if (document.Published is null && story is not null && story.InferredPublished.TryGetValue(id, out var inferred)) document = document with { Published = inferred };

        // Every extracted item of this document is shaded by kind, with a tooltip and a link to the claim or quote it is
        // evidence of; later items win where they overlap (a figure over the entity it names). The selected claim's or
        // quote's mentions are marked as active.
        var claimAt = new Dictionary<(int, int), string>();
        var quoteAt = new Dictionary<(int, int), string>();
        foreach (var c in story?.Claims ?? [])
            foreach (var m in c.Mentions)
                if (m.Span.Document == id) claimAt.TryAdd((m.Span.Start, m.Span.End), c.Id);
        foreach (var q in story?.Quotes ?? [])
            foreach (var v in q.Variants)
                if (v.Span.Document == id) quoteAt.TryAdd((v.Span.Start, v.Span.End), q.Id);
        var items = new List<MarkedSpan>();
        if (analysis is not null)
        {
            foreach (var e in analysis.Entities)
                foreach (var m in e.Mentions) items.Add(new MarkedSpan(m, "entity", $"{e.Type.ToString().ToLowerInvariant()}: {e.Name}", null));
            foreach (var c in analysis.Claims)
            {
                var kind = c.Kind == ClaimKind.Quantity ? "figure" : Evidence.Kind(c.Kind);
                var claim = claimAt.GetValueOrDefault((c.Mention.Span.Start, c.Mention.Span.End));
                items.Add(new MarkedSpan(c.Mention.Span, kind, $"{kind}: {c.Text}", claim is null ? null : $"/documents/{U(id)}?claim={U(claim)}#mention"));
            }
            foreach (var q in analysis.Quotes)
            {
                var quote = quoteAt.GetValueOrDefault((q.Variant.Span.Start, q.Variant.Span.End));
                // The speaker is a document-local entity id ("person:jane-doe") or a description: readers get the name.
                var speaker = analysis.Entities.FirstOrDefault(e => e.Id == q.Speaker)?.Name ?? q.Speaker ?? "unknown speaker";
                items.Add(new MarkedSpan(q.Variant.Span, "quote", $"quote: {speaker}", quote is null ? null : $"/documents/{U(id)}?quote={U(quote)}#mention"));
            }
        }
        if (document.Published is { } published)
            foreach (var span in published.Evidence) items.Add(new MarkedSpan(span, "date", $"date evidence: published {published.Date?.ToString() ?? Evidence.Dates(published.Earliest, published.Latest)}", null));
        // Claims and quotes are matched within a story, so only this document's story can have mentions in it.
        var active = new List<TextSpan>();
        foreach (var c in story?.Claims ?? [])
            if (c.Id == claimId) active.AddRange(c.Mentions.Where(m => m.Span.Document == id).Select(m => m.Span));
        foreach (var q in story?.Quotes ?? [])
            if (q.Id == quoteId) active.AddRange(q.Variants.Where(v => v.Span.Document == id).Select(v => v.Span));

        var s = new StringBuilder();
        // A blank title or outlet reads as the indexes show it: the source's name, "unknown outlet" with the source's host.
        var title = string.IsNullOrWhiteSpace(document.Title) ? Evidence.SourceName(document.Source) : document.Title;
        s.Append(Inv, $"<h1>{E(title)}</h1><dl class=\"summary\">");
        s.Append(Inv, $"<dt>Id</dt><dd><code>{E(document.Id)}</code></dd><dt>Outlet</dt><dd>{E(Evidence.OutletOf(document))}</dd><dt>Origin</dt><dd>{E(document.Origin)}</dd><dt>Authors</dt><dd>{E(string.Join(", ", document.Authors))}</dd><dt>Language</dt><dd>{E(document.Language)}</dd><dt>Source</dt><dd>{E(document.Source)}</dd>");
        if (document.Published is { } p)
        {
            s.Append(Inv, $"<dt>Published</dt><dd>{E(p.Date?.ToString() ?? Evidence.Dates(p.Earliest, p.Latest))} ({p.Basis.ToString().ToLowerInvariant()})");
            foreach (var ev in p.Evidence) s.Append(Inv, $"<br><span class=\"muted\">evidence:</span> “{E(Evidence.Short(Evidence.Excerpt(ev, new Dictionary<string, Document> { [id] = document }), 120))}”");
            s.Append("</dd>");
        }
        s.Append("</dl>");
        if (claimId is not null || quoteId is not null)
            s.Append(Inv, $"<p class=\"message\" role=\"status\">{active.Count} mention(s) of <code>{E(claimId ?? quoteId)}</code> marked in the text.</p>");
        var relations = store.RelationsOf([id]);
        if (relations.Count > 0)
        {
            // The other documents by title: the relation's ends are read once each.
            var ends = new Dictionary<string, Document>(StringComparer.Ordinal) { [id] = document };
            foreach (var end in relations.SelectMany(r => new[] { r.From, r.To }).OfType<string>().Distinct(StringComparer.Ordinal).Where(e => e != id))
                if (store.FindDocument(end) is { } other) ends[end] = other;
            s.Append("<h2>Relations</h2><ul id=\"relations\">");
            foreach (var r in relations)
                s.Append(Inv, $"<li><a href=\"/documents/{U(r.From)}\">{E(DocumentName(r.From, ends))}</a> {Evidence.Kind(r.Kind)} {(r.To is null ? E(r.ToOutlet) : $"<a href=\"/documents/{U(r.To)}\">{E(DocumentName(r.To, ends))}</a>")}{(r.Score is { } sc ? string.Create(Inv, $" ({sc:0.00})") : "")}</li>");
            s.Append("</ul>");
        }
        s.Append("<h2>Text</h2><p class=\"legend muted\">Blocks are shaded by kind: ");
        foreach (var kind in document.Blocks.Select(b => b.Kind).Distinct()) s.Append(Inv, $"<span class=\"blk-{Evidence.Kind(kind)}\">{Evidence.Kind(kind)}</span>");
        s.Append("; extracted items are marked by kind:");
        foreach (var kind in items.Select(i => i.Kind).Distinct().Order(StringComparer.Ordinal)) s.Append(Inv, $" <mark class=\"ev-{kind}\">{kind}</mark>");
        s.Append(" (hover for what was found; a click opens its claim or quote).</p><div class=\"doc-text\" id=\"text\">");
        WriteText(s, document, items, active);
        s.Append("</div>");
        var entities = (story?.Entities ?? []).Where(e => e.Mentions.Any(m => m.Document == id)).ToList();
        if (entities.Count > 0)
        {
            s.Append("<h2>Entities</h2><ul>");
            foreach (var e in entities) s.Append(Inv, $"<li><a href=\"/entities/{U(e.Id)}\">{E(e.Name)}</a> <span class=\"muted\">{e.Type.ToString().ToLowerInvariant()}</span></li>");
            s.Append("</ul>");
        }
        return Page(title, s.ToString());
    }

    /// <summary>
    /// One entity across its stories, under every id the corpus index joined with it ("GM" in one story, "General
    /// Motors" in another): read from the stories its mentions are in, never the whole store.
    /// </summary>
    public string? Entity(string id)
    {
        var members = index.Current().Members(id);
        var found = store.FindEntities(members);
        if (found.Count == 0) return null;
        var entity = found.Count == 1 ? found[0] : Extract.Entities.EntityMerge.Join(found, members[0]);
        var ids = found.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var s = new StringBuilder();
        s.Append(Inv, $"<h1>{E(entity.Name)}</h1><p class=\"muted\">{entity.Type.ToString().ToLowerInvariant()}</p>");
        s.Append("<h2>Aliases</h2><ul>");
        foreach (var a in entity.Aliases) s.Append("<li>").Append(E(a)).Append("</li>");
        s.Append("</ul><h2>Descriptions</h2><ul>");
        foreach (var a in entity.Descriptions) s.Append("<li>").Append(E(a)).Append("</li>");
        s.Append(Inv, $"</ul><h2>Mentions ({entity.Mentions.Count})</h2><ul>");
        var documents = new Dictionary<string, Document>(StringComparer.Ordinal);
        Document? Read(string documentId)
        {
            if (documents.TryGetValue(documentId, out var known)) return known;
            if (store.FindDocument(documentId) is not { } read) return null;
            return documents[documentId] = read;
        }
        foreach (var m in entity.Mentions)
        {
            var doc = Read(m.Document);
            s.Append(Inv, $"<li><a href=\"/documents/{U(m.Document)}\">{E(doc is null ? m.Document : Evidence.Label(doc))}</a>: ");
            if (doc is not null)
            {
                var (before, match, after) = Evidence.InContext(m, doc, 60);
                s.Append(E(before)).Append("<mark>").Append(E(match)).Append("</mark>").Append(E(after));
            }
            s.Append("</li>");
        }
        var mentioned = entity.Mentions.Select(m => m.Document).Distinct(StringComparer.Ordinal).ToList();
        // Its quotes and claims are in the stories of the documents that mention it.
        var stories = mentioned.Select(store.StoryOf).OfType<string>().Distinct(StringComparer.Ordinal).Select(store.LoadStory).OfType<StoryFindings>().ToList();
        var names = new EntityNames(stories.SelectMany(f => f.Entities));
        var quotes = stories.SelectMany(f => f.Quotes).Where(q => names.Find(q.Speaker, q.Variants.Count > 0 ? q.Variants[0].Span.Document : null) is { } speaker && ids.Contains(speaker.Id)).ToList();
        foreach (var v in quotes.SelectMany(q => q.Variants)) Read(v.Span.Document);
        s.Append(Inv, $"</ul><h2>Quotes ({quotes.Count})</h2>");
        var labels = new DocumentLabels(documents);
        foreach (var q in quotes) AppendQuote(s, q, labels);
        // Claims about the entity, or made by it.
        var claims = stories.SelectMany(f => f.Claims).Where(c => names.Find(c.Subject, (c.Sources.Count > 0 ? c.Sources[0] : null)) is { } subject && ids.Contains(subject.Id)
            || c.Mentions.Any(m => names.Find(m.Attribution?.Speaker, m.Span.Document) is { } source && ids.Contains(source.Id))).ToList();
        s.Append(Inv, $"<h2>Claims ({claims.Count})</h2><ul>");
        foreach (var c in claims)
        {
            var first = c.Mentions.Count > 0 ? c.Mentions[0].Span.Document : (c.Sources.Count > 0 ? c.Sources[0] : null);
            s.Append(Inv, $"<li><a href=\"/documents/{U(first ?? "")}?claim={U(c.Id)}#mention\">{E(c.Text)}</a> <span class=\"verdict {Evidence.Verdict(c.Verdict)}\">{E(Evidence.VerdictOf(c))}</span></li>");
        }
        s.Append(Inv, $"</ul><h2>Documents ({mentioned.Count})</h2><ul id=\"entity-documents\">");
        foreach (var id2 in mentioned) s.Append(Inv, $"<li><a href=\"/documents/{U(id2)}\">{E(DocumentName(id2, documents))}</a></li>");
        s.Append("</ul>");
        return Page(entity.Name, s.ToString());
    }

    /// <summary>The speaker reference a quote's search text starts with (after an ellipsis when the snippet is cut).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(…?)(e-[0-9a-f]{6,}|[a-z]+:[a-z0-9-]+): ")]
    private static partial System.Text.RegularExpressions.Regex QuoteSpeaker();

    public string Search(string? query)
    {
        var s = new StringBuilder("<h1>Search</h1>");
        if (string.IsNullOrWhiteSpace(query)) s.Append("<p>Type words to find them in documents, claims and quotes.</p>");
        else
        {
            var hits = store.Search(query, 50);
            s.Append(Inv, $"<p role=\"status\">{hits.Count} result(s) for “{E(query)}”.</p><ol class=\"hits\">");
            // A hit is named by the title of the document it is in, not by its id; each document is read once.
            var documents = new Dictionary<string, Document>(StringComparer.Ordinal);
            foreach (var id in hits.Select(h => h.Document).Distinct(StringComparer.Ordinal))
                if (store.FindDocument(id) is { } found) documents[id] = found;
            // A quote is indexed as "speaker: words" with the speaker as the quote holds it (an entity id or a
            // document-local id); the reader gets the speaker's name instead.
            var speakers = hits.Where(h => h.Kind == "quote").Select(h => QuoteSpeaker().Match(h.Snippet)).Where(m => m.Success).Select(m => m.Groups[2].Value).ToList();
            var names = new EntityNames(speakers.Count == 0 ? [] : store.FindEntities(speakers.Distinct(StringComparer.Ordinal)));
            foreach (var h in hits)
            {
                var snippet = h.Kind == "quote" ? QuoteSpeaker().Replace(h.Snippet, m => m.Groups[1].Value + names.Name(m.Groups[2].Value) + ": ", 1) : h.Snippet;
                var href = h.Kind switch
                {
                    "claim" => $"/documents/{U(h.Document)}?claim={U(h.Id)}#mention",
                    "quote" => $"/documents/{U(h.Document)}?quote={U(h.Id)}#mention",
                    "entity" => $"/entities/{U(h.Id)}",
                    _ => $"/documents/{U(h.Id)}",
                };
                s.Append(Inv, $"<li class=\"hit hit-{E(h.Kind)}\"><a href=\"{href}\">{E(h.Kind)} in {E(DocumentName(h.Document, documents))}</a><p>{Snippet(snippet)}</p></li>");
            }
            s.Append("</ol>");
        }
        return Page("Search", s.ToString(), query);
    }

    public static string Upload(long maxBytes, string tokenField, string? error = null)
    {
        var s = new StringBuilder("<h1>Upload articles</h1>");
        if (error is not null) s.Append("<p class=\"message error\" role=\"alert\">").Append(E(error)).Append("</p>");
        s.Append(Inv, $"<form method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\">{tokenField}<p><label for=\"file\">Files to analyse (.txt, .html, .htm, .jsonl, .warc, each may be .gz; at most {maxBytes / (1024 * 1024)} MB in all)</label><br>");
        s.Append("<input id=\"file\" name=\"file\" type=\"file\" multiple required accept=\".txt,.html,.htm,.jsonl,.warc,.gz\"></p><p><button type=\"submit\">Upload and analyse</button></p></form>");
        return Page("Upload", s.ToString());
    }

    public static string Job(UploadJob job)
    {
        var finished = job.State is "done" or "failed";
        var s = new StringBuilder();
        s.Append(Inv, $"<h1>{(finished ? "Analysed" : "Analysing")} <span class=\"job-name\">{E(job.Name)}</span></h1><div id=\"job-status\" data-job=\"{E(job.Id)}\"{(finished ? $" data-finished=\"{E(job.State)}\"" : "")} role=\"status\" aria-live=\"polite\">");
        s.Append(Inv, $"<progress{(finished ? " value=\"1\" max=\"1\"" : "")} aria-label=\"Progress\"></progress> <span class=\"state\">{E(job.State)}{(job.Message.Length > 0 ? ": " + E(job.Message) : "")}</span></div><h2>Documents</h2><ul id=\"job-documents\">");
        foreach (var d in job.Documents) s.Append(Inv, $"<li><a href=\"/documents/{U(d.Id)}\">{E(d.Title ?? d.Id)}</a></li>");
        s.Append("</ul>");
        return Page("Upload", s.ToString());
    }

    public static string NotFound(string what) => Page("Not found", $"<h1>Not found</h1><p>No {E(what)} with that id.</p>");

    /// <summary>A filter menu: each distinct value once, shown by its label, in label order; empties <paramref name="options"/>.</summary>
    private static void Select(StringBuilder s, string id, string label, FilterOptions options)
    {
        s.Append(Inv, $"<label for=\"{id}\">{E(label)}<select id=\"{id}\"><option value=\"\">all</option>");
        foreach (var (value, text, _) in options.InLabelOrder())
            s.Append(Inv, $"<option value=\"{E(value)}\">{E(text)}</option>");
        s.Append("</select></label>");
        options.Clear();
    }

    private static string DocumentName(string id, Dictionary<string, Document> documents) =>
        documents.TryGetValue(id, out var d) ? Evidence.Label(d) : id;

    private static void AppendQuote(StringBuilder s, Quote q, DocumentLabels labels)
    {
        s.Append(Inv, $"<div class=\"quote\"><blockquote>“{E(q.Variants.Count > 0 ? q.Variants[0].Text : "")}”</blockquote><p class=\"muted\">");
        for (var i = 0; i < q.Variants.Count; i++)
        {
            var v = q.Variants[i];
            s.Append(Inv, $"{(i > 0 ? ", " : "")}<a href=\"/documents/{U(v.Span.Document)}?quote={U(q.Id)}#mention\">{E(labels.Name(v.Span.Document))}</a>");
        }
        s.Append("</p></div>");
    }

    /// <summary>
    /// The text in runs of equal (block kind, mark level): one pass over per-character arrays, linear in the text,
    /// so overlapping items never produce badly nested tags.
    /// </summary>
    private static void WriteText(StringBuilder s, Document document, List<MarkedSpan> items, List<TextSpan> active)
    {
        var text = document.Text;
        var block = new int[text.Length];
        Array.Fill(block, -1);
        foreach (var b in document.Blocks)
            for (var i = Math.Max(0, b.Start); i < Math.Min(text.Length, b.End); i++) block[i] = (int)b.Kind;
        var level = new byte[text.Length];
        var owner = new int[text.Length];
        Array.Fill(owner, -1);
        for (var n = 0; n < items.Count; n++)
            for (var i = Math.Max(0, items[n].Span.Start); i < Math.Min(text.Length, items[n].Span.End); i++)
            {
                level[i] = Math.Max(level[i], (byte)1);
                owner[i] = n;
            }
        foreach (var span in active)
            for (var i = Math.Max(0, span.Start); i < Math.Min(text.Length, span.End); i++) level[i] = 2;
        var first = true;
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && block[i] == block[start] && level[i] == level[start] && owner[i] == owner[start]) continue;
            var chunk = E(text[start..i]);
            var kind = block[start] >= 0 ? Evidence.Kind((BlockKind)block[start]) : "none";
            s.Append(Inv, $"<span class=\"blk blk-{kind}\">");
            var item = owner[start] >= 0 ? items[owner[start]] : null;
            var tip = item is null ? "" : $" title=\"{E(item.Label)}\"";
            var kindClass = item is null ? "" : $"ev-{item.Kind} ";
            if (level[start] == 2)
            {
                s.Append(first ? $"<mark class=\"{kindClass}active\" id=\"mention\"{tip}>" : $"<mark class=\"{kindClass}active\"{tip}>").Append(chunk).Append("</mark>");
                first = false;
            }
            else if (item is not null)
            {
                var mark = $"<mark class=\"ev-{item.Kind}\"{tip}>{chunk}</mark>";
                s.Append(item.Href is null ? mark : $"<a class=\"ev\" href=\"{E(item.Href)}\">{mark}</a>");
            }
            else s.Append(chunk);
            s.Append("</span>");
            start = i;
        }
    }
}
