using System.Text;
using Triangulate.Model;

namespace Triangulate.Bench.Inputs;

/// <summary>
/// Generates news corpora of any size with known truth: many stories, each told by several independent reports (own
/// wording, shared facts, sometimes one shared quote, as real coverage of one event), plus derived documents made by
/// mutation: exact copies, syndication under another outlet with a credit line, partial copies, rewrites (synonym
/// swaps, dropped sentences, reordering, specifics made vague) and single-document noise stories.
/// Deterministic for a seed.
/// </summary>
internal sealed class CorpusGenerator(int seed)
{
    private static readonly string[] Syllables = ["ka", "lo", "mer", "tan", "vi", "dra", "sol", "ben", "ru", "gal", "nor", "ves", "ti", "am", "bor", "qui", "zen", "fal", "hu", "del", "mar", "ost", "lin", "pe", "char", "wyn", "sk", "ar"];
    private static readonly string[] Filler = ("people officials town region city river road bridge market school hospital station council water power court " +
        "police army border village farm field factory port ship train bus crowd family families residents workers students teachers doctors nurses " +
        "government minister ministry agency company union leaders talks meeting report plan budget prices costs wages taxes fuel food aid supplies " +
        "weather storm rain snow heat fire smoke damage repairs homes streets buildings shops roads lines rail airport flights weekend morning evening night " +
        "announced reported confirmed denied warned promised expected planned decided agreed refused ordered opened closed moved rose fell reached began ended " +
        "large small major minor local national regional public private early late recent new old several many few dozens hundreds thousands").Split(' ');
    private static readonly (string A, string B)[] Synonyms =
    [
        ("said", "stated"), ("officials", "authorities"), ("began", "started"), ("warned", "cautioned"), ("large", "big"), ("homes", "houses"),
        ("people", "residents"), ("announced", "declared"), ("damage", "destruction"), ("help", "assistance"), ("town", "municipality"),
        ("rose", "climbed"), ("fell", "dropped"), ("reached", "hit"), ("crowd", "gathering"), ("talks", "negotiations"), ("quickly", "rapidly"),
        ("road", "highway"), ("night", "overnight"), ("ordered", "instructed"), ("closed", "shut"), ("planned", "intended"),
    ];
    private static readonly string[] Kinds = ["flood", "strike", "election", "fire", "trial", "protest", "explosion", "drought", "merger", "outbreak"];

    private readonly Random _random = new(seed);

    /// <summary>Generates about <paramref name="count"/> documents.</summary>
    public GeneratedCorpus Generate(int count)
    {
        var items = new List<(Document, DocumentAnalysis)>(count);
        var family = new Dictionary<string, string>(StringComparer.Ordinal);
        var story = new Dictionary<string, int>(StringComparer.Ordinal);
        var edges = new List<(string Derived, string Source)>();
        var outlets = new string[Math.Max(20, count / 50)];
        for (var i = 0; i < outlets.Length; i++) outlets[i] = Capital(Word(2)) + " " + (i % 3 == 0 ? "Times" : i % 3 == 1 ? "Herald" : "News");
        var storyIndex = 0;
        while (items.Count < count)
        {
            var facts = new StoryFacts(this, storyIndex);
            var reports = items.Count + 12 > count ? 1 : 1 + _random.Next(5);
            var sources = new List<Generated>();
            for (var r = 0; r < reports && items.Count < count; r++)
            {
                var g = Report(facts, outlets[_random.Next(outlets.Length)], items.Count);
                sources.Add(g);
                Add(items, family, story, g, g.Document.Id, storyIndex);
            }
            var derived = reports == 1 ? 0 : _random.Next(4);
            for (var d = 0; d < derived && items.Count < count; d++)
            {
                var source = sources[_random.Next(sources.Count)];
                var g = Derive(source, outlets[_random.Next(outlets.Length)], items.Count);
                Add(items, family, story, g, family[source.Document.Id], storyIndex);
                edges.Add((g.Document.Id, source.Document.Id));
            }
            storyIndex++;
        }
        return new GeneratedCorpus(items, family, story, edges);
    }

