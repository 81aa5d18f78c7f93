using Triangulate.Extract;
using Triangulate.Extract.Time;
using Triangulate.Model;
using Triangulate.Tests.Support;
using Triangulate.Text;

namespace Triangulate.Tests.Unit.Extract;

/// <summary>TimeExtractor patterns beyond the spec: durations, clock times, quarters, fiscal years, decades, PRESENT_REF, parts of day.</summary>
public class TimeExtractorTests
{
    private static IReadOnlyList<TimeExpression> Times(string text, string published)
    {
        var extractor = new DocumentExtractor(new NewsSentenceSplitter(), [new TimeExtractor()]);
        return extractor.Extract(Some.DatedDocument(text, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture))).Times;
    }

    [Theory]
    // Quarters and fiscal years: the latest such quarter begun by publication, or the one the text dates.
    [InlineData("Sales at the carmaker rose 12 percent in the third quarter, it said.", "2011-10-20", "the third quarter", "2011-Q3")]
    [InlineData("Revenue fell during the fourth quarter as demand for laptops slowed.", "2012-02-03", "the fourth quarter", "2011-Q4")]
    [InlineData("The chipmaker lost money in the last quarter, its chief executive admitted.", "2007-01-18", "the last quarter", "2006-Q4")]
    [InlineData("Shipments climbed in Q2 2010 before a sharp fall.", "2011-03-01", "Q2 2010", "2010-Q2")]
    [InlineData("The airline expects a loss in fiscal 2012.", "2011-06-01", "fiscal 2012", "FY2012")]
    // Durations.
    [InlineData("The miners' strike lasted 18 months and ended in defeat.", "2005-01-01", "18 months", "P18M")]
    [InlineData("The bank will cut 3,000 jobs over the next four years.", "2009-05-05", "the next four years", "P4Y")]
    [InlineData("The new bridge is almost two and a half years behind schedule.", "2009-05-05", "almost two and a half years", "P2.5Y")]
    [InlineData("The port signed a fifty-year lease with the operator.", "2009-05-05", "fifty-year", "P50Y")]
    [InlineData("The two towns settled their decades-long border dispute.", "2009-05-05", "decades-long", "PXY")]
    [InlineData("Firefighters fought the blaze for thirty minutes before it spread.", "2009-05-05", "thirty minutes", "PT30M")]
    [InlineData("It was the worst flood in the region in the past decade.", "2009-05-05", "the past decade", "P10Y")]
    [InlineData("The ferry had been idle for a week when the buyer appeared.", "2009-05-05", "a week", "P1W")]
    [InlineData("The committee meets twice a year in the capital.", "2009-05-05", "a year", "P1Y")]
    [InlineData("The town holds an annual fair on the green.", "2009-05-05", "annual", "P1Y")]
    [InlineData("Trains to the coast run every day in summer.", "2009-05-05", "every day", "P1D")]
    // A numeric date both of whose orders are dates: the order nearer publication (British "11/09" in September, American in November).
    [InlineData("The club confirmed the signing on 11/09/2012, a day before the deadline.", "2012-09-12", "11/09/2012", "2012-09-11")]
    [InlineData("The club confirmed the signing on 11/09/2012, a day before the deadline.", "2012-11-10", "11/09/2012", "2012-11-09")]
    [InlineData("Filed 3/4/2015 14:02, the notice named two new directors.", "2015-04-03", "3/4/2015", "2015-04-03")]
    [InlineData("The council posted its notice on 25/12/2014 after the vote.", "2015-06-01", "25/12/2014", "2014-12-25")]
    // Clock times, on the day the sentence names before them.
    [InlineData("The rocket lifted off on Tuesday at 18:00 UTC from the coast.", "2009-12-16", "18:00 UTC", "2009-12-15T18:00Z")]
    [InlineData("The ship docked at 6:40 p.m. after a stormy crossing.", "2007-10-17", "6:40 p.m.", "2007-10-17T18:40")]
    // Present, parts of day, the week's weekend.
    [InlineData("The refinery is currently closed for repairs.", "2006-05-17", "currently", "PRESENT_REF")]
    [InlineData("The council voted this morning to close the library.", "2008-01-09", "this morning", "2008-01-09TMO")]
    [InlineData("Police made the arrest on Friday morning outside the station.", "2010-07-17", "Friday morning", "2010-07-16TMO")]
    [InlineData("The festival returns to the old harbour this weekend.", "2010-01-25", "this weekend", "2010-W04-WE")]
    [InlineData("Prices should settle by the end of the year, traders said.", "2010-01-25", "the end of the year", "2010")]
    // Years that only their context shows to be years, decades.
    [InlineData("The club broke the 1991 agreement with its rival.", "2006-03-28", "1991", "1991")]
    [InlineData("He took leave in early 2009 and returned in the summer.", "2011-01-17", "early 2009", "2009")]
    [InlineData("The software will be released in mid-2011, the firm said.", "2010-10-23", "mid-2011", "2011")]
    [InlineData("Unemployment in the city peaked in the 1990s.", "2010-10-23", "1990s", "199")]
    // Issue 15, third round: possessives, halves and seasons of a year, decades and centuries, days counted from the
    // day named before, noon and midnight, a passive to come ("to be held").
    [InlineData("Shares of the carmaker slid after Tuesday's open.", "2010-06-03", "Tuesday", "2010-06-01")]
    [InlineData("The mill closed and this year's harvest rots in the fields.", "2010-06-03", "this year", "2010")]
    [InlineData("Orders picked up in the second half of 2009.", "2010-06-03", "the second half of 2009", "2009-H2")]
    [InlineData("Output fell in the first half of the year.", "2012-08-10", "the first half of the year", "2012-H1")]
    [InlineData("The ferry service began in the summer of 1998.", "2010-06-03", "the summer of 1998", "1998-SU")]
    [InlineData("The chain opened its first store in the late 1970s.", "2010-06-03", "late 1970s", "197")]
    // Session 34: decades written with two digits, clipped ("'50s") or after "the".
    [InlineData("The diner kept its '50s jukebox and chrome stools.", "2010-06-03", "50s", "195")]
    [InlineData("The band toured the coast in the late 90s before it split.", "2010-06-03", "late 90s", "199")]
    [InlineData("Ferries on the lake were built in the 30s and sold off later.", "2010-06-03", "30s", "193")]
    [InlineData("Steam engines powered the mills in the 19th century.", "2010-06-03", "the 19th century", "18")]
    [InlineData("The ferry sank on 3 May 2004 and divers reached it the next day.", "2010-06-03", "the next day", "2004-05-04")]
    [InlineData("The strike ended; the day before, the union had rejected the offer.", "2010-06-03", "the day before", "2010-06-02")]
    [InlineData("Polls in the capital close at noon.", "2010-06-01", "noon", "2010-06-01T12:00")]
    [InlineData("The council announced a referendum to be held on March 2.", "2011-02-20", "March 2", "2011-03-02")]
    [InlineData("He met the minister in May. Talks followed.", "2011-06-20", "May", "2011-05")]
    [InlineData("The dam was finished in 1961 and flooded the valley the following year.", "2010-06-03", "the following year", "1962")]
    [InlineData("The museum reopened in June of 2006 after repairs.", "2010-06-03", "June of 2006", "2006-06")]
    [InlineData("A year-long dispute over fares ended in court.", "2010-06-03", "year-long", "P1Y")]
    [InlineData("The index slipped earlier in the week on weak orders.", "2010-06-03", "earlier in the week", "2010-W22")]
    [InlineData("Traffic will grow 5% over the following year.", "2010-06-03", "the following year", "P1Y")]
    [InlineData("Ticket sales fell in the spring, the operator said.", "2008-05-14", "the spring", "2008-SP")]
    [InlineData("The ferry line will add a second boat in the autumn.", "2008-05-14", "the autumn", "2008-FA")]
    [InlineData("Water levels dropped during the summer.", "2008-05-14", "the summer", "2007-SU")]
    [InlineData("The mill opened on 3 March 2005; two years later it closed.", "2010-06-03", "two years later", "2007")]
    [InlineData("Exports rose 5% from a year earlier.", "2010-06-03", "a year earlier", "2009")]
    [InlineData("The ship reached port on May 2, three days later than planned.", "2010-06-03", "three days", "P3D")]
    [InlineData("Fire crews worked last night to save the mill.", "2010-06-03", "last night", "2010-06-02TNI")]
    // Issue 15, fourth round: "until" after a deferral looks ahead, a closing attribution does not set the tense, a past
    // verb before "until" looks back, a clock time takes the day right after it, decades ago, a weekday that recurs.
    [InlineData("The offer stands until Monday, the buyer said.", "2010-06-03", "Monday", "2010-06-07")]
    [InlineData("The vote was postponed until Thursday.", "2010-06-01", "Thursday", "2010-06-03")]
    [InlineData("The launch was put off until Friday.", "2010-06-01", "Friday", "2010-06-04")]
    [InlineData("The strike lasted until Friday.", "2010-06-08", "Friday", "2010-06-04")]
    [InlineData("At 10:30 a.m. on Tuesday, the mayor resigned.", "2010-06-03", "10:30 a.m.", "2010-06-01T10:30")]
    [InlineData("The tower opened two decades ago.", "2006-06-03", "two decades", "P20Y")]
    [InlineData("The museum is open every Sunday.", "2010-06-03", "every Sunday", "XXXX-WXX-7")]
    [InlineData("The mayor spoke this past weekend.", "2010-06-09", "this past weekend", "2010-W22-WE")]
    [InlineData("Sales rose 4% in the 12 months to March.", "2010-06-09", "March", "2010-03")]
    [InlineData("The storm hit on the morning of June 3.", "2010-06-09", "the morning of June 3", "2010-06-03TMO")]
    [InlineData("The blast came on the night of 12 May 2009.", "2010-06-09", "the night of 12 May 2009", "2009-05-12TNI")]
    [InlineData("The firm opened in 2001 and closed that year.", "2008-03-09", "that year", "2001")]
    [InlineData("The store opens at 10am.", "2008-03-09", "10am", "2008-03-09T10:00")]
    [InlineData("The store opens at 10 a.m.", "2008-03-09", "10 a.m.", "2008-03-09T10:00")]
    [InlineData("Airlines ordered 900 jets last year, up from 700 the year before.", "2008-03-09", "the year before", "2006")]
    [InlineData("The plant opened in March 2004 and a second line the same month.", "2008-03-09", "the same month", "2004-03")]
    [InlineData("The bakery posted its accounts for 2006 on Monday.", "2008-03-09", "2006", "2006")]
    [InlineData("The outlook for 2009 is bleak, the guild says.", "2008-03-09", "2009", "2009")]
    [InlineData("Turnover for 2005 fell by a tenth.", "2008-03-09", "2005", "2005")]
    [InlineData("The filing is dated 2006-01-10 in the court record.", "2008-03-09", "2006-01-10", "2006-01-10")]
    [InlineData("The ferry is not running at the moment, the port says.", "2008-03-09", "at the moment", "PRESENT_REF")]
    // Issue 15, sixth round. "until/by/before/through" + a month or day: ahead of publication unless the tense is past
    // (a participle there is an adjective or passive, not a past).
    [InlineData("The crews are now focused on keeping the ferry running until January, when the new boat arrives.", "2030-11-20", "January", "2031-01")]
    [InlineData("The bridge stays closed until March.", "2030-11-20", "March", "2031-03")]
    [InlineData("Farmers are holding back grain until the end of January.", "2030-06-20", "the end of January", "2031-01")]
    [InlineData("The agency must publish its report before April.", "2030-08-20", "April", "2031-04")]
    [InlineData("The bridge was closed until March.", "2030-11-20", "March", "2030-03")]
    [InlineData("Sales had doubled by February, the guild said.", "2030-11-20", "February", "2030-02")]
    [InlineData("The bridge stayed closed until March.", "2030-11-20", "March", "2030-03")]
    [InlineData("The fair ran through March 15.", "2030-08-20", "March 15", "2030-03-15")]
    [InlineData("The bakery must reopen by Friday.", "2030-08-20", "Friday", "2030-08-23")]
    // A scheduled present ("goes on sale", "opens") looks ahead.
    [InlineData("The new kettle goes on sale on Friday.", "2030-08-20", "Friday", "2030-08-23")]
    // A weekday with the date it names is one expression, valued as the date.
    [InlineData("The mayor said on Wednesday, January 9, that rents had risen.", "2030-06-10", "Wednesday, January 9", "2030-01-09")]
    [InlineData("The fair opens on Tuesday 17 June.", "2030-06-10", "Tuesday 17 June", "2030-06-17")]
    // A year after a possessive, before a noun.
    [InlineData("The bakery's 2029 turnover rose by a fifth.", "2030-06-10", "2029", "2029")]
    [InlineData("The guild 's 2028 report was late.", "2030-06-10", "2028", "2028")]
    // Some units without a count.
    [InlineData("The ferry line will add boats in the coming months.", "2030-06-10", "the coming months", "PXM")]
    [InlineData("Prices have risen over the past weeks.", "2030-06-10", "the past weeks", "PXW")]
    [InlineData("The parts will arrive within weeks.", "2030-06-10", "weeks", "PXW")]
    [InlineData("The tunnel opened after decades of planning.", "2030-06-10", "decades", "PXY")]
    [InlineData("The river is at its lowest in years.", "2030-06-10", "years", "PXY")]
    [InlineData("It took months to repair the pier.", "2030-06-10", "months", "PXM")]
    // A day a few days after publication in a past sentence is that day, not a year back (a creation date a day off).
    [InlineData("The update was released on 11 June, a day after the fair.", "2030-06-10", "11 June", "2030-06-11")]
    // A clock time in local time takes the day written after it.
    [InlineData("The shop opened at 6 p.m. local time on Friday.", "2030-06-10", "6 p.m. local time", "2030-06-07T18:00")]
    // One more unit, a half, the wire services' clock.
    [InlineData("The repairs will take another year.", "2030-06-10", "another year", "P1Y")]
    [InlineData("The ferry waited a further month for parts.", "2030-06-10", "a further month", "P1M")]
    [InlineData("The hearing lasted half an hour.", "2030-06-10", "half an hour", "PT30M")]
    // Issue 15, seventh round. A count of further units, a count of quarters.
    [InlineData("The strike could last two more weeks.", "2030-06-10", "two more weeks", "P2W")]
    [InlineData("The lease was extended by three additional years.", "2030-06-10", "three additional years", "P3Y")]
    [InlineData("The bakery has grown over the past 12 quarters.", "2030-06-10", "the past 12 quarters", "P12Q")]
    [InlineData("The ferry line lost money for three consecutive quarters.", "2030-06-10", "three consecutive quarters", "P3Q")]
    // A season to come that has already begun is this one.
    [InlineData("The fair will move to a new hall in the autumn.", "2030-10-05", "the autumn", "2030-FA")]
    // "set for", "set to" schedule, whatever the tense; a weekday ahead may be publication's own day.
    [InlineData("The launch was set for Friday evening.", "2030-06-10", "Friday evening", "2030-06-14TEV")]
    [InlineData("The ferry was set to dock in the harbour on Monday.", "2030-06-10", "Monday", "2030-06-10")]
    [InlineData("The council will vote on Monday.", "2030-06-10", "Monday", "2030-06-10")]
    // Session 31: a finite present of "be" or "have" points a bare weekday ahead (2030-06-12 is a Wednesday); "is
    // now", "has" before a participle, "have" after an auxiliary, and units other than weekdays keep their reading.
    [InlineData("The ferry is the only link to the island for Saturday's fair.", "2030-06-12", "Saturday", "2030-06-15")]
    [InlineData("The guild has two boats for Saturday's regatta.", "2030-06-12", "Saturday", "2030-06-15")]
    [InlineData("The mayor is now the favourite after Saturday's debate.", "2030-06-12", "Saturday", "2030-06-08")]
    [InlineData("The guild has repaired the boats damaged on Saturday.", "2030-06-12", "Saturday", "2030-06-08")]
    [InlineData("The baker did not have a stall on Saturday.", "2030-06-12", "Saturday", "2030-06-08")]
    [InlineData("Profit in the third quarter is up 5 percent.", "2030-11-05", "the third quarter", "2030-Q3")]
    // "was to", "is to" before a verb: an arrangement to come.
    [InlineData("The ferry was to dock on Wednesday.", "2030-06-10", "Wednesday", "2030-06-12")]
    [InlineData("The bakery is to close in June.", "2030-08-10", "June", "2031-06")]
    // "May" and "March" alone after more prepositions.
    [InlineData("The ferry will be repainted during May.", "2030-02-10", "May", "2030-05")]
    // The date's own clause sets its tense before a clause joined after it; irregular pasts ("flew") are pasts.
    [InlineData("The bakery reported a loss in February and expects a profit in April.", "2030-03-05", "February", "2030-02")]
    [InlineData("The airship first flew in April.", "2030-12-20", "April", "2030-04")]
    [InlineData("The kettle will ship in February or March.", "2030-12-20", "March", "2031-03")]
    [InlineData("The tower opened a year and a half late.", "2030-06-10", "a year and a half", "P1.5Y")]
    // Session 32: GMT is a civil zone's name, its clock kept local like "BST" or "ET"; UTC is ISO 8601's "Z".
    [InlineData("The ferry docked at 0830 GMT.", "2030-06-10", "0830 GMT", "2030-06-10T08:30")]
    [InlineData("The ferry docked at 0830 UTC.", "2030-06-10", "0830 UTC", "2030-06-10T08:30Z")]
    [InlineData("The polls closed at 22:00 GMT on a wet evening.", "2030-06-10", "22:00 GMT", "2030-06-10T22:00")]
    // Session 32: plural units with no count pointing forward are the future; "the past" after any preposition the past.
    [InlineData("The port expects more traffic in the months and years ahead.", "2030-06-10", "the months and years ahead", "FUTURE_REF")]
    [InlineData("The mayor warned of hard choices in the days to come.", "2030-06-10", "the days to come", "FUTURE_REF")]
    [InlineData("The old tram depot is a relic of the past, the council said.", "2030-06-10", "the past", "PAST_REF")]
    [InlineData("Planners drew lessons from the past and moved on.", "2030-06-10", "the past", "PAST_REF")]
    [InlineData("The probe sent its first signal at 9:15 p.m. UTC.", "2030-06-10", "9:15 p.m. UTC", "2030-06-10T21:15Z")]
    [InlineData("The mayor gave an hour-long speech.", "2030-06-10", "hour-long", "PT1H")]
    // A bare day after the first end of an interval is a day of that end's month.
    [InlineData("The fair runs from January 15 to 18.", "2030-01-10", "January 15 to 18", "2030-01-15/2030-01-18")]
    // Issue 15, eighth round: a part of the month written onto it; seconds as a clock unit (TIMEX3 "S").
    [InlineData("The bridge will reopen in mid-March.", "2030-01-10", "mid-March", "2030-03")]
    [InlineData("The ferry was refitted in early-June.", "2030-09-10", "early-June", "2030-06")]
    [InlineData("The toll rose in late-December 2029.", "2030-06-10", "late-December 2029", "2029-12")]
    [InlineData("The alarm sounded for 90 seconds.", "2030-06-10", "90 seconds", "PT90S")]
    [InlineData("The crowd fell silent for thirty seconds.", "2030-06-10", "thirty seconds", "PT30S")]
    // Issue 15, ninth round (session 21): two units as one duration; a clock time takes the day written after it also
    // with a part of that day; "these days" is the present; "a year ago" after a count stays a date; "the current
    // year", "the end of the decade"; "for days", "for hours".
    [InlineData("The crossing took two hours and 30 minutes.", "2030-06-10", "two hours and 30 minutes", "PT2H30M")]
    [InlineData("The test flight lasted 3 hours 54 minutes.", "2030-06-10", "3 hours 54 minutes", "PT3H54M")]
    [InlineData("The lease runs for two years and six months.", "2030-06-10", "two years and six months", "P2Y6M")]
    [InlineData("The ferry landed at 2:30 p.m. on Tuesday afternoon.", "2030-06-13", "2:30 p.m.", "2030-06-11T14:30")]
    [InlineData("These days the ferry runs only in summer.", "2030-06-10", "These days", "PRESENT_REF")]
    [InlineData("The guild had 80 members a year ago.", "2030-06-10", "a year", "P1Y")]
    [InlineData("The bakery expects a loss for the current year.", "2030-06-10", "the current year", "2030")]
    [InlineData("The tunnel should open by the end of the decade.", "2032-06-10", "the end of the decade", "203")]
    [InlineData("The ferry sat in the harbour for days.", "2030-06-10", "days", "PXD")]
    [InlineData("Crews searched the hillside for hours.", "2030-06-10", "hours", "PTXH")]
    // Issue 15, session 22: a month with the year named after it relative to publication; a year opening its sentence
    // before a singular verb; a part of the day the text last named ("the next morning", "that night"); "next March";
    // a clock time with its zone before the day written after it.
    [InlineData("The ferry line opened a second route in April last year.", "2030-06-10", "April last year", "2029-04")]
    [InlineData("The bridge reopens in June next year, the council said.", "2030-06-10", "June next year", "2031-06")]
    [InlineData("Fares rose in March this year.", "2030-06-10", "March this year", "2030-03")]
    [InlineData("2028 was a hard year for the ferry line.", "2030-06-10", "2028", "2028")]
    [InlineData("2029 saw record crossings on the lake.", "2030-06-10", "2029", "2029")]
    [InlineData("The ferry sank on 3 May 2004 and divers reached it the next morning.", "2010-06-03", "the next morning", "2004-05-04TMO")]
    [InlineData("The storm hit the coast on 3 May 2004. That night the pier collapsed.", "2010-06-03", "That night", "2004-05-03TNI")]
    [InlineData("The ferry left on Tuesday evening. It docked at 6 a.m. the following morning.", "2030-06-13", "6 a.m.", "2030-06-12T06:00")]
    [InlineData("The ferry line opens its new route next March.", "2030-06-10", "next March", "2031-03")]
    [InlineData("The minister spoke at 10 a.m. PT on Tuesday.", "2030-06-13", "10 a.m. PT", "2030-06-11T10:00")]
    [InlineData("A weeklong strike closed the port.", "2030-06-10", "weeklong", "P1W")]
    [InlineData("The yearlong refit of the ferry ended.", "2030-06-10", "yearlong", "P1Y")]
    [InlineData("The crossing lasted a fortnight.", "2030-06-10", "a fortnight", "P2W")]
    [InlineData("Repairs will take a month, the yard said.", "2030-06-10", "a month", "P1M")]
    // Issue 15, session 26 (rules from a second real-news set, ECB+): the British dotted clock with a zone or am/pm; a
    // clock time written straight before a weekday; "ago" marks a duration.
    [InlineData("The last ferry docked at 10.30pm.", "2030-06-10", "10.30pm", "2030-06-10T22:30")]
    [InlineData("Page updated 22.34 BST", "2030-06-10", "22.34 BST", "2030-06-10T22:34")]
    [InlineData("The intruder walked in around 10 a.m. Monday, police said.", "2030-06-12", "10 a.m. Monday", "2030-06-10T10:00")]
    [InlineData("The bakery opened two years ago.", "2030-06-10", "two years", "P2Y")]
    [InlineData("A deal on the ferry could come soon, the council says.", "2030-06-10", "soon", "FUTURE_REF")]
    [InlineData("The ferry line's revenue fell 3% in the fourth quarter, its loss a record.", "2030-06-10", "the fourth quarter", "2029-Q4")]
    [InlineData("The inquiry was told that the crew left as recently as a week ago.", "2030-06-10", "a week", "P1W")]
    // Session 27: a weekday of each month is one SET.
    [InlineData("The council meets on the first Monday of every month in the old hall.", "2030-06-10", "the first Monday of every month", "P1M")]
    [InlineData("The market opens on the last Friday of each month.", "2030-06-10", "the last Friday of each month", "P1M")]
    // Session 28: a clock time takes the day the text last named; model years; game clocks.
    [InlineData("Rescuers found the boat on Thursday off the coast. The call came at 9.25 am from a fishing crew.", "2030-06-15", "9.25 am", "2030-06-13T09:25")]
    [InlineData("Police stopped a 2007 silver sedan on the highway.", "2030-06-12", "2007", "2007")]
    [InlineData("Witnesses saw a grey 2013 Toyota leave the scene.", "2030-06-12", "2013", "2013")]
    [InlineData("The strike ended with two weeks to go before the vote.", "2030-06-12", "two weeks to go before the vote", "P2W")]
    // Session 35: a part of day after "clock weekday" stays in the one TIME; a half of the business year and the full year without a year written.
    [InlineData("The alarm rang at 6 a.m. Tuesday morning in the depot.", "2030-06-13", "6 a.m. Tuesday morning", "2030-06-11T06:00")]
    [InlineData("Sales should recover in the second half, the chief executive said.", "2030-09-03", "the second half", "2030-H2")]
    [InlineData("Orders will pick up in the second half, the brewer said.", "2030-03-03", "the second half", "2030-H2")]
    [InlineData("Sales fell in the second half, the retailer said.", "2031-02-03", "the second half", "2030-H2")]
    [InlineData("Margins widened in the first half, the miner said.", "2030-08-01", "the first half", "2030-H1")]
    [InlineData("For the full year, the brewer raised its forecast.", "2030-08-01", "the full year", "2030")]
    // Session 36: a business year named as a noun phrase, relative to publication or with its year written.
    [InlineData("The chipmaker expects orders to slow in the current fiscal year.", "2030-05-24", "the current fiscal year", "FY2030")]
    [InlineData("The grocer will open forty stores next fiscal year, it said.", "2030-03-02", "next fiscal year", "FY2031")]
    [InlineData("The brewer's exports fell in the previous financial year.", "2030-07-01", "the previous financial year", "FY2029")]
    [InlineData("Profit for the 2029 fiscal year came in below forecasts.", "2030-07-01", "the 2029 fiscal year", "FY2029")]
    [InlineData("Profit for the fiscal year ending in September will rise, the toymaker said.", "2030-07-01", "the fiscal year", "FY2030")]
    [InlineData("The ferry operator said its fiscal year would close with a loss.", "2030-07-01", "fiscal year", "FY2030")]
    public void Finds_the_expression_with_its_TIMEX3_value(string text, string published, string excerpt, string value)
    {
        var times = Times(text, published);
        var found = times.FirstOrDefault(t => t.Span.Excerpt == excerpt);
        Assert.True(found is not null, $"\"{excerpt}\" not found; found: {string.Join(", ", times.Select(t => $"\"{t.Span.Excerpt}\" {t.Value}"))}");
        Assert.Equal(value, found.Value);
    }

    [Theory]
    [InlineData("Now, the question is who pays for the repairs.")]
    [InlineData("The club threw a day to celebrate the new stadium.")]
    [InlineData("The 2,000 volunteers cleared the beach.")]
    [InlineData("The hall has seats for 2000 guests.")]
    [InlineData("The driver braked at the moment of impact.")]
    [InlineData("The first delegates arrived with a second letter.")]
    [InlineData("The Daily Courier printed the letter in full.")]
    [InlineData("Stocks fell the day before the vote.")]
    [InlineData("Heavy rains fall on the hills in the wet season.")]
    [InlineData("The fall of the old bridge closed the road.")]
    [InlineData("The river rose in places.")]
    [InlineData("Three quarters of the staff voted for the plan.")]
    [InlineData("The yard builds mid-size ferries and late-model buses.")]
    [InlineData("The runner finished a second ahead of the field.")]
    [InlineData("Talks filled these days of the summit.")]
    [InlineData("1500 were evacuated from the island.")]
    [InlineData("The bakery sells 400 loaves a day to the cafes of the old town.")]
    [InlineData("Rumours soon surfaced that the mayor had left the town.")]
    [InlineData("The march soon turned into a riot near the square.")]
    [InlineData("She was praised on World News Tonight in a segment about rescue crews.")]
    // Session 30: a short weekday is read only before a date.
    [InlineData("The Sun printed the letter and Sat down with the mayor.")]
    [InlineData("The nurse later spoke to CBS This Morning about the flooding in the valley.")]
    [InlineData("The visitors scored a touchdown late in the fourth quarter.")]
    [InlineData("The home side led 20-13 at the end of the third quarter.")]
    [InlineData("The index closed at 22.34 points.")]
    [InlineData("The patrol chased the van at 90 miles an hour along the coast road.")]
    [InlineData("The club threw a party and the guests spent the evening outside.")]
    [InlineData("The home side led 54-46 with 7:54 to play.")]
    [InlineData("The visitors trailed by six with 11 minutes remaining.")]
    // Session 32: "ahead of" ties the weeks to an event; "the past" before a noun is no reference of its own.
    [InlineData("The weeks ahead of the vote were tense in the capital.")]
    [InlineData("The guide spoke of the past glories of the harbour.")]
    // Session 34: two bare digits with an "s" after a possessive are an age, not a decade.
    [InlineData("The retired captain, in his late 50s, still sails the lake.")]
    [InlineData("Most of the volunteers were in their 20s.")]
    // Session 35: "N-year old" with one hyphen is an age as "N-year-old" is; a half of a game has no calendar value.
    [InlineData("The 23-year old was charged with theft at the market.")]
    [InlineData("The two-year old colt won the race by a length.")]
    [InlineData("The visitors scored twice in the second half.")]
    [InlineData("The forward led all scoring in the first half.")]
    [InlineData("The home side dominated the first half in the rain.")]
    // Session 36: a fiscal year without a determiner that names one is no date.
    [InlineData("A fiscal year is the unit of the council's accounts.")]
    public void Finds_no_time_where_there_is_none(string text)
    {
        var times = Times(text, "2010-06-01");
        Assert.True(times.Count == 0, string.Join(", ", times.Select(t => $"\"{t.Span.Excerpt}\" {t.Value}")));
    }

    [Fact]
    public void Ago_marks_the_duration_as_TimeML_does_and_keeps_the_point_it_reaches_back_to_for_the_app()
    {
        var time = Times("The pier was rebuilt about three weeks ago, the harbour master said.", "2030-06-24").Single();
        Assert.Equal("about three weeks", time.Span.Excerpt);
        Assert.Equal("P3W", time.Value);
        Assert.Equal(new PartialDate(2030, 6, 3), time.Start);
        Assert.Equal(TimeAnchor.Publication, time.Anchor);
        // Resolved again with another publication day: the point moves, the value stays the duration.
        var again = TimeResolver.Resolve(time, new DateOnly(2031, 1, 22));
        Assert.Equal(new PartialDate(2031, 1, 1), again.Start);
        Assert.Equal("P3W", again.Value);
    }

    [Fact]
    public void A_deictic_word_keeps_its_time_at_the_start_of_a_sentence_and_in_lower_case()
    {
        Assert.Equal("2030-06-10TNI", Times("Tonight the ferry sails again from the northern harbour.", "2030-06-10").Single().Value);
        Assert.Equal("2030-06-10TNI", Times("The Mayor said the ferry sails tonight from the northern harbour.", "2030-06-10").Single().Value);
        Assert.Equal("2030-06-10T24:00", Times("The talks ended at midnight after long rounds.", "2030-06-10").Single().Value);
    }

    [Fact]
    public void A_year_counted_from_a_point_ago_counts_from_that_point()
    {
        var times = Times("The guild was founded two years ago; a year later it opened a hall.", "2030-06-24");
        Assert.Equal("2029", times.Single(t => t.Span.Excerpt == "a year later").Value);
    }

    [Fact]
    public void A_fiscal_year_named_from_publication_keeps_a_rule_that_resolves_again()
    {
        var time = Times("The miner cut its forecast for the current fiscal year.", "2030-05-24").Single(t => t.Span.Excerpt == "the current fiscal year");
        Assert.Equal("fiscal-year:0", time.Rule);
        Assert.Equal("FY2031", TimeResolver.Resolve(time, new DateOnly(2031, 1, 15)).Value);
    }

    [Fact]
    public void A_clock_time_keeps_a_rule_that_resolves_again_with_another_publication_date()
    {
        var time = Times("The vote closed yesterday at 9 a.m. sharp.", "2010-06-01").Single(t => t.Span.Excerpt == "9 a.m.");
        Assert.Equal("day:-1@0900", time.Rule);
        Assert.Equal("2011-02-27T09:00", TimeResolver.Resolve(time, new DateOnly(2011, 2, 28)).Value);
    }
}
