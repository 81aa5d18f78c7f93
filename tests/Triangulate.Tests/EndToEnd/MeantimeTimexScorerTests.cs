using Triangulate.Cli;
using Triangulate.Extract;
using Triangulate.Extract.Time;
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
    [InlineData("The club paid # 7.99 per ticket", "The club paid £ 7.99 per ticket")]
    [InlineData("GB # 20.1 billion", "GB £ 20.1 billion")]
    [InlineData("Seats cost # 45 each", "Seats cost £ 45 each")]
    [InlineData("Tag it #news or # today", "Tag it #news or # today")]
    public void The_corpus_pound_sign_written_as_a_hash_before_a_number_is_read_as_the_pound(string corpus, string read)
    {
        Assert.Equal(read, MeantimeTimexEval.PoundSigns(corpus));
        Assert.Equal(corpus.Length, MeantimeTimexEval.PoundSigns(corpus).Length);
    }
}
