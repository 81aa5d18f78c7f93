using Triangulate.Cli;
using Triangulate.Extract;
using Triangulate.Extract.Time;
using Triangulate.Model;
using Triangulate.Tests.Support;
using Triangulate.Text;

namespace Triangulate.Tests.EndToEnd;

/// <summary>The MEANTIME TIMEX3 scorer's matching rules: one to one, and intervals scored as their two ends.</summary>
public class MeantimeTimexScorerTests
{
    [Fact]
    public void One_found_expression_spanning_two_gold_ones_pairs_with_one_only()
    {
        var pairs = MeantimeTimexEval.Pair([(0, 5), (10, 15)], [(0, 15)]);
        Assert.Single(pairs);
        Assert.Equal(0, pairs[0]);
    }

    [Fact]
    public void The_same_characters_pair_first_and_a_second_overlap_on_the_same_gold_stays_unpaired()
    {
        var pairs = MeantimeTimexEval.Pair([(4, 12)], [(4, 8), (4, 12)]);
        Assert.Single(pairs);
        Assert.Equal(1, pairs[0]);
    }

    [Fact]
    public void An_interval_is_scored_as_its_two_ends_each_with_its_own_value()
    {
        const string Text = "Ticket sales at the pier fell between April and June.";
        var extractor = new DocumentExtractor(new NewsSentenceSplitter(), [new TimeExtractor()]);
        var times = extractor.Extract(Some.DatedDocument(Text, new DateOnly(2010, 8, 1))).Times;
        var found = new List<MeantimeTimexEval.Found>();
        foreach (var t in times) MeantimeTimexEval.AddAsTimex3(Text, t, found);
        Assert.Equal(["April 2010-04", "June 2010-06"], found.Select(f => Text[f.Start..f.End] + " " + f.Value));
    }

    [Theory]
    [InlineData("The ferry sailed two days before the harbour reopened.", "two days P2D")]
    [InlineData("The line closed three years after it was first due to open.", "three years P3Y")]
    [InlineData("The crew left a week ahead of the storm.", "a week P1W")]
    public void An_offset_from_an_event_is_scored_as_its_measure_alone(string text, string expected)
    {
        var extractor = new DocumentExtractor(new NewsSentenceSplitter(), [new TimeExtractor()]);
        var times = extractor.Extract(Some.DatedDocument(text, new DateOnly(2010, 8, 1))).Times;
        // The app keeps the event with the offset; TimeML marks the measure, the signal and the event apart.
        Assert.Contains(times, t => t.Anchor == TimeAnchor.Event && t.AnchorEvent is { Length: > 0 } && t.Span.End - t.Span.Start > expected.Length);
        var found = new List<MeantimeTimexEval.Found>();
        foreach (var t in times) MeantimeTimexEval.AddAsTimex3(text, t, found);
        Assert.Equal([expected], found.Select(f => text[f.Start..f.End] + " " + f.Value));
    }

    [Theory]
    [InlineData("The club paid # 7.99 per ticket", "The club paid £ 7.99 per ticket")]
    [InlineData("GB # 20.1 billion", "GB £ 20.1 billion")]
    [InlineData("Seats cost # 45 each", "Seats cost £ 45 each")]
    [InlineData("Tag it #news or # today", "Tag it #news or # today")]
    public void The_corpus_pound_sign_written_as_a_hash_before_a_number_is_read_as_the_pound(string corpus, string read)
    {
        Assert.Equal(read, MeantimeTimexEval.PoundSigns(corpus));
        Assert.Equal(corpus.Length, MeantimeTimexEval.PoundSigns(corpus).Length);
    }

    [Fact]
    public void The_date_line_is_the_creation_time_when_no_timex_carries_the_flag()
    {
        // An invented CAT XML article: title (sentence 0), date line (sentence 1) whose TIMEX3 says NONE, one body sentence.
        const string Xml = """
            <Document doc_id="1" doc_name="x">
            <token sentence="0" t_id="1">Ferry</token><token sentence="0" t_id="2">sinks</token>
            <token sentence="1" t_id="3">May</token><token sentence="1" t_id="4">03</token><token sentence="1" t_id="5">,</token><token sentence="1" t_id="6">2030</token>
            <token sentence="2" t_id="7">It</token><token sentence="2" t_id="8">sank</token><token sentence="2" t_id="9">today</token><token sentence="2" t_id="10">.</token>
            <Markables>
            <TIMEX3 m_id="20" functionInDocument="NONE" type="DATE" value="2030-05-03"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
            <TIMEX3 m_id="21" anchorTimeID="20" functionInDocument="NONE" type="DATE" value="2030-05-03"><token_anchor t_id="9"/></TIMEX3>
            </Markables>
            </Document>
            """;
        var folder = Directory.CreateTempSubdirectory("meantime-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "x.xml"), Xml);
            var article = Assert.Single(MeantimeTimexEval.Read(folder.FullName));
            Assert.Equal(new DateOnly(2030, 5, 3), article.Created);
            Assert.True(article.Gold[0].Creation);
            Assert.False(article.Gold[1].Creation);
            var found = MeantimeTimexEval.Ours([article], out _)[article.File];
            Assert.Contains(found, f => article.Text[f.Start..f.End] == "today" && f.Value == "2030-05-03");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
