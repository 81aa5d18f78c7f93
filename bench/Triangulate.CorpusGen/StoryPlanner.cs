using System.Globalization;

namespace Triangulate.CorpusGen;

/// <summary>
/// Plans every article of one story: the first wire report, independent reports by other wires, papers and
/// foreign-language services, follow-ups days later with updated figures, and for each of them a family of
/// derivations (syndicated and scraped copies, rewrites, translations), possibly chained.
/// </summary>
internal sealed class StoryPlanner(ulong seed, NamePools pools, OutletCatalog outlets)
{
    private static readonly string[] SyndicationCredits =
    [
        "This article first appeared on {src}.", "Source: {src}", "Copyright {year} {src}. All rights reserved.", "Distributed by {src}.",
        "This story was originally published by {src} and is republished with permission.", "(c) {year} {src}",
    ];

    private static readonly string[] ForeignCredits = ["Quelle: {src}", "Source : {src}", "Fuente: {src}"];

    private static readonly string[] TranslationCredits = ["Mit Material von {src}", "Avec {src}", "Con información de {src}"];

    private static readonly string[] TranslationNotes = ["(Übersetzt aus dem Englischen)", "(Traduit de l'anglais)", "(Traducido del inglés)"];

    private static readonly string[] Attributions =
    [
        "{src} first reported the news.", "This report includes information from {src}.", "{src} contributed to this report.",
        "Information for this article was provided by {src}.", "The details were first reported by {src}.",
    ];

    private static readonly string[] LocalContext =
    [
        "{person}, who lives in {home} and has relatives in {country}, said the news had been followed closely in the town.",
        "Businesses in {home} with links to {country} said they were monitoring the situation.",
        "{person}, a lecturer at the university in {home}, said events like this drew wide interest among local readers.",
        "The council in {home} said it had been in contact with community groups after the news broke.",
        "Readers in {home} have asked what the news means for them; {person} of the local chamber of commerce said the direct impact was likely to be limited.",
    ];

    private long _sequence;

    /// <summary>Plans a story that starts on <paramref name="day"/>; articles are returned in planning order, sources first.</summary>
    public List<Article> Plan(Story story, DateTime day, Rng rng)
    {
        var e = story.Event;
        var kind = e.Kind;
        var articles = new List<Article>();
        var used = new HashSet<(Outlet, long)>();
        // A few stories are big: everyone covers them, and rewrites and translations multiply.
        var scale = !e.Routine && rng.Chance(0.07) ? 3.0 : 1.0;

        var wire = outlets.PickWire(rng);
        // Independent reporters word the same facts differently: each original avoids the wordings taken before it.
        var wordings = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        // Two translations of the same facts into one language would read identically (one wording per language), so
        // each language renders each set of facts once, and not where a foreign service reported the event itself.
        var translated = new HashSet<(Facts, Lang)>();
        var first = Original(story, e.Facts, wire, day.AddHours(rng.Between(6.0, 22.0)), e.Routine, followUp: false, rng, wordings);
        var originals = new List<Article> { first };
        var independent = Math.Min(4, rng.Geometric((e.Routine ? 0.25 : 0.9) * scale));
        for (var i = 0; i < independent; i++)
        {
            var time = first.Time.AddHours(rng.Between(0.3, 20.0));
            var foreign = rng.Chance(0.15);
            Outlet outlet = foreign ? rng.Pick(outlets.ForeignWires) : rng.Chance(0.5) ? outlets.PickWire(rng, wire) : outlets.PickPaper(rng, Lang.En);
            if (outlet.Lang != Lang.En && !translated.Add((e.Facts, outlet.Lang))) continue;
            originals.Add(Original(story, e.Facts, outlet, time, fixedFrame: e.Routine && outlet.Role == OutletRole.Wire, followUp: false, rng, wordings));
        }
        var followUps = Math.Min(3, rng.Geometric(0.6 * scale));
        var last = day;
        var latest = e.Facts;
        for (var i = 0; i < followUps; i++)
        {
            last = last.Date.AddDays(rng.Between(1, 4));
            var facts = kind.FollowUp(e, latest, rng, DateOnly.FromDateTime(last));
            if (facts is null) break;
            latest = facts;
            var outlet = rng.Chance(0.7) ? outlets.PickWire(rng) : outlets.PickPaper(rng, Lang.En);
            originals.Add(Original(story, facts, outlet, last.AddHours(rng.Between(6.0, 22.0)), fixedFrame: false, followUp: true, rng, wordings));
        }

        foreach (var original in originals)
        {
            var family = new List<Article> { original };
            var fromWire = original.Outlet.Role == OutletRole.Wire;
            var syndications = rng.Geometric((fromWire ? (e.Routine ? 2.6 : 1.8) : 0.3) * scale);
            for (var i = 0; i < syndications; i++)
            {
                // Mostly straight from the source; sometimes a partner paper's copy is syndicated on.
                var source = family.Count > 1 && rng.Chance(0.15) ? rng.Pick(family.Where(a => a.Derivation is null or "syndication").ToList()) : original;
                Add(family, Syndicate(source, rng, used));
            }
            var copies = rng.Geometric(0.45 * scale);
            for (var i = 0; i < copies; i++) Add(family, Copy(rng.Pick(family), rng, used));
            var rewrites = rng.Geometric((e.Routine ? 0.3 : 1.0) * scale);
            for (var i = 0; i < rewrites; i++)
            {
                var english = family.Where(a => a.Body.Lang == Lang.En).ToList();
                if (english.Count > 0) Add(family, Rewrite(rng.Pick(english), rng, used, wordings));
            }
            var translations = rng.Geometric((e.Routine ? 0.15 : 0.45) * scale);
            for (var i = 0; i < translations; i++)
            {
                var english = family.Where(a => a.Body.Lang == Lang.En).ToList();
                if (english.Count > 0) Add(family, Translate(rng.Pick(english), rng, used, translated));
            }
            articles.AddRange(family);
        }
        return articles;
    }

