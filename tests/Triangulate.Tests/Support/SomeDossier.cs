using Triangulate.Model;
using Triangulate.Report;
using Triangulate.Store;

namespace Triangulate.Tests.Support;

/// <summary>
/// Hand-made corpus results over real documents (the corpus stages are built by other helpers): every claim, quote,
/// relation and timeline entry points at characters found in the documents by phrase, so evidence is genuine.
/// </summary>
public static class SomeDossier
{
    /// <summary>Three short documents: two reporting the same figure (one copying the other), one with markup in its text.</summary>
    public static IReadOnlyList<Document> SmallDocuments() =>
    [
        Some.DatedDocument("Troops hold 800 square kilometres of the region, officials said.\n\"We will not retreat,\" the commander said.\n", new DateOnly(2024, 11, 20), "a.txt") with { Outlet = "Alpha News", Title = "Troops hold ground" },
        Some.DatedDocument("Troops hold 800 square kilometres of the region, officials said on Monday.\n\"We will not retreat,\" the commander said.\n", new DateOnly(2024, 11, 21), "b.txt") with { Outlet = "Beta Wire", Title = "Holding on" },
        Some.DatedDocument("Now only 500 square kilometres remain. <script>alert(1)</script> was found in the page.\n", new DateOnly(2024, 12, 5), "c.txt") with { Outlet = "Gamma <Daily>", Title = "Losing <b>ground</b>" },
    ];

    /// <summary>A store holding <paramref name="documents"/> and <see cref="For"/>'s corpus result over them.</summary>
    public static SqliteStore Store(string path, IReadOnlyList<Document> documents, CorpusResult? corpus = null) =>
        Fill(SqliteStore.Open(path), documents, corpus);

    /// <summary><paramref name="store"/> (of any kind) filled with <paramref name="documents"/> and <see cref="For"/>'s corpus result over them.</summary>
    public static T Fill<T>(T store, IReadOnlyList<Document> documents, CorpusResult? corpus = null) where T : IStore
    {
        store.Save([.. documents.Select(d => new StoredDocument(d, Analysis(d), System.Text.Encoding.UTF8.GetBytes(d.Text), "text", Pipeline.Version))]);
        store.SaveCorpus(corpus ?? For(documents));
        return store;
    }

    /// <summary>A per-document analysis with the phrases the corpus result uses, so document pages have items to highlight.</summary>
    public static DocumentAnalysis Analysis(Document d) => new()
    {
        DocumentId = d.Id,
        Claims = [.. Spans(d, "square kilometres").Select(s => new ClaimDraft { Kind = ClaimKind.Quantity, Text = s.Excerpt!, Mention = new Mention { Span = s } })],
        Quotes = [.. Spans(d, "We will not retreat").Select(s => new QuoteDraft { Speaker = "the commander", SpeakerKind = SpeakerKind.Anonymous, Variant = new QuoteVariant { Span = s, Text = s.Excerpt!, Direct = true } })],
    };

