using Triangulate.Cli;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

/// <summary>
/// The TIMEX3 gold file over a JSON Lines corpus (<c>eval timex</c>): read into the MEANTIME scorer's articles, halves
/// kept apart, the date line as creation time, code-point offsets, and the one scorer's figures on an invented gold.
/// </summary>
public class TimexGoldFileTests
{
    // Two invented articles: a look one (three times the extractor reads and one gold value set wrong on purpose) and a held one.
    private const string Look = "Ferry sinks off the coast\nMarch 4, 2031\nThe ferry sank on Monday, the coastguard said.\nRescuers searched for three days.";
    private const string Held = "Vote put off\nJune 2, 2031\nThe vote was first set for 2029.";

    private static string Gold(string look, string held) => $$"""
        {"about": "invented", "source": "corpus.jsonl", "documents": [
          {"url": "https://example.org/ferry", "story": "1", "part": "look", "dct": "2031-03-04", "timex": {{look}}},
          {"url": "https://example.org/vote", "story": "2", "part": "held", "dct": "2031-06-02", "timex": {{held}}}
        ]}
        """;

    private static string Timex(string text, string said, string type, string value)
    {
        var start = text.IndexOf(said, StringComparison.Ordinal);
        return $$"""{"start": {{start}}, "end": {{start + said.Length}}, "text": "{{said}}", "type": "{{type}}", "value": "{{value}}"}""";
    }

    private static string LookGold => "[" + string.Join(", ",
        Timex(Look, "March 4, 2031", "DATE", "2031-03-04"), Timex(Look, "Monday", "DATE", "2031-03-03"), Timex(Look, "three days", "DURATION", "P4D")) + "]";

    private static string HeldGold => "[" + Timex(Held, "June 2, 2031", "DATE", "2031-06-02") + ", " + Timex(Held, "2029", "DATE", "2029") + "]";

    private static string Corpus(params string[] texts) =>
        string.Join("\n", texts.Select((t, i) => System.Text.Json.JsonSerializer.Serialize(new { url = i == 0 ? "https://example.org/ferry" : "https://example.org/vote", text = t })));

    [Fact]
    public void Each_document_keeps_its_half_and_its_date_line_is_the_creation_time()
    {
        using var folder = new TempFolder();
        var parts = TimexGoldFile.Read(folder.Write("gold.json", Gold(LookGold, HeldGold)), folder.Write("corpus.jsonl", Corpus(Look, Held)));
        Assert.Equal(["look", "held"], parts.Select(p => p.Half));
        var ferry = parts[0].Article;
        Assert.Equal(new DateOnly(2031, 3, 4), ferry.Created);
        Assert.Equal([true, false, false], ferry.Gold.Select(g => g.Creation));
        Assert.All(ferry.Sentences, s => Assert.True(s.Annotated));
    }

    [Fact]
    public void The_scorer_of_the_meantime_table_counts_a_wrong_value_against_value_accuracy_only()
    {
        using var folder = new TempFolder();
        var parts = TimexGoldFile.Read(folder.Write("gold.json", Gold(LookGold, HeldGold)), folder.Write("corpus.jsonl", Corpus(Look, Held)));
        var articles = parts.ConvertAll(p => p.Article);
        var found = MeantimeTimexEval.Ours(articles, out _);
        var look = MeantimeTimexEval.Score([articles[0]], found, false, "look", null);
        // Every gold is found with nothing spurious; "three days" is P3D against the P4D set wrong in this gold.
        Assert.Equal(1.0, look.RelaxedRecall);
        Assert.Equal(1.0, look.RelaxedPrecision);
        Assert.Equal(2.0 / 3, look.ValueAccuracy, 3);
        var held = MeantimeTimexEval.Score([articles[1]], found, false, "held", null);
        Assert.Equal(1.0, held.ValueF1);
    }

    [Fact]
    public void Offsets_count_code_points_so_a_character_beyond_the_plane_before_a_time_shifts_nothing()
    {
        const string Text = "Storm \U0001F300 warning\nMay 9, 2031\nIt hit land on Sunday.";
        // Python's indices: the symbol is one code point, so "Sunday" starts one place before its UTF-16 index.
        var start = Text.IndexOf("Sunday", StringComparison.Ordinal) - 1;
        var gold = Gold($$"""[{"start": {{start}}, "end": {{start + 6}}, "text": "Sunday", "type": "DATE", "value": "2031-05-04"}]""", "[]");
        using var folder = new TempFolder();
        var parts = TimexGoldFile.Read(folder.Write("gold.json", gold), folder.Write("corpus.jsonl", Corpus(Text, Held)));
        var g = Assert.Single(parts[0].Article.Gold);
        Assert.Equal("Sunday", Text[g.Start..g.End]);
    }

