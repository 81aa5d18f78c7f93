using Triangulate.Cli;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

/// <summary>
/// The silver check of time values (<c>eval timex-agree</c>): a wire and its rewrites state one time in different words,
/// so the values of their aligned sentences are compared, pair by derived pair, and counted by the relative side's class.
/// </summary>
public class TimexAgreementTests
{

    // Invented: a wire published on Wednesday 5 March 2031 and two rewrites a day later, each derived from the wire.
    private static string Corpus(string wire, string first, string second) => string.Join("\n",
        Record("https://example.org/wire", "2031-03-05T09:00:00+00:00", wire),
        Record("https://example.org/first", "2031-03-06T08:00:00+00:00", first),
        Record("https://example.org/second", "2031-03-06T10:00:00+00:00", second));

    private static string Record(string url, string published, string when) =>
        System.Text.Json.JsonSerializer.Serialize(new { url, published, text = $"Ferry sinks\n\nThe ferry Nordlys sank off the northern coast {when}, the coastguard said." });

    private const string Gold = """
        {"stories": {"https://example.org/wire": "s1", "https://example.org/first": "s1", "https://example.org/second": "s1"},
         "derivations": [{"from": "https://example.org/wire", "to": "https://example.org/first", "kind": "rewrite"},
                         {"from": "https://example.org/wire", "to": "https://example.org/second", "kind": "rewrite"}]}
        """;

    [Fact]
    public void A_weekday_agrees_with_the_date_a_rewrite_states_and_disagrees_with_another()
    {
        using var folder = new TempFolder();
        // "on Tuesday" in the wire is 4 March; the first rewrite states 4 March, the second 5 March.
        var corpus = folder.Write("corpus.jsonl", Corpus("on Tuesday", "on March 4, 2031", "on March 5, 2031"));
        var gold = folder.Write("gold.json", Gold);

        var tally = EvalTimexAgreeCommand.Count(corpus, gold, [], verbose: false);

        var weekday = tally.ByClass["weekday"];
        Assert.Equal(1, weekday.Agree);
        Assert.Equal(1, weekday.Disagree);
        Assert.Equal(1, weekday.AbsoluteSide);
        // The two rewrites are not derived from each other: their sentences are not compared.
        Assert.Equal(2, tally.AlignedPairs);
    }

    [Fact]
    public void The_held_documents_of_a_timex_gold_are_left_out()
    {
        using var folder = new TempFolder();
        var corpus = folder.Write("corpus.jsonl", Corpus("on Tuesday", "on March 4, 2031", "on March 5, 2031"));
        var gold = folder.Write("gold.json", Gold);
        var timex = folder.Write("timex.json", """
            {"documents": [{"url": "https://example.org/second", "part": "held", "dct": "2031-03-06", "timex": []},
                           {"url": "https://example.org/first", "part": "look", "dct": "2031-03-06", "timex": []}]}
            """);

        var tally = EvalTimexAgreeCommand.Count(corpus, gold, [timex], verbose: false);

        Assert.Equal(1, tally.AlignedPairs);
        Assert.Equal(0, tally.ByClass["weekday"].Disagree);
    }
}