    /// <summary>
    /// A corpus result over any documents: one story of all of them; quantity claims "800 …" and "500 …" (the area over time),
    /// their series, a contradiction between them, a quote, a copy relation between the first two documents, an entity, a timeline.
    /// Phrases missing from the documents simply yield no mention.
    /// </summary>
    public static CorpusResult For(IReadOnlyList<Document> documents, string[]? figurePhrases = null, string[]? quotePhrases = null, string? entityPhrase = null)
    {
        figurePhrases ??= ["800 square kilometres", "500 square kilometres"];
        quotePhrases ??= ["We will not retreat"];
        var claims = new List<Claim>();
        var times = new[] { new PartialDate(2024, 11, 20), new PartialDate(2024, 12, 5), new PartialDate(2025, 1, 10), new PartialDate(2025, 2, 1) };
        for (var i = 0; i < figurePhrases.Length; i++)
        {
            var phrase = figurePhrases[i];
            var mentions = documents.SelectMany(d => Spans(d, phrase)).Select(s => new Mention { Span = s, Hedge = null }).ToList();
            if (mentions.Count == 0) continue;
            var sources = mentions.Select(m => m.Span.Document).Distinct().ToList();
            var number = double.Parse(new string(phrase.TakeWhile(c => char.IsDigit(c) || c == ',').Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
            claims.Add(new Claim
            {
                Id = StableId.Of("c", phrase),
                Kind = ClaimKind.Quantity,
                Text = $"area held: {phrase}",
                Subject = "held territory",
                Measure = "area",
                Value = new QuantityValue { Low = number, High = number, Unit = "km2" },
                Time = new DateRange { Start = times[i % times.Length], End = times[i % times.Length] },
                Mentions = mentions,
                Sources = sources,
                IndependentSources = Math.Min(sources.Count, Math.Max(1, sources.Count - 1)),
                Verdict = i < 2 && figurePhrases.Length > 1 ? Verdict.Contested : sources.Count > 1 ? Verdict.Corroborated : Verdict.SingleSource,
            });
        }
        var quotes = new List<Quote>();
        foreach (var phrase in quotePhrases)
        {
            var variants = documents.SelectMany(d => Spans(d, phrase)).Select(s => new QuoteVariant { Span = s, Text = s.Excerpt!, Direct = true }).ToList();
            if (variants.Count > 0)
                quotes.Add(new Quote { Id = StableId.Of("q", phrase), Speaker = "the commander", SpeakerKind = SpeakerKind.Anonymous, Variants = variants, IndependentSources = 1 });
        }
        var relations = new List<Relation>();
        if (documents.Count >= 2)
            relations.Add(new Relation
            {
                From = documents[1].Id,
                To = documents[0].Id,
                Kind = RelationKind.Copy,
                Score = 0.93,
                Evidence = [new AlignedPassage(Line(documents[1]), Line(documents[0]))],
            });
        if (documents.Count >= 3)
            relations.Add(new Relation { From = documents[2].Id, ToOutlet = "Wire Agency", Kind = RelationKind.Cites, Score = 1 });
        var contradictions = claims.Count >= 2
            ? new List<Contradiction> { new() { Id = "x-area", About = "area held", Claims = [claims[0].Id, claims[1].Id], Explanation = "One source gives 800 km2, another 500 km2 for the same area." } }
            : [];
        var timeline = claims.Select(c => new TimelineEntry { Start = c.Time!.Start!.Value, End = c.Time.End!.Value, Text = c.Text, Claims = [c.Id], Documents = [.. c.Sources] }).ToList();
        var entities = new List<Entity>();
        if (entityPhrase is not null)
        {
            var mentions = documents.SelectMany(d => Spans(d, entityPhrase)).ToList();
            if (mentions.Count > 0)
                entities.Add(new Entity { Id = StableId.Of("e", entityPhrase), Name = entityPhrase, Type = EntityType.Place, Aliases = [entityPhrase.ToUpperInvariant()], Descriptions = ["a region"], Mentions = mentions });
        }
        var series = claims.Count >= 2
            ? new List<FigureSeries>
            {
                new()
                {
                    Id = "s-area", Measure = "area", Subject = "held territory", Unit = "km2",
                    Points = [.. claims.Select(c => new SeriesPoint { Date = c.Time!.Start!.Value, Low = c.Value!.Low, High = c.Value.High, Claim = c.Id, Sources = c.Sources })],
                },
            }
            : [];
        return new CorpusResult
        {
            Series = series,
            Stories = documents.Count == 0 ? [] : [new Story { Id = "s-main", Title = "The held territory", Documents = [.. documents.Take(Math.Max(1, documents.Count - (documents.Count > 3 ? 1 : 0))).Select(d => d.Id)] }],
            Relations = relations,
            Claims = claims,
            Quotes = quotes,
            Contradictions = contradictions,
            Timeline = timeline,
            Entities = entities,
        };
    }

    /// <summary>Every occurrence of <paramref name="phrase"/> in the document, as spans with excerpts.</summary>
    public static IEnumerable<TextSpan> Spans(Document d, string phrase)
    {
        for (var at = d.Text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = d.Text.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal))
            yield return new TextSpan(d.Id, at, at + phrase.Length).WithExcerpt(d.Text);
    }

    private static TextSpan Line(Document d)
    {
        var end = d.Text.IndexOf('\n');
        return new TextSpan(d.Id, 0, end < 0 ? d.Text.Length : end).WithExcerpt(d.Text);
    }

    /// <summary>A report written to a string.</summary>
    public static string Write(IReportWriter writer, IStore store)
    {
        using var stream = new MemoryStream();
        writer.Write(new DossierSource(store, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)), stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