    private static void Add(List<Article> family, Article? article)
    {
        if (article is not null) family.Add(article);
    }

    private Article Original(Story story, Facts facts, Outlet outlet, DateTime time, bool fixedFrame, bool followUp, Rng rng, Dictionary<string, HashSet<int>> wordings)
    {
        var e = story.Event;
        var kind = e.Kind;
        var lang = outlet.Lang;
        var shape = followUp ? kind.FollowUpShape(e, rng) : kind.Shape(e, rng, fixedFrame);
        // A wire's automated item always takes the same wording: the frame is fixed per wire and kind.
        int Variant(string key)
        {
            var variant = fixedFrame ? (int)(Rng.Mix(seed, Rng.Hash(outlet.Name), Rng.Hash(key)) % 1000) : rng.Next(1000);
            var count = kind.Phrases.Count(key, lang);
            if (count == 0 || key.StartsWith("quote", StringComparison.Ordinal)) return variant;
            if (!wordings.TryGetValue($"{key}.{lang}", out var taken)) wordings[$"{key}.{lang}"] = taken = [];
            for (var shift = 0; shift < count; shift++)
            {
                if (taken.Add((variant + shift) % count)) return variant + shift;
            }
            return variant;
        }
        var paragraphs = shape.Paragraphs
            .Select(p => p.Where(k => kind.Phrases.Has(k, lang)).Select(k => new Sentence(k, Variant(k))).ToList())
            .Where(p => p.Count > 0)
            .ToList();
        var body = new Body
        {
            Lang = lang,
            Facts = facts,
            Kind = kind,
            Title = new Sentence(shape.TitleKey, Variant(shape.TitleKey)),
            Paragraphs = paragraphs,
        };
        if (outlet.Role == OutletRole.Wire)
        {
            body.Wire = outlet;
            body.DatelineDate = DateOnly.FromDateTime(time);
            body.Trailer = Trailer(outlet, rng);
        }
        var byline = outlet.Role == OutletRole.Wire && rng.Chance(0.5) ? null : rng.Pick(outlet.Staff).Full;
        return Make(story, outlet, body, time, rng, byline, null, null);
    }

    private static string? Trailer(Outlet wire, Rng rng) => wire.Credit switch
    {
        "Reuters" => $"Reporting by {rng.Pick(wire.Staff).Full}; Editing by {rng.Pick(wire.Staff).Full}",
        "AP" => $"Associated Press writer {rng.Pick(wire.Staff).Full} contributed to this report.",
        "AFP" or "dpa" => $"{Initials(rng.Pick(wire.Staff))}/{Initials(rng.Pick(wire.Staff))}",
        "CNS" => $"(Editing by {rng.Pick(wire.Staff).Full})",
        _ => null,
    };

    private static string Initials(Person p) => $"{char.ToLowerInvariant(p.Given[0])}{char.ToLowerInvariant(p.Surname[0])}";