    private static void Add(List<(Document, DocumentAnalysis)> items, Dictionary<string, string> family, Dictionary<string, int> story, Generated g, string familyId, int storyIndex)
    {
        items.Add((g.Document, new DocumentAnalysis { DocumentId = g.Document.Id }));
        family[g.Document.Id] = familyId;
        story[g.Document.Id] = storyIndex;
    }

    private Generated Report(StoryFacts facts, string outlet, int serial)
    {
        var sentences = new List<string>();
        // Each fact has several phrasings, each report tells some of the facts in its own words with its own material
        // between them: independent reports share facts (names, figures) and sometimes the quote, not their wording.
        var templates = new List<Func<string>>
        {
            () => Pick(
                $"The {facts.Kind} in {facts.Place} {Pick("affected", "hit", "disrupted")} {facts.N1} {Pick("people", "homes", "workers")} on {facts.Day}, {facts.Person} said.",
                $"{facts.Person} put the number of {Pick("people", "homes", "workers")} {Pick("affected", "caught up")} at {facts.N1} after the {facts.Kind} {Pick("struck", "reached")} {facts.Place}.",
                $"Some {facts.N1} {Pick("residents", "households")} of {facts.Place} {Pick("were touched by", "felt")} the {facts.Kind}, according to {facts.Person}."),
            () => Pick(
                $"{facts.Person}, who leads the {facts.Org}, {Pick("told", "briefed")} {Pick("reporters", "journalists")} that {Noise(6)}.",
                $"Speaking for the {facts.Org}, {facts.Person} {Pick("argued", "insisted")} that {Noise(6)}."),
            () => Pick(
                $"Losses were put at {facts.N2} million by the {facts.Org}.",
                $"The {facts.Org} {Pick("estimates", "reckons")} the bill at {facts.N2} million, {Noise(4)}."),
            () => Pick(
                $"In {facts.Place2}, {Noise(5)} as {facts.N3} {Pick("volunteers", "officers", "crews")} {Pick("arrived", "gathered")}.",
                $"{facts.N3} {Pick("volunteers", "officers", "crews")} were {Pick("sent", "deployed")} to {facts.Place2} {Noise(4)}."),
            () => $"“{facts.Quote}” {facts.Person} said.",
        };
        var order = Enumerable.Range(0, templates.Count).OrderBy(_ => _random.Next()).ToList();
        foreach (var t in order)
        {
            if (t == 4 ? _random.NextDouble() < 0.5 : _random.NextDouble() < 0.3) continue; // not every report carries every fact
            sentences.Add(templates[t]());
            var noise = 2 + _random.Next(4);
            for (var k = 0; k < noise; k++)
                sentences.Add(Capital(_random.NextDouble() < 0.3 ? $"the {facts.Topic} {Noise(7)}" : Noise(8 + _random.Next(8))) + ".");
        }
        var title = $"{Capital(facts.Kind)} in {facts.Place}: {Noise(4)}";
        return Build(title, sentences, outlet, null, facts.Date.AddDays(_random.Next(3)), serial, facts);
    }

    private Generated Derive(Generated source, string outlet, int serial)
    {
        var sentences = new List<string>(source.Sentences);
        var roll = _random.NextDouble();
        string? origin = null;
        var title = source.Title;
        if (roll < 0.25)
        {
            outlet = source.Outlet; // a copy on the same site or a mirror
        }
        else if (roll < 0.5)
        {
            origin = source.Outlet;
            sentences.Add("Cre: " + source.Outlet);
        }
        else if (roll < 0.65)
        {
            sentences.RemoveRange(sentences.Count * 6 / 10, sentences.Count - sentences.Count * 6 / 10);
        }
        else
        {
            sentences = Rewrite(sentences, source.Facts);
            title = Noise(3) + " " + title;
        }
        DateOnly? date = _random.NextDouble() < 0.2 ? null : source.Published?.AddDays(_random.Next(3));
        return Build(title, sentences, outlet, origin, date, serial, source.Facts);
    }

