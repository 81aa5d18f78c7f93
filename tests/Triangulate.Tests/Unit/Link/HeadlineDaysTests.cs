using Triangulate.Link;
using Triangulate.Link.Provenance;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// An undated page with no day in its address is later than the articles whose headlines it names ("Read more: …",
/// "Latest news" lists): the lower bound orders it after a page it copied when that page is of an earlier day.
/// </summary>
public sealed class HeadlineDaysTests
{
    // A line the copy adds (a scraper's own, with a name in it): without a date, the longer page reads as the source.
    private const string Added = "\nReaders in Kellby can follow the live page of Quick News Feed for further updates.\n";

    private static readonly string MineHeadline = Texts.MineOriginal.Split('\n')[0].Trim();

    [Fact]
    public void An_undated_copy_naming_a_headline_first_out_after_its_source_s_day_is_the_derived_page()
    {
        var (source, copy) = Copied();
        var relation = Assert.Single(Derivations(Run(source, Mine(new DateOnly(2024, 5, 3)), copy)), r => r.To == source.Id || r.From == source.Id);
        Assert.Equal((copy.Id, source.Id), (relation.From, relation.To));
    }

    [Fact]
    public void A_named_headline_of_the_source_s_own_day_orders_nothing()
    {
        // The bound is the source's day: the page may be as old as its source, and the longer page still reads as the source.
        var (source, copy) = Copied();
        var relation = Assert.Single(Derivations(Run(source, Mine(new DateOnly(2024, 5, 1)), copy)), r => r.To == source.Id || r.From == source.Id);
        Assert.Equal((source.Id, copy.Id), (relation.From, relation.To));
    }

    [Fact]
    public void The_bound_is_the_latest_first_day_of_the_headlines_named_each_at_its_earliest_page()
    {
        var days = new HeadlineDays(LinkState.Fresh());
        days.Add("Council approves the budget for next year", Day(2024, 5, 4));
        days.Add("Council approves the budget for next year", Day(2024, 5, 2));
        days.Add("Harbour strike ends after nine days of talks", Day(2024, 5, 3));
        days.Add("Floods in Marvale leave 214 families homeless", Day(2024, 5, 9));
        const string Page = "Floods in Marvale leave 214 families homeless\nRain fell all night.\nREAD MORE: Council approves the budget for next year\n"
            + "Latest news\nHarbour strike ends after nine days of talks\n";
        // Its own headline (of a later page elsewhere) is no article it names; of the two it names, the later counts.
        Assert.Equal(new DateOnly(2024, 5, 3), days.NamedAfter(Page, "Floods in Marvale leave 214 families homeless"));
        Assert.Null(days.NamedAfter("Latest news\nMost read\nRain fell all night.\n", "Floods in Marvale leave 214 families homeless"));
    }

    [Fact]
    public void A_page_known_only_after_a_day_is_never_before_anything()
    {
        var bound = DateRangeDays.From(new DateOnly(2024, 5, 3));
        Assert.True(bound.OpenEnded);
        Assert.False(Day(2024, 5, 1).OpenEnded);
    }

    private static DateRangeDays Day(int year, int month, int day) => new(new DateOnly(year, month, day), new DateOnly(year, month, day));

    private static Document Mine(DateOnly day) =>
        Doc(Texts.MineOriginal, "https://www.fenwickledger.example/news/mine", outlet: "Fenwick Ledger", published: day) with { Id = "d-02", Sha256 = "mine" };

    /// <summary>A dated page and an undated copy of it, longer by a line of its own, whose teaser names the mine report's headline.</summary>
    private static (Document Source, Document Copy) Copied()
    {
        var source = Doc(Texts.FloodOriginal, "https://www.fenwickledger.example/news/marvale-floods", outlet: "Fenwick Ledger", published: new DateOnly(2024, 5, 1)) with { Id = "d-01" };
        var copy = Doc(Texts.FloodOriginal.TrimEnd() + Added + "Read more: " + MineHeadline + "\n", "https://quicknewsfeed.example/marvale-floods", outlet: "quicknewsfeed.example")
            with
        { Id = "d-03", Sha256 = "copy" };
        return (source, copy);
    }
}
