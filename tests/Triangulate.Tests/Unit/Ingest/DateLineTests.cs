using Triangulate.Ingest;
using Triangulate.Model;

namespace Triangulate.Tests.Unit.Ingest;

public class DateLineTests
{
    [Theory]
    [InlineData("December 23, 2012", 2012, 12, 23)]
    [InlineData("Posted: Thursday, July 29, 2004", 2004, 7, 29)]
    [InlineData("THURSDAY, JUNE 30, 2005", 2005, 6, 30)]
    [InlineData("21 July 2013 Last updated at 11:11 GMT", 2013, 7, 21)]
    [InlineData("Updated: 04/10/2012 Posted: 04/9/2012 8:33 am", 2012, 4, 9)]
    [InlineData("12/16/08 1:30 AM EST", 2008, 12, 16)]
    [InlineData("POSTED: 05/02/07, 9:00 PM PDT |", 2007, 5, 2)]
    [InlineData("First Posted: 10/25/11 06:44 PM ET Updated: 12/25/11 05:12 AM ET", 2011, 10, 25)]
    [InlineData("Stand: 12.03.20, 14:05 Uhr", 2020, 3, 12)]
    [InlineData("11/28/98", 1998, 11, 28)]
    public void A_short_line_that_is_a_date_and_its_cues_gives_its_day(string line, int year, int month, int day)
    {
        var found = DateText.Line(line, monthFirst: true);
        Assert.NotNull(found);
        Assert.Equal(new PartialDate(year, month, day), found.Value.Day);
    }

    [Theory]
    [InlineData("Reid checked herself in on Tuesday, December 9, 2008.")]
    [InlineData("The robbery was committed on March 11, 2005, police said.")]
    [InlineData("Prices rose sharply.")]
    [InlineData("The vote was split 5/4/12 among the three parties.")]
    public void A_sentence_with_a_date_is_not_a_date_line(string line) => Assert.Null(DateText.Line(line, monthFirst: true));

    [Theory]
    [InlineData("Updated at 1:23 p.m.", true)]
    [InlineData("Article mis à jour le 7 janvier 2020.", true)]
    [InlineData("Stand: 12.03.2020, 14:05 Uhr", true)]
    [InlineData("The plan was revised in 2019.", false)]
    [InlineData("Updated figures are expected next week.", false)]
    [InlineData("2 edited versions of the report", false)]
    public void A_line_opening_with_an_update_cue_and_a_number_is_a_revision_stamp(string line, bool expected) =>
        Assert.Equal(expected, DateText.OpensWithUpdate(line));

    [Fact]
    public void The_most_written_day_of_a_source_wins_unless_a_more_recent_one_is_written_at_least_half_as_often()
    {
        const string source = "<a href=\"/2020-01-05-a\">5 January 2020</a> 2020-01-05 <i>2021-03-04</i>";
        Assert.Equal(new PartialDate(2020, 1, 5), DateText.MostWritten(source, monthFirst: false, _ => true));
        Assert.Equal(new PartialDate(2021, 3, 4), DateText.MostWritten(source + " 04.03.2021", monthFirst: false, _ => true));
        Assert.Equal(new PartialDate(2021, 3, 4), DateText.MostWritten(source, monthFirst: false, day => day.Year == 2021));
        Assert.Null(DateText.MostWritten("© 2019, page 12 of 2020", monthFirst: false, _ => true));
    }

    [Fact]
    public void A_date_line_under_the_headline_is_the_stated_date_with_its_span_and_never_the_title()
    {
        var text = "THURSDAY, JUNE 30, 2005\nFire destroys warehouse on the edge of town\n"
            + "A fire destroyed a warehouse on Wednesday night, the fire service said.\n"
            + "The blaze was committed on March 11, 2005 by the same group, investigators believe.\n";
        var d = TextMetadataExtractorTests.Assemble(text);
        Assert.Equal("Fire destroys warehouse on the edge of town", d.Title);
        Assert.NotNull(d.Published);
        Assert.Equal(DateBasis.Stated, d.Published.Basis);
        Assert.Equal(new PartialDate(2005, 6, 30), d.Published.Date);
        var span = Assert.Single(d.Published.Evidence);
        Assert.Equal("JUNE 30, 2005", text[span.Start..span.End]);
        Assert.Null(d.Dateline);
    }

    [Fact]
    public void A_two_digit_year_is_read_in_a_date_line_only()
    {
        // A stamp under the headline dates the article; the same figures in running text are no day at all.
        var stamped = "Club extends offer to free agent\n12/16/08 1:30 AM EST\n"
            + "The club has made an offer to the free agent, his agent said on Tuesday.\n"
            + "The offer is believed to be the richest in the club's history.\n";
        var d = TextMetadataExtractorTests.Assemble(stamped);
        Assert.NotNull(d.Published);
        Assert.Equal(new PartialDate(2008, 12, 16), d.Published.Date);
        var span = Assert.Single(d.Published.Evidence);
        Assert.Equal("12/16/08", stamped[span.Start..span.End]);
        Assert.Null(DateText.Find("the ratio was 12/16/08 in the final count", monthFirst: true));
    }

    [Fact]
    public void A_past_event_dated_in_the_body_does_not_date_the_article()
    {
        var text = "Man sentenced for shop robbery\n"
            + "A man was sentenced to five years in prison on Monday for a robbery.\n"
            + "The robbery was committed on March 11, 2005, the court heard.\n"
            + "He had pleaded guilty to the charge in an earlier hearing.\n";
        Assert.Null(TextMetadataExtractorTests.Assemble(text).Published);
    }
}