    private Article? Syndicate(Article source, Rng rng, HashSet<(Outlet, long)> used)
    {
        var lang = source.Body.Lang;
        var outlet = outlets.PickPaper(rng, lang);
        if (outlet == source.Outlet || !used.Add((outlet, source.Sequence))) return null;
        var body = source.Body.Clone();
        var credit = lang == Lang.En ? rng.Pick(SyndicationCredits) : ForeignCredits[(int)lang - 1];
        body.Credit = credit.Replace("{src}", source.Outlet.Credit, StringComparison.Ordinal)
            .Replace("{year}", source.Time.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // Republishers cut from the bottom to fit their page.
        if (body.Paragraphs.Count > 3 && rng.Chance(0.3))
        {
            var cut = Math.Min(rng.Between(1, 2), body.Paragraphs.Count - 3);
            body.Paragraphs.RemoveRange(body.Paragraphs.Count - cut, cut);
        }
        if (rng.Chance(0.3)) body.Title = body.Title with { Variant = body.Title.Variant + 1 };
        var byline = rng.Chance(0.5) ? source.Outlet.Credit : source.Byline;
        return Make(source.Story, outlet, body, source.Time.AddMinutes(rng.Between(5, 480)), rng, byline, source, "syndication");
    }

    private Article? Copy(Article source, Rng rng, HashSet<(Outlet, long)> used)
    {
        var outlet = outlets.PickAggregator(rng, source.Body.Lang);
        if (!used.Add((outlet, source.Sequence))) return null;
        // A scraper takes the body as it is (credit line included) and adds its own page around it.
        return Make(source.Story, outlet, source.Body, source.Time.AddMinutes(rng.Between(10, 4320)), rng, null, source, "copy");
    }

    private Article? Rewrite(Article source, Rng rng, HashSet<(Outlet, long)> used, Dictionary<string, HashSet<int>> wordings)
    {
        var outlet = outlets.PickPaper(rng, Lang.En);
        if (outlet == source.Outlet || !used.Add((outlet, -source.Sequence - 1))) return null;
        var body = source.Body.Clone();
        body.Wire = null;
        body.Trailer = null;
        body.Credit = null;
        var phrases = body.Kind.Phrases;
        // Drop and reorder paragraphs after the lead.
        var drops = body.Paragraphs.Count > 4 ? rng.Between(1, 2) : body.Paragraphs.Count > 2 && rng.Chance(0.5) ? 1 : 0;
        for (var i = 0; i < drops; i++) body.Paragraphs.RemoveAt(rng.Between(1, body.Paragraphs.Count - 1));
        // Paraphrase: other wordings of most sentences, but quotes stay verbatim and about a third of the rest is kept,
        // as desks do; a rewrite that kept no wording at all would be an independent report.
        var candidates = new List<(List<Sentence> Paragraph, int Index)>();
        foreach (var paragraph in body.Paragraphs)
            for (var i = 0; i < paragraph.Count; i++)
                if (paragraph[i].Key is { } key && !key.StartsWith("quote", StringComparison.Ordinal) && phrases.Count(key, Lang.En) > 1)
                    candidates.Add((paragraph, i));
        rng.Shuffle(candidates);
        var sentences = body.Paragraphs.Sum(p => p.Count);
        foreach (var (paragraph, i) in candidates.Take(Math.Min(candidates.Count, (int)(sentences * rng.Between(0.4, 0.7)))))
        {
            // Only wordings no other report of the story used, so a rewrite never reads like someone else's report.
            var key = paragraph[i].Key!;
            var count = phrases.Count(key, Lang.En);
            if (!wordings.TryGetValue($"{key}.{Lang.En}", out var taken)) wordings[$"{key}.{Lang.En}"] = taken = [];
            var free = Enumerable.Range(0, count).Where(v => !taken.Contains(v)).ToList();
            if (free.Count == 0) continue;
            var variant = rng.Pick(free);
            taken.Add(variant);
            paragraph[i] = paragraph[i] with { Variant = variant };
        }
        body.Title = body.Title with { Variant = body.Title.Variant + 1 + rng.Next(Math.Max(1, phrases.Count(body.Title.Key!, Lang.En) - 1)) };
        if (body.Paragraphs.Count > 3 && rng.Chance(0.6))
        {
            var a = rng.Between(1, body.Paragraphs.Count - 1);
            var b = rng.Between(1, body.Paragraphs.Count - 1);
            (body.Paragraphs[a], body.Paragraphs[b]) = (body.Paragraphs[b], body.Paragraphs[a]);
        }
        // Merge two short paragraphs now and then, as desks do.
        if (body.Paragraphs.Count > 3 && rng.Chance(0.3))
        {
            var at = rng.Between(1, body.Paragraphs.Count - 2);
            body.Paragraphs[at].AddRange(body.Paragraphs[at + 1]);
            body.Paragraphs.RemoveAt(at + 1);
        }
        if (rng.Chance(0.6))
        {
            var context = rng.Pick(LocalContext)
                .Replace("{person}", pools.Person(rng).Full, StringComparison.Ordinal)
                .Replace("{home}", outlet.Home.Name, StringComparison.Ordinal)
                .Replace("{country}", body.Facts["country"].Render(Lang.En, null), StringComparison.Ordinal);
            body.Paragraphs.Insert(rng.Between(1, body.Paragraphs.Count), [new Sentence(null, 0, context)]);
        }
        if (rng.Chance(0.7))
        {
            var credited = source.Body.Wire?.Credit ?? source.Outlet.Credit;
            var attribution = rng.Pick(Attributions).Replace("{src}", credited, StringComparison.Ordinal);
            if (rng.Chance(0.5)) body.Paragraphs[0].Add(new Sentence(null, 0, attribution));
            else body.Paragraphs.Add([new Sentence(null, 0, attribution)]);
        }
        return Make(source.Story, outlet, body, source.Time.AddMinutes(rng.Between(60, 1800)), rng, rng.Pick(outlet.Staff).Full, source, "rewrite");
    }

    private Article? Translate(Article source, Rng rng, HashSet<(Outlet, long)> used, HashSet<(Facts, Lang)> translated)
    {
        var lang = (Lang)rng.Between(1, 3);
        if (!translated.Add((source.Body.Facts, lang))) return null;
        var outlet = outlets.PickPaper(rng, lang);
        if (!used.Add((outlet, -source.Sequence - 1))) return null;
        var phrases = source.Body.Kind.Phrases;
        var paragraphs = source.Body.Paragraphs
            .Select(p => p.Where(s => s.Key is not null && phrases.Has(s.Key, lang)).Select(s => s with { Variant = rng.Next(1000) }).ToList())
            .Where(p => p.Count > 0)
            .ToList();
        // Translators often shorten: the last paragraph may go.
        if (paragraphs.Count > 3 && rng.Chance(0.4)) paragraphs.RemoveAt(paragraphs.Count - 1);
        var body = new Body
        {
            Lang = lang,
            Facts = source.Body.Facts,
            Kind = source.Body.Kind,
            Title = source.Body.Title with { Variant = rng.Next(1000) },
            Paragraphs = paragraphs,
        };
        if (source.Body.Wire is not null && rng.Chance(0.5))
        {
            body.Wire = source.Body.Wire;
            body.DatelineDate = source.Body.DatelineDate;
        }
        var credited = source.Body.Wire?.Credit ?? source.Outlet.Credit;
        body.Credit = rng.Chance(0.5)
            ? TranslationCredits[(int)lang - 1].Replace("{src}", credited, StringComparison.Ordinal)
            : rng.Chance(0.4) ? TranslationNotes[(int)lang - 1] : null;
        return Make(source.Story, outlet, body, source.Time.AddMinutes(rng.Between(60, 1440)), rng, rng.Pick(outlet.Staff).Full, source, "translation");
    }

    private Article Make(Story story, Outlet outlet, Body body, DateTime time, Rng rng, string? byline, Article? source, string? derivation)
    {
        var sequence = _sequence++;
        var title = body.RenderTitle();
        return new Article
        {
            Story = story,
            Sequence = sequence,
            Time = time,
            Outlet = outlet,
            Body = body,
            Title = title,
            Url = Url(outlet, story.Event.Kind.Name, title, time, sequence),
            // Scrapers of an undated page stay undated: whole derived families then carry no date.
            Dated = !rng.Chance(outlet.Undated) && !(derivation == "copy" && source is { Dated: false } && rng.Chance(0.7)),
            NamesOutlet = !rng.Chance(outlet.NoOutletField),
            Source = source,
            Derivation = derivation,
            Byline = byline,
        };
    }

    private string Url(Outlet outlet, string kind, string title, DateTime time, long sequence)
    {
        // The id's random prefix has a fixed length, so the sequence suffix keeps every URL unique.
        var id = Base36(Rng.Mix(seed, 17, (ulong)sequence) % 1679616, 4) + Base36((ulong)sequence, 1);
        var section = Section(outlet, kind);
        var slug = Slug.Of(title);
        var host = outlet.Role == OutletRole.Aggregator ? outlet.Domain : "www." + outlet.Domain;
        return outlet.UrlStyle switch
        {
            0 => $"https://{host}/{section}/{time:yyyy'/'MM'/'dd}/{slug}-{id}",
            1 => $"https://{host}/{section}/{slug}-{id}.html",
            _ => $"https://{host}/article/{id}/{slug}",
        };
    }

    private static string Section(Outlet outlet, string kind)
    {
        var business = kind is "earnings" or "product";
        var sport = kind == "match";
        return outlet.Lang == Lang.En
            ? outlet.Sections[business ? 2 : sport ? 3 : 0]
            : outlet.Sections[business ? 1 : sport ? 2 : 0];
    }

    private static string Base36(ulong value, int width)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var chars = new List<char>();
        do
        {
            chars.Add(digits[(int)(value % 36)]);
            value /= 36;
        }
        while (value > 0);
        while (chars.Count < width) chars.Add('0');
        chars.Reverse();
        return new string(chars.ToArray());
    }
}
