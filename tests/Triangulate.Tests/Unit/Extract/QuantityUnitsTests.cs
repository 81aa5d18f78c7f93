using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Extract;

public class QuantityUnitsTests
{
    [Theory]
    [InlineData("The fire burned 500 square kilometres of forest.", "area", 500, "km2")]
    [InlineData("The fire burned 500 square kilometers of forest.", "area", 500, "km2")]
    [InlineData("The fire burned 500 km2 of forest.", "area", 500, "km2")]
    [InlineData("The fire burned 10 square miles of forest.", "area", 25.89988, "km2")]
    [InlineData("The convoy carried 12 tonnes of grain.", "mass", 12000, "kg")]
    [InlineData("The front is 100 miles long.", "length", 160.9344, "km")]
    [InlineData("Inflation hit 40 per cent in the spring.", "percent", 40, "percent")]
    [InlineData("The fund lost €300 million in a year.", "money", 300_000_000, "EUR")]
    [InlineData("The yard won a contract worth 13 billion pounds.", "money", 13_000_000_000, "GBP")]
    [InlineData("The plant shipped 2 million pounds of beef.", "mass", 907_184.74, "kg")]
    [InlineData("The tablet costs 249 US dollars in the shops.", "money", 249, "USD")]
    public void Units_are_normalised_to_one_unit_per_measure(string sentence, string measure, double value, string unit)
    {
        var analysis = ValueSpecTests.Analyse(new SpecFile.Example("", 0, sentence, null, "[]"));
        var claim = Assert.Single(analysis.Claims, c => c.Kind == ClaimKind.Quantity);
        Assert.Equal(measure, claim.Measure);
        Assert.Equal(value, claim.Value!.Low!.Value, 4);
        Assert.Equal(unit, claim.Value.Unit);
    }

    [Theory]
    [InlineData("Each ferry costs $300 million-$320 million to build.", "$300 million-$320 million")]
    [InlineData("Each ferry costs US$ 300 million to US$ 320 million.", "US$ 300 million to US$ 320 million")]
    [InlineData("Each ferry costs € 300 million – € 320 million, the yard said.", "€ 300 million – € 320 million")]
    public void A_range_that_writes_its_currency_twice_is_one_amount(string sentence, string excerpt)
    {
        var analysis = ValueSpecTests.Analyse(new SpecFile.Example("", 0, sentence, null, "[]"));
        var claim = Assert.Single(analysis.Claims, c => c.Kind == ClaimKind.Quantity);
        Assert.Equal(excerpt, claim.Mention.Span.Excerpt);
        Assert.Equal("money", claim.Measure);
        Assert.Equal(300_000_000, claim.Value!.Low!.Value, 4);
        Assert.Equal(320_000_000, claim.Value.High!.Value, 4);
    }

    // Issue 13, session 30: "between $140 million and $150 million" was read as "between $140 million" (a point) and
    // "$150 million"; "$140-150 million" as 140 dollars to 150 million.
    [Theory]
    [InlineData("The Orioles offered between $140 million and $150 million over seven years.", "between $140 million and $150 million")]
    [InlineData("The Orioles offered between $140 and $150 million over seven years.", "between $140 and $150 million")]
    [InlineData("The Orioles offered $140-150 million over seven years.", "$140-150 million")]
    public void A_range_scales_and_prices_both_its_ends(string sentence, string excerpt)
    {
        var analysis = ValueSpecTests.Analyse(new SpecFile.Example("", 0, sentence, null, "[]"));
        var claim = Assert.Single(analysis.Claims, c => c.Kind == ClaimKind.Quantity);
        Assert.Equal(excerpt, claim.Mention.Span.Excerpt);
        Assert.Equal("money", claim.Measure);
        Assert.Equal(140_000_000, claim.Value!.Low!.Value, 4);
        Assert.Equal(150_000_000, claim.Value.High!.Value, 4);
    }

    [Fact]
    public void A_scale_after_a_range_leaves_a_first_end_it_would_make_larger_alone()
    {
        var analysis = ValueSpecTests.Analyse(new SpecFile.Example("", 0, "The fund holds between 500 and 2 million shares.", null, "[]"));
        var claim = Assert.Single(analysis.Claims, c => c.Kind == ClaimKind.Quantity);
        Assert.Equal(500, claim.Value!.Low!.Value, 4);
        Assert.Equal(2_000_000, claim.Value.High!.Value, 4);
    }

    [Theory]
    [InlineData("The 787-8 carries 210 passengers.", "210 passengers")]
    [InlineData("A 7-2 vote approved 14 new parks.", "14 new parks")]
    [InlineData("The 747-400 seats 416 travellers.", "416 travellers")]
    // Issue 15, sixth round: a variant written after a designation whose number is glued to its letters, larger than it.
    [InlineData("The B210-900 seats 330 travellers.", "330 travellers")]
    // Issue 15, session 26: two bare whole numbers tight around a dash with no lower-case plural after them are a
    // record or a score, whichever is larger; they count nothing and borrow no noun counted before.
    [InlineData("After a 4-11 start, the club sold 30 new boxes.", "30 new boxes")]
    [InlineData("The Herons fell to 2-7 on the road and fired 3 scouts.", "3 scouts")]
    [InlineData("The 1-12 Falcons signed 4 linemen.", "4 linemen")]
    [InlineData("The council broke a 4-4 deadlock and approved 16 new homes.", "16 new homes")]
    [InlineData("The league has 14 teams. The Otters, 5-9 away, finished last.", "14 teams")]
    [InlineData("The league has 14 teams. The Otters have a record of 6-8.", "14 teams")]
    public void A_dash_before_a_smaller_number_names_a_variant_or_a_score_not_a_range(string sentence, string excerpt)
    {
        var analysis = ValueSpecTests.Analyse(new SpecFile.Example("", 0, sentence, null, "[]"));
        var claim = Assert.Single(analysis.Claims, c => c.Kind == ClaimKind.Quantity);
        Assert.Equal(excerpt, claim.Mention.Span.Excerpt);
    }

