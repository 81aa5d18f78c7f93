namespace Triangulate.CorpusGen.Kinds;

/// <summary>Quarterly results: automated items in one frame, dozens of companies in the same weeks.</summary>
internal sealed class EarningsKind() : EventKind("earnings")
{
    public override double Weight => 1.6;

    public override bool Automated => true;

    public override double SiblingChance => 0.1;

    public override IReadOnlyList<string> GoldSlots => ["company", "quarter", "profit", "revenue", "eps"];

    public override Event Create(Rng rng, NamePools pools, DateOnly date) => Make(rng, pools, date, pools.Company(rng));

    public override Event Sibling(Event first, Rng rng, NamePools pools, DateOnly date)
    {
        // Another company of the same town reports in the same season.
        var neighbours = pools.Companies.Where(c => c.Headquarters == first.Town && c.Name != (string)first.Facts["company"].Gold).ToList();
        return Make(rng, pools, date, neighbours.Count > 0 ? rng.Pick(neighbours) : pools.Company(rng));
    }

    private Event Make(Rng rng, NamePools pools, DateOnly date, Company company)
    {
        // Companies report the quarter that ended before the report date.
        var quarter = ((date.Month - 1) / 3 + 3) % 4;
        var year = quarter == 3 ? date.Year - 1 : date.Year;
        var revenue = company.Revenue / 4 * rng.Between(0.85, 1.15);
        var margin = rng.Between(0.02, 0.22);
        var revChange = rng.Between(-12.0, 18.0);
        var shareChange = rng.Between(0.2, 9.0);
        var shareUp = rng.Chance(0.55);
        var eps = Math.Round(rng.Between(0.05, 4.5), 2);
        var est = Math.Round(eps * rng.Between(0.85, 1.12), 2);
        var guidance = rng.Next(3);
        var currency = company.Currency;
        var f = new Facts
        {
            ["company"] = Fact.Text(company.Name),
            ["ticker"] = Fact.Text(company.Ticker),
            ["sector"] = company.Sector,
            ["hq"] = Fact.Text(company.Headquarters.Name),
            ["town"] = Fact.Text(company.Headquarters.Name),
            ["country"] = company.Headquarters.Country.Name,
            ["date"] = Fact.Date(date),
            ["year"] = Fact.Text(year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["quarter"] = Local(l => Quarters[(int)l][quarter]),
            ["profit"] = Fact.Money(revenue * margin, currency),
            ["revenue"] = Fact.Money(revenue, currency),
            ["revMove"] = Local(l => Move(l, revChange, revenue: true)),
            ["eps"] = Fact.Price(eps, currency),
            ["epsEst"] = Fact.Price(est, currency),
            ["vsEst"] = Local(l => eps >= est
                ? $"above the {Locale.Price(l, est, currency)} per share analysts had expected"
                : $"below analysts' average estimate of {Locale.Price(l, est, currency)} per share"),
            ["guidance"] = Local(l => Guidance[(int)l][guidance]),
            ["shareMove"] = Local(l => Move(l, shareUp ? shareChange : -shareChange, revenue: false)),
            ["employees"] = Fact.Int(rng.Between(8, 900) * 100),
        };
        Person(f, "ceo", company.Chief);
        Person(f, "cfo", company.FinanceChief);
        return new Event(this, date, company.Headquarters, f) { Routine = true, Anchor = company.Name };
    }

    public override Shape Shape(Event e, Rng rng, bool fixedFrame) => fixedFrame
        ? new Shape("title", [["lede"], ["eps", "estimate"], ["revenue"], ["guidance"], ["shares"]])
        : Build(rng, false, "title", ["lede"], [["eps"], ["revenue"], ["quote"], ["guidance"], ["shares"]], ["background"]);

    private static readonly string[][] Quarters =
    [
        ["first quarter", "second quarter", "third quarter", "fourth quarter"],
        ["ersten Quartal", "zweiten Quartal", "dritten Quartal", "vierten Quartal"],
        ["premier trimestre", "deuxième trimestre", "troisième trimestre", "quatrième trimestre"],
        ["primer trimestre", "segundo trimestre", "tercer trimestre", "cuarto trimestre"],
    ];

    private static readonly string[][] Guidance =
    [
        ["raised its full-year forecast", "kept its full-year forecast unchanged", "cut its full-year forecast"],
        ["hob der Konzern seine Prognose an", "bestätigte der Konzern seine Prognose", "senkte der Konzern seine Prognose"],
        ["a relevé ses prévisions", "a confirmé ses prévisions", "a abaissé ses prévisions"],
        ["elevó sus previsiones", "mantuvo sus previsiones", "rebajó sus previsiones"],
    ];

    private static string Move(Lang lang, double change, bool revenue)
    {
        var up = change >= 0;
        var pct = Locale.Percent(lang, Math.Abs(change));
        return (lang, up, revenue) switch
        {
            (Lang.En, true, _) => $"rose {pct}",
            (Lang.En, false, _) => $"fell {pct}",
            (Lang.De, true, true) => $"stieg um {pct}",
            (Lang.De, false, true) => $"sank um {pct}",
            (Lang.De, true, false) => $"legte um {pct} zu",
            (Lang.De, false, false) => $"verlor {pct}",
            (Lang.Fr, true, true) => $"a progressé de {pct}",
            (Lang.Fr, false, true) => $"a reculé de {pct}",
            (Lang.Fr, true, false) => $"a gagné {pct}",
            (Lang.Fr, false, false) => $"a perdu {pct}",
            (_, true, true) => $"aumentaron un {pct}",
            (_, false, true) => $"cayeron un {pct}",
            (_, true, false) => $"subieron un {pct}",
            _ => $"bajaron un {pct}",
        };
    }
}
