using System.Text.Json;
using System.Text.RegularExpressions;
using Triangulate.CorpusGen;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Bench;

/// <summary>
/// The independent corpus generator: one seed names one corpus, its gold covers every article, derivations point from
/// an earlier article of the same story, and the hard cases it exists for (same-frame reports of different events,
/// translations) are really in it.
/// </summary>
public sealed partial class CorpusGenTests : IDisposable
{
    private const int Articles = 1500;
    private readonly TempFolder _folder = new();
    private readonly Corpus _corpus;

    public CorpusGenTests()
    {
        _corpus = Generate("a", 7);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheSameSeedWritesTheSameBytesAndAnotherSeedDoesNot()
    {
        var again = Generate("b", 7);
        var other = Generate("c", 8);
        Assert.Equal(File.ReadAllBytes(_corpus.CorpusPath), File.ReadAllBytes(again.CorpusPath));
        Assert.Equal(File.ReadAllBytes(_corpus.GoldPath), File.ReadAllBytes(again.GoldPath));
        Assert.NotEqual(File.ReadAllBytes(_corpus.CorpusPath), File.ReadAllBytes(other.CorpusPath));
    }

    [Fact]
    public void AnHtmlShareWritesPagesWithTheirMetadataInTheHead()
    {
        var directory = _folder.File("html");
        new CorpusGenerator(new GeneratorOptions(300, 7, directory) { HtmlShare = 0.5 }).Run();
        var pages = File.ReadLines(Path.Combine(directory, "corpus.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(r => r.TryGetProperty("html", out _))
            .ToList();
        Assert.InRange(pages.Count, 100, 200);
        foreach (var page in pages)
        {
            var html = page.GetProperty("html").GetString()!;
            Assert.False(page.TryGetProperty("text", out _));
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<h1>" + System.Net.WebUtility.HtmlEncode(page.GetProperty("title").GetString()!) + "</h1>", html, StringComparison.Ordinal);
            if (page.TryGetProperty("published", out var published))
                Assert.Contains($"<meta property=\"article:published_time\" content=\"{published.GetString()}\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheGoldAssignsEveryArticleToAStoryWithAnEvent()
    {
        Assert.Equal(Articles, _corpus.Records.Count);
        Assert.Equal(Articles, _corpus.Records.Select(r => r.Url).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Articles, _corpus.Stories.Count);
        foreach (var record in _corpus.Records)
        {
            Assert.True(_corpus.Stories.TryGetValue(record.Url, out var story), record.Url);
            Assert.True(_corpus.Events.TryGetValue(story!, out var e), story);
            Assert.False(string.IsNullOrEmpty(e.GetProperty("type").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("place").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(record.Text));
        }
        Assert.Equal(_corpus.Stories.Values.Distinct(StringComparer.Ordinal).Count(), _corpus.Events.Count);
    }

    [Fact]
    public void EveryDerivationPointsFromAnEarlierArticleOfTheSameStory()
    {
        Assert.NotEmpty(_corpus.Derivations);
        var line = _corpus.Records.Select((r, i) => (r.Url, i)).ToDictionary(p => p.Url, p => p.i, StringComparer.Ordinal);
        var byUrl = _corpus.Records.ToDictionary(r => r.Url, StringComparer.Ordinal);
        foreach (var (from, to, kind) in _corpus.Derivations)
        {
            Assert.Contains(kind, new[] { "copy", "syndication", "rewrite", "translation" });
            Assert.True(line[from] < line[to], $"{from} is not before {to}");
            Assert.Equal(_corpus.Stories[from], _corpus.Stories[to]);
            if (byUrl[from].Published is { } a && byUrl[to].Published is { } b) Assert.True(NotAfter(a, b), $"{from} published {a}, after {to} published {b}");
        }
        // Every kind of derivation occurs, and some articles have no date.
        Assert.Equal(4, _corpus.Derivations.Select(d => d.Kind).Distinct().Count());
        Assert.Contains(_corpus.Records, r => r.Published is null);
    }

    [Fact]
    public void TranslationsAreInAnotherLanguageThanTheirSource()
    {
        var byUrl = _corpus.Records.ToDictionary(r => r.Url, StringComparer.Ordinal);
        var translations = _corpus.Derivations.Where(d => d.Kind == "translation").ToList();
        Assert.NotEmpty(translations);
        foreach (var (from, to, _) in translations)
        {
            Assert.Equal("en", Language(byUrl[from].Text));
            Assert.NotEqual("en", Language(byUrl[to].Text));
        }
    }

    [Fact]
    public void CopiesKeepMostOfTheirSourcesParagraphsWordForWord()
    {
        var byUrl = _corpus.Records.ToDictionary(r => r.Url, StringComparer.Ordinal);
        foreach (var (from, to, kind) in _corpus.Derivations.Where(d => d.Kind is "copy" or "syndication"))
        {
            // Long blocks are mostly body paragraphs; the source's own footer lines are the ones a copy lacks, and a
            // syndicated copy may be cut from the bottom.
            var blocks = byUrl[from].Text.Split("\n\n").Where(p => p.Length >= 80).ToList();
            var kept = blocks.Count(p => byUrl[to].Text.Contains(p, StringComparison.Ordinal));
            Assert.True(kind == "copy" ? kept * 2 >= blocks.Count : kept >= 1, $"{to} keeps {kept} of {blocks.Count} long blocks of {from}");
        }
    }

    [Fact]
    public void DifferentEventsOfOneKindInOneWeekShareSentenceFrames()
    {
        // The hard case: mask names and figures, and the same sentence appears in reports of different stories.
        var frames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var record in _corpus.Records)
        {
            foreach (var paragraph in record.Text.Split("\n\n"))
            {
                var masked = Masked().Replace(paragraph, "X");
                if (masked.Split(' ').Length < 10) continue;
                if (!frames.TryGetValue(masked, out var stories)) frames[masked] = stories = new(StringComparer.Ordinal);
                stories.Add(_corpus.Stories[record.Url]);
            }
        }
        Assert.True(frames.Values.Count(s => s.Count >= 3) >= 10, "too few sentence frames shared by three or more stories");
    }

    [Fact]
    public void SomeTownHasTwoEventsOfTheSameKindWithinTwoWeeks()
    {
        var pairs = _corpus.Events.Values
            .Select(e => (Type: e.GetProperty("type").GetString()!, Place: e.GetProperty("place").GetString()!, Date: DateOnly.Parse(e.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .GroupBy(e => (e.Type, e.Place))
            .Count(g => g.Count() > 1 && g.Max(e => e.Date).DayNumber - g.Min(e => e.Date).DayNumber <= 14);
        Assert.True(pairs >= 3, $"only {pairs} same-kind same-place pairs");
    }

    /// <summary>Whether one published field is not after another; a bare date may be a day off a time with an offset.</summary>
    private static bool NotAfter(string a, string b)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (a.Length > 10 && b.Length > 10) return DateTimeOffset.Parse(a, culture) <= DateTimeOffset.Parse(b, culture);
        return DateOnly.Parse(a[..10], culture).AddDays(-1) <= DateOnly.Parse(b[..10], culture);
    }

    private static string Language(string text)
    {
        var words = Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        // Function words of each language; names and figures are the same in all of them.
        string[][] markers =
        [
            ["the", "and", "of", "to", "in", "was", "on", "said", "for", "with"],
            ["der", "die", "das", "und", "hat", "am", "im", "von", "mit", "wurden", "ist", "nach", "für", "zu"],
            ["le", "les", "et", "des", "du", "un", "une", "été", "selon", "au", "a", "ont"],
            ["el", "los", "las", "y", "del", "en", "una", "por", "según", "con", "que"],
        ];
        string[] names = ["en", "de", "fr", "es"];
        var scores = markers.Select(m => words.Count(w => m.Contains(w))).ToArray();
        return scores.Max() == 0 ? "none" : names[Array.IndexOf(scores, scores.Max())];
    }

    private Corpus Generate(string name, ulong seed)
    {
        var directory = _folder.File(name);
        new CorpusGenerator(new GeneratorOptions(Articles, seed, directory)).Run();
        return Corpus.Read(directory);
    }

    [GeneratedRegex(@"\b(\p{Lu}[\p{L}\-']*|\d[\d,.]*%?)")]
    private static partial Regex Masked();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    private sealed record Record(string Url, string Text, string? Published);

    private sealed record Corpus(string CorpusPath, string GoldPath, List<Record> Records, Dictionary<string, string> Stories, List<(string From, string To, string Kind)> Derivations, Dictionary<string, JsonElement> Events)
    {
        public static Corpus Read(string directory)
        {
            var corpusPath = Path.Combine(directory, "corpus.jsonl");
            var goldPath = Path.Combine(directory, "gold.json");
            var records = File.ReadLines(corpusPath).Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                return new Record(root.GetProperty("url").GetString()!, root.GetProperty("text").GetString()!, root.TryGetProperty("published", out var p) ? p.GetString() : null);
            }).ToList();
            using var gold = JsonDocument.Parse(File.ReadAllBytes(goldPath));
            var stories = gold.RootElement.GetProperty("stories").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            var derivations = gold.RootElement.GetProperty("derivations").EnumerateArray()
                .Select(d => (d.GetProperty("from").GetString()!, d.GetProperty("to").GetString()!, d.GetProperty("kind").GetString()!)).ToList();
            var events = gold.RootElement.GetProperty("events").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            return new Corpus(corpusPath, goldPath, records, stories, derivations, events);
        }
    }
}