    [Theory]
    [InlineData("The 24/7 clinic opens with 12 nurses.", "12 nurses")]
    [InlineData("The chain opened 20 cinemas and 3-D screens in each.", "20 cinemas")]
    [InlineData("The 9/11 memorial lists 30 portraits.", "30 portraits")]
    public void Numbers_around_a_slash_or_before_a_hyphened_capital_count_nothing(string sentence, string excerpt)
    {
        var analysis = ValueSpecTests.Analyse(new SpecFile.Example("", 0, sentence, null, "[]"));
        var claim = Assert.Single(analysis.Claims, c => c.Kind == ClaimKind.Quantity);
        Assert.Equal(excerpt, claim.Mention.Span.Excerpt);
    }

    [Theory]
    [InlineData("The jet seats 200-250 passengers.", 200, 250)]
    // Issue 15, session 26: a tight pair before its lower-case plural or a unit is still a range.
    [InlineData("Rebels fired 20-30 rockets at the town.", 20, 30)]
    [InlineData("Police held 40-50 Russian sailors overnight.", 40, 50)]
    [InlineData("Prices rose 10-15% in the spring.", 10, 15)]
    public void A_dash_before_a_larger_number_is_still_a_range(string sentence, double low, double high)
    {
        var analysis = ValueSpecTests.Analyse(new SpecFile.Example("", 0, sentence, null, "[]"));
        var claim = Assert.Single(analysis.Claims, c => c.Kind == ClaimKind.Quantity);
        Assert.Equal(low, claim.Value!.Low!.Value, 4);
        Assert.Equal(high, claim.Value.High!.Value, 4);
    }

    [Fact]
    public void Keys_are_lemmas_of_the_subject_for_matching_across_documents()
    {
        var analysis = ValueSpecTests.Analyse(new SpecFile.Example("", 0, "Officials counted 40 casualties in the villages.", null, "[]"));
        var claim = Assert.Single(analysis.Claims);
        Assert.Equal(["casualty", "count"], claim.Keys);
    }

    [Theory]
    [InlineData("Oleh described confusion between the two groups appears to have slowed Russian efforts.", "groups")]
    [InlineData("Last month, 400 to 500 North Korean troops launched an assault on Ukrainian positions.", "North Korean troops")]
    [InlineData("Officials said 30 armoured vehicles were destroyed.", "armoured vehicles")]
    public void A_verb_after_a_plural_noun_ends_the_subject(string sentence, string subject)
    {
        var analysis = ValueSpecTests.Analyse(new SpecFile.Example("", 0, sentence, null, "[]"));
        Assert.Contains(analysis.Claims, c => c.Kind == ClaimKind.Quantity && c.Subject == subject);
    }
    [Theory]
    [InlineData("The striker scored three goals and set a club record on Sunday.", "goals")]
    [InlineData("The rebels held 12 villages and then withdrew to the hills.", "villages")]
    [InlineData("The guard shot two intruders and injured a bystander.", "intruders")]
    [InlineData("The ferry firm runs 18 routes and employs around 900 staff.", "routes")]
    [InlineData("The halfback gained 140 yards and no touchdowns in the cold.", "yards")]
    [InlineData("The keeper made six saves and Novak cleared the last shot.", "saves")]
    [InlineData("The club lost nine matches and fell to the bottom.", "matches")]
    [InlineData("The agency signed two contractors and also hired a lawyer.", "contractors")]
    public void A_clause_after_and_is_no_part_of_the_noun_counted(string sentence, string subject)
    {
        var analysis = ValueSpecTests.Analyse(new SpecFile.Example("", 0, sentence, null, "[]"));
        var claim = Assert.Single(analysis.Claims, c => c.Kind == ClaimKind.Quantity && c.Subject!.StartsWith(subject, StringComparison.Ordinal));
        Assert.Equal(subject, claim.Subject);
    }

    [Theory]
    [InlineData("The storm cut power to 40 towns and villages in the north.", "towns and villages")]
    [InlineData("The firm hired 1,200 maintenance and cleaning workers last year.", "maintenance and cleaning workers")]
    [InlineData("The plan protects 200 birds and mammals in the valley.", "birds and mammals")]
    [InlineData("The team played two games against Ostrava and Brno in May.", "games against Ostrava and Brno")]
    public void Nouns_joined_by_and_stay_one_subject(string sentence, string subject)
    {
        var analysis = ValueSpecTests.Analyse(new SpecFile.Example("", 0, sentence, null, "[]"));
        Assert.Contains(analysis.Claims, c => c.Kind == ClaimKind.Quantity && c.Subject == subject);
    }
}