    // An article-extraction ground truth ({id: {articleBody, url}}, extraction-dev's shape) is a corpus too: the gold's
    // documents are found by url or by id, and score as they do over the same texts in JSON Lines.
    [Fact]
    public void A_ground_truth_of_article_bodies_serves_as_the_corpus_by_url_or_by_id()
    {
        var truth = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["a1"] = new { articleBody = Look, url = "https://example.org/ferry" },
            ["b2"] = new { articleBody = Held, url = "https://example.org/elsewhere" },
            ["c3"] = new { articleBody = "Not in the gold.", url = "https://example.org/other" },
        });
        // The held document is named by the ground truth's id, not its url.
        var gold = Gold(LookGold, HeldGold).Replace("https://example.org/vote", "b2", StringComparison.Ordinal);
        using var folder = new TempFolder();
        var parts = TimexGoldFile.Read(folder.Write("gold.json", gold), folder.Write("ground-truth.json", truth));
        var lines = TimexGoldFile.Read(folder.Write("gold-lines.json", Gold(LookGold, HeldGold)), folder.Write("corpus.jsonl", Corpus(Look, Held)));
        Assert.Equal(["look", "held"], parts.Select(p => p.Half));
        Assert.Equal([Look, Held], parts.Select(p => p.Article.Text));
        var articles = parts.ConvertAll(p => p.Article);
        var lineArticles = lines.ConvertAll(p => p.Article);
        Assert.Equal(MeantimeTimexEval.Score(lineArticles, MeantimeTimexEval.Ours(lineArticles, out _), false, "all", null).ValueF1,
            MeantimeTimexEval.Score(articles, MeantimeTimexEval.Ours(articles, out _), false, "all", null).ValueF1);
    }

    [Fact]
    public void A_gold_document_missing_from_the_ground_truth_is_refused()
    {
        var truth = """{"a1": {"articleBody": "Nothing here.", "url": "https://example.org/ferry-moved"}}""";
        using var folder = new TempFolder();
        Assert.Throws<InvalidDataException>(() => TimexGoldFile.Read(folder.Write("gold.json", Gold(LookGold, HeldGold)), folder.Write("ground-truth.json", truth)));
    }

    [Fact]
    public void A_gold_whose_offsets_miss_its_text_is_refused()
    {
        var gold = Gold("""[{"start": 0, "end": 5, "text": "March", "type": "DATE", "value": "2031-03"}]""", "[]");
        using var folder = new TempFolder();
        Assert.Throws<InvalidDataException>(() => TimexGoldFile.Read(folder.Write("gold.json", gold), folder.Write("corpus.jsonl", Corpus(Look, Held))));
    }

    // The gold of session 26 (TIMEX3 over 33 ECB+ dev articles): every offset holds its text (Read checks each), each
    // half is there, and the whole set's value F1 stays above a floor (0.899 when the gold was added).
    [DatasetFact("ecb-dev")]
    public void The_ecb_time_gold_holds_its_texts_in_the_corpus_and_scores_above_its_floor() =>
        HoldsItsTextsAndScoresAbove("timex-ecb.json", 0.85);

    // The second, disjoint gold of session 28 (38 ECB+ dev articles, written blind): 0.864 when it was added, 0.897 after
    // that session's rules.
    [DatasetFact("ecb-dev")]
    public void The_second_ecb_time_gold_holds_its_texts_in_the_corpus_and_scores_above_its_floor() =>
        HoldsItsTextsAndScoresAbove("timex-ecb2.json", 0.85);

    // The third, disjoint gold of session 29 (40 ECB+ dev articles, written blind by timegold29): 0.906 at main 1589b4b
    // when it came, 0.905 after that session's audit.
    [DatasetFact("ecb-dev")]
    public void The_third_ecb_time_gold_holds_its_texts_in_the_corpus_and_scores_above_its_floor() =>
        HoldsItsTextsAndScoresAbove("timex-ecb3.json", 0.85);

    // The news gold of session 37 (helper timegold37, written blind over extraction-dev's person-marked article bodies,
    // read straight from its ground truth): 0.816 at main (its 40 documents; the rules that session wrote from its look half lifted no held half and were not merged).
    [DatasetFact("extraction-dev")]
    public void The_news_time_gold_holds_its_texts_in_the_ground_truth_and_scores_above_its_floor() =>
        HoldsItsTextsAndScoresAbove("timex-news.json", 0.78, Path.Combine(Datasets.Folder("extraction-dev"), "ground-truth.json"));

    private static void HoldsItsTextsAndScoresAbove(string goldFile, double floor, string? corpus = null)
    {
        var parts = TimexGoldFile.Read(Path.Combine(TestPaths.Fixtures, "gold", goldFile), corpus ?? Path.Combine(Datasets.Folder("ecb-dev"), "ecb-dev.jsonl"));
        Assert.Contains(parts, p => p.Half == "look");
        Assert.Contains(parts, p => p.Half == "held");
        var articles = parts.ConvertAll(p => p.Article);
        var all = MeantimeTimexEval.Score(articles, MeantimeTimexEval.Ours(articles, out _), false, "all", null);
        Assert.True(all.ValueF1 >= floor, $"value F1 {all.ValueF1:0.000}");
    }
}
