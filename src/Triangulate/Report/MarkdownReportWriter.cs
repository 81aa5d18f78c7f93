using System.Globalization;
using System.Text;
using Triangulate.Model;

namespace Triangulate.Report;

/// <summary>
/// Writes <c>dossier.md</c>: what an analyst reads first. Per story: a summary, key figures with verdicts, contradictions,
/// the timeline, quotes by speaker, provenance and the documents; then documents in no story and problems.
/// Every line that states something names its document and quotes the characters it rests on.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => "md";

    /// <inheritdoc />
    public string FileName => "dossier.md";

    /// <inheritdoc />
    public void Write(DossierSource source, Stream output)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine("# Dossier");
        w.WriteLine();
        w.WriteLine(string.Create(inv, $"Generated {source.Generated:yyyy-MM-dd HH:mm} UTC: {source.Totals()}."));
        w.WriteLine();
        w.WriteLine("Evidence is cited as `document id` and the quoted characters it rests on.");
        w.WriteLine();
        foreach (var failure in source.FailedStages)
        {
            w.WriteLine($"> **Incomplete:** stage `{failure.Stage}` failed ({Inline(failure.Error)}): {failure.Consequence}.");
            w.WriteLine();
        }

        // Story by story: each story's section rendered on any core, a chunk of stories at a time, and written in story
        // order; a chunk's documents, findings and text in memory at a time, whatever the store holds.
        foreach (var section in source.RenderStories(story => Section(story, source)))
            w.Write(section);

        var rest = source.Unstoried().ToList();
        if (rest.Count > 0)
        {
            w.WriteLine("## Documents in no story");
            w.WriteLine();
            WriteDocumentTable(w, rest);
        }

        if (source.Problems.Count > 0)
        {
            w.WriteLine("## Problems");
            w.WriteLine();
            foreach (var p in source.Problems) w.WriteLine($"- `{Code(p.Source)}`: {Inline(p.Error)}");
            w.WriteLine();
        }
    }

    /// <summary>One story's section, as <see cref="WriteStory"/> writes it.</summary>
    private static string Section(Dossier story, DossierSource source)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var documents = StoryDigest.Index(story.Documents);
        WriteStory(w, StoryDigest.Build(story, story.Stories[0], documents, source.GroupsOf(story)), documents, new EntityNames(story.Entities));
        return w.ToString();
    }

    private static void WriteStory(TextWriter w, StoryDigest digest, IReadOnlyDictionary<string, Document> documents, EntityNames names)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine($"## {Inline(digest.Story.Title)}");
        w.WriteLine();
        w.WriteLine(string.Create(inv, $"- Documents: {digest.Documents.Count}"));
        w.WriteLine($"- Outlets: {digest.Outlets.Count}{(digest.Outlets.Count > 0 ? " (" + Inline(string.Join(", ", digest.Outlets)) + ")" : "")}");
        w.WriteLine(string.Create(inv, $"- Independent sources: {digest.IndependentSources}"));
        w.WriteLine($"- Dates: {Evidence.Dates(digest.First, digest.Last)}");
        w.WriteLine($"- Story id: `{digest.Story.Id}`");
        w.WriteLine();

        var figures = new List<Claim>();
        var others = new List<Claim>();
        foreach (var c in digest.Claims) (c.Kind == ClaimKind.Quantity ? figures : others).Add(c);
        if (figures.Count > 0)
        {
            w.WriteLine("### Key figures");
            w.WriteLine();
            w.WriteLine("| figure | value | time | verdict | sources (independent) | evidence |");
            w.WriteLine("|---|---|---|---|---|---|");
            foreach (var c in figures)
                w.WriteLine(string.Create(inv, $"| {Cell(c.Text)} | {Cell(Evidence.Value(c.Value))} | {Cell(Evidence.Dates(c.Time?.Start, c.Time?.End))} | {Evidence.VerdictOf(c)} | {c.Sources.Count} ({c.IndependentSources}) | {Cell(Mentions(c, documents, names))} |"));
            w.WriteLine();
        }
        if (digest.Series.Count > 0)
        {
            w.WriteLine("### Figures over time");
            w.WriteLine();
            foreach (var series in digest.Series)
            {
                w.WriteLine($"- **{Inline(Evidence.SeriesLabel(series))}**: {Inline(Evidence.SeriesPoints(series))}");
                foreach (var note in series.Notes) w.WriteLine($"  - check: {Inline(note)}");
            }
            w.WriteLine();
        }
        if (others.Count > 0)
        {
            w.WriteLine("### Other claims");
            w.WriteLine();
            foreach (var c in others)
                w.WriteLine(string.Create(inv, $"- **{Inline(c.Text)}** ({Evidence.Kind(c.Kind)}, {Evidence.VerdictOf(c)}, {c.Sources.Count} sources, {c.IndependentSources} independent): {Inline(Mentions(c, documents, names))}"));
            w.WriteLine();
        }

        if (digest.Contradictions.Count > 0)
        {
            var claims = new Dictionary<string, Claim>(StringComparer.Ordinal);
            foreach (var c in digest.Claims) claims[c.Id] = c;
            w.WriteLine("### Contradictions");
            w.WriteLine();
            foreach (var x in digest.Contradictions)
            {
                w.WriteLine($"- **{Inline(x.About)}**: {Inline(x.Explanation)}");
                foreach (var id in x.Claims)
                    if (claims.TryGetValue(id, out var c))
                        w.WriteLine($"  - {Inline(c.Text)}: {Inline(Mentions(c, documents, names))}");
            }
            w.WriteLine();
        }

        if (digest.Timeline.Count > 0)
        {
            var claims = new Dictionary<string, Claim>(StringComparer.Ordinal);
            foreach (var c in digest.Claims) claims[c.Id] = c;
            w.WriteLine("### Timeline");
            w.WriteLine();
            foreach (var t in digest.Timeline)
            {
                var evidence = new List<string>();
                foreach (var id in t.Claims)
                    if (claims.TryGetValue(id, out var c) && c.Mentions.Count > 0) evidence.Add(Cite(c.Mentions[0].Span, documents));
                if (evidence.Count == 0)
                    foreach (var id in t.Documents) evidence.Add($"`{id}`");
                w.WriteLine($"- **{Evidence.Dates(t.Start, t.End)}**: {Inline(t.Text)} ({Inline(string.Join("; ", evidence))})");
            }
            w.WriteLine();
        }

        if (digest.Quotes.Count > 0)
        {
            w.WriteLine("### Quotes by speaker");
            w.WriteLine();
            foreach (var group in names.BySpeaker(digest.Quotes))
            {
                w.WriteLine($"#### {Inline(group.Name)}{(group.Kind is { } k and not SpeakerKind.Named ? " (" + k.ToString().ToLowerInvariant() + ")" : "")}");
                w.WriteLine();
                foreach (var q in group.Quotes)
                {
                    var text = q.Variants.Count > 0 ? q.Variants[0].Text : "";
                    var cites = new List<string>();
                    foreach (var v in q.Variants) cites.Add(Cite(v.Span, documents) + (v.Direct == false ? " (reported)" : ""));
                    w.WriteLine($"- “{Inline(Evidence.Short(text))}”{(q.IndependentSources is { } n ? string.Create(CultureInfo.InvariantCulture, $", {n} independent") : "")}: {Inline(string.Join("; ", cites))}");
                }
                w.WriteLine();
            }
        }

        if (digest.Relations.Count > 0)
        {
            w.WriteLine("### Provenance (who copied whom)");
            w.WriteLine();
            foreach (var r in digest.Relations)
            {
                var target = r.To is not null ? $"`{r.To}`" : Inline(r.ToOutlet ?? "an outside source");
                var score = r.Score is { } s ? string.Create(CultureInfo.InvariantCulture, $" (score {s:0.00})") : "";
                var evidence = r.Evidence.Count > 0
                    ? ": " + Inline(Cite(r.Evidence[0].From, documents)) + " ↔ " + Inline(Cite(r.Evidence[0].To, documents))
                    : "";
                w.WriteLine($"- `{r.From}` {Verb(r.Kind)} {target}{score}{evidence}");
            }
            w.WriteLine();
        }

        w.WriteLine("### Documents");
        w.WriteLine();
        WriteDocumentTable(w, digest.Documents);
    }

    private static void WriteDocumentTable(TextWriter w, IReadOnlyList<Document> documents)
    {
        w.WriteLine("| id | title | outlet | published | basis | language | source |");
        w.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var d in documents)
            w.WriteLine($"| `{d.Id}` | {Cell(d.Title)} | {Cell(d.Outlet)} | {Cell(Published(d))} | {d.Published?.Basis.ToString().ToLowerInvariant()} | {d.Language} | {Cell(d.Source)} |");
        w.WriteLine();
    }

    private static string Published(Document d) => d.Published is null ? "" : d.Published.Date?.ToString() ?? Evidence.Dates(d.Published.Earliest, d.Published.Latest);

    private static string Verb(RelationKind kind) => kind switch
    {
        RelationKind.Copy => "copies",
        RelationKind.Syndication => "syndicates",
        RelationKind.Rewrite => "rewrites",
        RelationKind.Translation => "translates",
        _ => "cites",
    };

    private static string Mentions(Claim claim, IReadOnlyDictionary<string, Document> documents, EntityNames names)
    {
        var parts = new List<string>(claim.Mentions.Count);
        foreach (var m in claim.Mentions)
        {
            // The attribution is an entity reference ("person:jane-doe", a corpus id) or a description: the reader gets a name.
            var speaker = m.Attribution?.Speaker is { } s ? $" (per {names.Name(s, m.Span.Document)})" : "";
            parts.Add(Cite(m.Span, documents) + speaker);
        }
        return string.Join("; ", parts);
    }

    /// <summary>`d-…` "excerpt": the one form every statement of the report cites its evidence in.</summary>
    private static string Cite(TextSpan span, IReadOnlyDictionary<string, Document> documents) =>
        $"`{span.Document}` “{Evidence.Short(Evidence.Excerpt(span, documents), 120)}”";

    /// <summary>Text on one line that cannot start Markdown structure by accident.</summary>
    private static string Inline(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace('\n', ' ').Replace('\r', ' ').Replace("<", "&lt;", StringComparison.Ordinal);

    private static string Code(string text) => text.Replace('`', '\'');

    /// <summary>Text safe inside a Markdown table cell.</summary>
    internal static string Cell(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Inline(text).Replace("|", "\\|", StringComparison.Ordinal);
}
