using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// Two reports of two fires in one town share the town's background word for word (its mayor's mourning, the standing
/// concern about old buildings, the police's first word) and state each its own toll, hour and evacuees in sentences
/// the other lacks. What they share is the place, not a text: a copy or a rewrite carries some of its source's
/// figures in the sentences it takes.
/// </summary>
public sealed class SharedBackgroundTests
{
    private const string Background = """
        Police said it was too early to say what started the fire.
        Orla Denvik, the mayor of Carrow Bay, declared a day of mourning.
        Fire safety in older buildings has been a recurring issue in Carrow Bay, local media reported.
        """;

    private static readonly Document Nightclub = Doc("""
        Nightclub blaze on Peel Street
        Firefighters recovered four bodies from a nightclub on Peel Street after a blaze on Tuesday, authorities said, adding that 17 people were hurt.
        About 35 firefighters with 12 engines fought the blaze for 8 hours before bringing it under control.
        """ + "\n" + Background, "https://www.westcoastradio.example/news/carrow-bay-nightclub.html", outlet: "West Coast Radio", published: new DateOnly(2024, 9, 10)) with { Id = "d-1-nightclub" };

    [Fact]
    public void Reports_of_two_fires_in_one_town_that_share_only_its_background_are_not_derived()
    {
        var market = Doc("""
            Tarrant Road market hall burns
            A market hall on Tarrant Road burned down on Saturday, killing 4 and injuring 36.
            The alarm was raised at 1:32 a.m., and 254 residents of neighbouring buildings were evacuated.
            """ + "\n" + Background, "https://www.harbourwire.example/article/carrow-bay-market-fire", outlet: "Harbour Wire", published: new DateOnly(2024, 9, 14)) with { Id = "d-2-market" };
        var context = Run(Nightclub, market);
        Assert.DoesNotContain(Derivations(context), r => r.From == market.Id && r.To == Nightclub.Id);
    }

    [Fact]
    public void A_rewrite_that_keeps_the_reports_figures_and_its_background_is_still_derived()
    {
        var rewrite = Doc("""
            Four killed in Carrow Bay nightclub blaze
            Four bodies were recovered from a nightclub on Peel Street after Tuesday's blaze, and 17 people were hurt, authorities said.
            About 35 firefighters and 12 engines were needed for 8 hours to bring the blaze under control.
            """ + "\n" + Background, "https://www.harbourwire.example/article/carrow-bay-nightclub", outlet: "Harbour Wire", published: new DateOnly(2024, 9, 10)) with { Id = "d-2-rewrite" };
        var context = Run(Nightclub, rewrite);
        Assert.Contains(Derivations(context), r => r.From == rewrite.Id && r.To == Nightclub.Id);
    }
}
