using System.Globalization;
using System.Text;
using Triangulate.Model;

namespace Triangulate.Bench.Inputs;

/// <summary>
/// Generates news corpora of any size with known truth: many stories, each told by several independent reports (own
/// wording, shared facts, sometimes one shared quote, as real coverage of one event), plus derived documents made by
/// mutation: exact copies, syndication under another outlet with a credit line, partial copies, rewrites (synonym
/// swaps, dropped sentences, reordering, specifics made vague) and single-document noise stories.
/// Nothing is held: the plan keeps, per document, only the serial of its source (the truth), and any story is
/// regenerated on demand from its own seed, so a corpus of a million documents streams in constant memory.
/// Deterministic for a seed.
/// </summary>
internal sealed class CorpusGenerator
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

    private readonly int _seed;
    private readonly string[] _outlets;
    private readonly int[] _storyStart;
    private readonly int[] _source;
    private Random _random = new(0);

    /// <summary>Plans a corpus of exactly <paramref name="count"/> documents: story sizes and derivation truth, no text.</summary>
    public CorpusGenerator(int seed, int count)
    {
        _seed = seed;
        Count = count;
        var random = new Random(seed);
        _outlets = new string[Math.Max(20, count / 50)];
        _random = random;
        for (var i = 0; i < _outlets.Length; i++) _outlets[i] = Capital(Word(2)) + " " + (i % 3 == 0 ? "Times" : i % 3 == 1 ? "Herald" : "News");
        _source = new int[count];
        var starts = new List<int>();
        var serial = 0;
        for (var s = 0; serial < count; s++)
        {
            starts.Add(serial);
            var plan = new Random(StorySeed(s, 0));
            var reports = 1 + plan.Next(5);
            var derived = reports == 1 ? 0 : plan.Next(4);
            var first = serial;
            for (var r = 0; r < reports && serial < count; r++) _source[serial++] = -1;
            for (var d = 0; d < derived && serial < count; d++) _source[serial++] = first + plan.Next(reports);
        }
        starts.Add(count);
        _storyStart = [.. starts];
    }

    /// <summary>Documents in the corpus.</summary>
    public int Count { get; }

    /// <summary>Stories in the corpus.</summary>
    public int StoryCount => _storyStart.Length - 1;

    /// <summary>The serial of the document <paramref name="serial"/> was derived from, or -1 for an independent report.</summary>
    public int SourceOf(int serial) => _source[serial];

    /// <summary>The derivation family: the report a document was derived from, or itself.</summary>
    public int FamilyOf(int serial) => _source[serial] < 0 ? serial : _source[serial];

    /// <summary>The first serial of a story.</summary>
    public int StoryStart(int story) => _storyStart[story];

    /// <summary>The story of a document.</summary>
    public int StoryOf(int serial)
    {
        var i = Array.BinarySearch(_storyStart, serial);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The document id of a serial: "d-", eight hex digits of a hash (so id order is not generation order) and the serial in hex.</summary>
    public string IdOf(int serial) => string.Create(CultureInfo.InvariantCulture, $"d-{IdHash(serial):x8}{serial:x8}");

    /// <summary>The sort key matching the ordinal order of <see cref="IdOf"/>.</summary>
    public ulong IdKey(int serial) => ((ulong)IdHash(serial) << 32) | (uint)serial;

    /// <summary>The serial encoded in an id made by <see cref="IdOf"/>, or -1.</summary>
    public static int SerialOf(string id) =>
        id.Length == 18 && int.TryParse(id.AsSpan(10), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var serial) ? serial : -1;

    private uint IdHash(int serial) => (uint)(Triangulate.Link.LinkText.Mix(((ulong)(uint)_seed << 32) ^ (uint)serial ^ 0xA5A5_0000_0000UL) >> 32);

    private int StorySeed(int story, int part) => (int)Triangulate.Link.LinkText.Mix(((ulong)(uint)_seed << 33) ^ ((ulong)(uint)story << 2) ^ (uint)part);

    /// <summary>Every document in serial order, generated story by story as it is consumed: nothing is held.</summary>
    public IEnumerable<Document> Generate()
    {
        for (var story = 0; story < StoryCount; story++)
            foreach (var document in Story(story)) yield return document;
    }

    /// <summary>Regenerates story <paramref name="story"/>: its documents in serial order.</summary>
    public List<Document> Story(int story)
    {
        _random = new Random(StorySeed(story, 1));
        var first = _storyStart[story];
        var end = _storyStart[story + 1];
        var facts = new StoryFacts(this, story);
        var made = new List<Generated>(end - first);
        for (var serial = first; serial < end; serial++)
        {
            var g = _source[serial] < 0
                ? Report(facts, _outlets[_random.Next(_outlets.Length)], serial)
                : Derive(made[_source[serial] - first], _outlets[_random.Next(_outlets.Length)], serial);
            made.Add(g);
        }
        var documents = new List<Document>(made.Count);
        foreach (var g in made) documents.Add(g.Document);
        return documents;
    }

    private Generated Report(StoryFacts facts, string outlet, int serial)
    {
        var sentences = new List<string>();
        // Each fact is told in words composed per report (opening, verb, object, attribution chosen independently),
        // with the report's own material between facts: independent reports share facts (names, figures) and
        // sometimes the quote, not their wording. (A single fixed phrasing per fact, as before, made two independent
        // reports share identical sentences, which is copied text, not independent reporting.)
        var templates = new List<Func<string>>
        {
            () => Pick(
                $"The {facts.Kind} in {facts.Place} {Pick("affected", "hit", "disrupted", "touched", "upended")} {facts.N1} {Pick("people", "homes", "workers", "households", "families")}{Pick($" on {facts.Day}", "", $" by {facts.Day}", " this week")}{Attribution(facts)}",
                $"{facts.Person} put the number of {Pick("people", "homes", "workers", "residents")} {Pick("affected", "caught up", "involved", "hurt")} at {facts.N1} after the {facts.Kind} {Pick("struck", "reached", "came to", "spread through")} {facts.Place}.",
                $"Some {facts.N1} {Pick("residents", "households", "families", "employees")} {Pick("of", "in", "around")} {facts.Place} {Pick("were touched by", "felt", "lived through", "saw")} the {facts.Kind}{Attribution(facts)}",
                $"In {facts.Place}, {facts.N1} {Pick("people", "homes", "workers")} {Pick("counted losses", "waited for news", "stayed away", "were evacuated")} as the {facts.Kind} {Pick("went on", "spread", "deepened", "continued")}."),
            () => Pick(
                $"{facts.Person}, {Pick("who leads", "head of", "a spokeswoman for", "chair of", "the director of")} the {facts.Org}, {Pick("told", "briefed", "informed", "addressed")} {Pick("reporters", "journalists", "residents", "a news conference")} that {Noise(6)}.",
                $"Speaking for the {facts.Org}, {facts.Person} {Pick("argued", "insisted", "stressed", "claimed")} that {Noise(6)}.",
                $"The {facts.Org} {Pick("said", "maintained", "added")} through {facts.Person} that {Noise(6)}."),
            () => Pick(
                $"{Pick("Losses", "Damages", "Costs", "The bill")} {Pick("were put at", "came to", "could reach", "may top")} {facts.N2} million {Pick("by the", "according to the", "in figures from the")} {facts.Org}.",
                $"The {facts.Org} {Pick("estimates", "reckons", "puts", "expects")} {Pick("the bill", "the damage", "the cost", "losses")} {Pick("at", "near", "above")} {facts.N2} million, {Noise(4)}.",
                $"{facts.N2} million is {Pick("the figure", "the estimate", "the sum")} the {facts.Org} {Pick("gives", "cites", "uses")} for {Pick("losses", "repairs", "the damage")}."),
            () => Pick(
                $"In {facts.Place2}, {Noise(5)} as {facts.N3} {Pick("volunteers", "officers", "crews", "soldiers", "medics")} {Pick("arrived", "gathered", "assembled", "waited")}.",
                $"{facts.N3} {Pick("volunteers", "officers", "crews", "soldiers", "medics")} were {Pick("sent", "deployed", "dispatched", "moved")} to {facts.Place2} {Noise(4)}."),
            () => $"“{facts.Quote}” {facts.Person} {Pick("said", "added", "told reporters", "said in a statement", "wrote")}.",
        };
        var order = new int[templates.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        _random.Shuffle(order);
        foreach (var t in order)
        {
            if (t == 4 ? _random.NextDouble() < 0.5 : _random.NextDouble() < 0.3) continue; // not every report carries every fact
            sentences.Add(templates[t]());
            var noise = 2 + _random.Next(4);
            for (var k = 0; k < noise; k++)
                sentences.Add(Capital(_random.NextDouble() < 0.3 ? $"the {facts.Topic} {Noise(7)}" : Noise(8 + _random.Next(8))) + ".");
        }
        var title = $"{Capital(facts.Kind)} in {facts.Place}: {Noise(4)}";
        return Build(title, sentences, outlet, null, facts.Date.AddDays(_random.Next(3)), IdOf(serial), serial, facts);
    }

    private string Attribution(StoryFacts facts) =>
        Pick($", {facts.Person} said.", $", according to {facts.Person}.", $", {facts.Person} told reporters.", $". {facts.Person} confirmed the figure.", ", officials said.");

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
        return Build(title, sentences, outlet, origin, date, IdOf(serial), serial, source.Facts);
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

    private static Generated Build(string title, List<string> sentences, string outlet, string? origin, DateOnly? date, string id, int serial, StoryFacts facts)
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
            Id = id,
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