    private List<string> Rewrite(List<string> sentences, StoryFacts facts)
    {
        var result = new List<string>();
        foreach (var sentence in sentences)
        {
            if (_random.NextDouble() < 0.3) continue;
            var s = sentence.Replace(facts.Person, "an official", StringComparison.Ordinal)
                .Replace(facts.N1.ToString(System.Globalization.CultureInfo.InvariantCulture), "many", StringComparison.Ordinal)
                .Replace(facts.N3.ToString(System.Globalization.CultureInfo.InvariantCulture), "dozens of", StringComparison.Ordinal);
            var words = s.Split(' ');
            for (var i = 0; i < words.Length; i++)
                foreach (var (a, b) in Synonyms)
                    if (words[i] == a && _random.NextDouble() < 0.7) words[i] = b;
            result.Add(string.Join(' ', words));
        }
        for (var i = 0; i + 1 < result.Count; i += 4) (result[i], result[i + 1]) = (result[i + 1], result[i]);
        return result;
    }

    private static Generated Build(string title, List<string> sentences, string outlet, string? origin, DateOnly? date, int serial, StoryFacts facts)
    {
        var text = new StringBuilder();
        var blocks = new List<Block>();
        text.Append(title);
        blocks.Add(new Block(BlockKind.Title, 0, text.Length));
        text.Append("\n\n");
        for (var i = 0; i < sentences.Count; i += 2)
        {
            var start = text.Length;
            text.Append(sentences[i]);
            if (i + 1 < sentences.Count) text.Append(' ').Append(sentences[i + 1]);
            blocks.Add(new Block(BlockKind.Body, start, text.Length));
            text.Append("\n\n");
        }
        var body = text.ToString();
        var sha = StableId.Sha256Hex(Encoding.UTF8.GetBytes(body + "\u0000" + serial));
        var document = new Document
        {
            Id = StableId.ForDocument(sha),
            Source = $"gen/{serial}.txt",
            Sha256 = sha,
            Title = title,
            Outlet = outlet,
            Origin = origin,
            Language = "en",
            Published = date is { } d ? DateEstimate.Exact(PartialDate.FromDate(d), DateBasis.Metadata) : null,
            Text = body,
            Blocks = blocks,
            Body = body[(title.Length + 2)..],
        };
        return new Generated(document, title, sentences, outlet, date, facts);
    }

    internal string Pick(params string[] options) => options[_random.Next(options.Length)];

    internal string Noise(int words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0) builder.Append(' ');
            builder.Append(_random.NextDouble() < 0.5 ? Word(2 + _random.Next(3)) : Filler[_random.Next(Filler.Length)]);
        }
        return builder.ToString();
    }

    internal string Word(int syllables)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < syllables; i++) builder.Append(Syllables[_random.Next(Syllables.Length)]);
        return builder.ToString();
    }

    internal static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    internal int Next(int max) => _random.Next(max);

    /// <summary>The facts every report of one story shares.</summary>
    internal sealed class StoryFacts
    {
        public StoryFacts(CorpusGenerator g, int index)
        {
            Kind = Kinds[g.Next(Kinds.Length)];
            Place = Capital(g.Word(3));
            Place2 = Capital(g.Word(2)) + " " + Capital(g.Word(2));
            Person = Capital(g.Word(2)) + " " + Capital(g.Word(3));
            Org = Capital(g.Word(2)) + " " + g.Pick("Council", "Authority", "Union", "Agency");
            Topic = g.Word(3);
            N1 = 100 + g.Next(9000);
            N2 = 2 + g.Next(300);
            N3 = 10 + g.Next(400);
            Date = new DateOnly(2020, 1, 1).AddDays(index % 1500);
            Day = Date.ToString("d MMMM", System.Globalization.CultureInfo.InvariantCulture);
            Quote = Capital(g.Noise(7)) + ".";
        }

        public string Kind { get; }
        public string Place { get; }
        public string Place2 { get; }
        public string Person { get; }
        public string Org { get; }
        public string Topic { get; }
        public int N1 { get; }
        public int N2 { get; }
        public int N3 { get; }
        public DateOnly Date { get; }
        public string Day { get; }
        public string Quote { get; }
    }

    internal sealed record Generated(Document Document, string Title, List<string> Sentences, string Outlet, DateOnly? Published, StoryFacts Facts);
}
