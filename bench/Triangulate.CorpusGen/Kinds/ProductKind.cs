namespace Triangulate.CorpusGen.Kinds;

/// <summary>Product launches: one company launches several devices in a season, each with its own price and date.</summary>
internal sealed class ProductKind() : EventKind("product")
{
    private static readonly (string En, string De, string Fr, string Es)[] Features =
    [
        ("a foldable screen", "faltbarem Bildschirm", "d'un écran pliable", "una pantalla plegable"),
        ("a battery that lasts three days", "Drei-Tage-Akku", "d'une batterie de trois jours", "una batería de tres días"),
        ("satellite messaging", "Satellitenfunk", "de la messagerie par satellite", "mensajería por satélite"),
        ("a built-in AI assistant", "eingebautem KI-Assistenten", "d'un assistant d'IA intégré", "un asistente de IA integrado"),
        ("a 200-megapixel camera", "200-Megapixel-Kamera", "d'un appareil photo de 200 mégapixels", "una cámara de 200 megapíxeles"),
        ("a titanium frame", "Titanrahmen", "d'un cadre en titane", "un marco de titanio"),
    ];

    private static readonly string[] Lines = ["Aero", "Nova", "Pulse", "Vista", "Orbit", "Edge", "Flex", "Terra", "Lumen", "Zen"];

    public override double Weight => 0.8;

    public override bool Automated => false;

    public override double SiblingChance => 0.25;

    public override IReadOnlyList<string> GoldSlots => ["company", "product", "price", "release"];

    public override Event Create(Rng rng, NamePools pools, DateOnly date) => Make(rng, pools, date, pools.Company(rng));

    public override Event Sibling(Event first, Rng rng, NamePools pools, DateOnly date) => Make(rng, pools, date, (Company)first.Anchor!);

    private Event Make(Rng rng, NamePools pools, DateOnly date, Company company)
    {
        var feature = rng.Pick(Features);
        var stem = company.Name.Split(' ')[0];
        var f = new Facts
        {
            ["company"] = Fact.Text(company.Name),
            ["product"] = Fact.Text($"{stem} {rng.Pick(Lines)} {rng.Between(2, 12)}{(rng.Chance(0.3) ? " Pro" : "")}"),
            ["price"] = Fact.Price(rng.Between(3, 40) * 50 - 0.01, company.Currency),
            ["feature"] = Fact.Local(feature.En, feature.De, feature.Fr, feature.Es),
            ["release"] = Fact.Date(date.AddDays(rng.Between(5, 40))),
            ["markets"] = Fact.Int(rng.Between(3, 60)),
            ["hq"] = Fact.Text(company.Headquarters.Name),
            ["town"] = Fact.Text(company.Headquarters.Name),
            ["country"] = company.Headquarters.Country.Name,
            ["date"] = Fact.Date(date),
            ["analyst"] = Fact.Text(pools.Person(rng).Full),
            ["firm"] = Fact.Text($"{pools.Person(rng).Surname} {rng.Pick(["Research", "Securities", "Capital", "Partners"])}"),
            ["unitsSold"] = Fact.Int(rng.Between(2, 90)),
        };
        Person(f, "exec", pools.Person(rng));
        return new Event(this, date, company.Headquarters, f) { Anchor = company };
    }

    public override Facts? FollowUp(Event e, Facts previous, Rng rng, DateOnly update)
    {
        // One such report per event: a second would contradict the first.
        if (previous.Has("firstWeek")) return null;
        var f = previous.Copy();
        f["update"] = Fact.Date(update);
        f["firstWeek"] = Fact.Int(rng.Between(20, 2000) * 1000);
        return f;
    }

    protected override string[] FollowUpExtras => ["price", "analyst"];

    public override Shape Shape(Event e, Rng rng, bool fixedFrame) =>
        Build(rng, fixedFrame, "title", ["lede"], [["price"], ["quote"], ["rivals"], ["analyst"]], ["background"]);
}
