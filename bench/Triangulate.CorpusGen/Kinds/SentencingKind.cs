namespace Triangulate.CorpusGen.Kinds;

/// <summary>Court sentencings: one court, one judge, several defendants in the same weeks.</summary>
internal sealed class SentencingKind() : EventKind("sentencing")
{
    // German after "wegen" takes the genitive; the other languages follow "for"/"pour"/"por".
    private static readonly (string En, string De, string Fr, string Es, bool Money)[] Crimes =
    [
        ("fraud", "Betrugs", "escroquerie", "fraude", true), ("manslaughter", "Totschlags", "homicide involontaire", "homicidio imprudente", false),
        ("arson", "Brandstiftung", "incendie criminel", "incendio provocado", false), ("embezzlement", "Untreue", "abus de confiance", "malversación", true),
        ("drug trafficking", "Drogenhandels", "trafic de stupéfiants", "tráfico de drogas", false), ("bribery", "Bestechung", "corruption", "cohecho", true),
        ("armed robbery", "schweren Raubes", "vol à main armée", "robo a mano armada", false), ("tax evasion", "Steuerhinterziehung", "fraude fiscale", "fraude fiscal", true),
    ];

    public override double Weight => 1.0;

    public override bool Automated => false;

    public override double SiblingChance => 0.3;

    public override IReadOnlyList<string> GoldSlots => ["defendant", "crime", "years", "judge"];

    public override Event Create(Rng rng, NamePools pools, DateOnly date) => Make(rng, pools, date, pools.Town(rng));

    public override Event Sibling(Event first, Rng rng, NamePools pools, DateOnly date) => Make(rng, pools, date, first.Town);

    private Event Make(Rng rng, NamePools pools, DateOnly date, Town town)
    {
        var crime = Crimes[rng.Next(Crimes.Length)];
        var years = rng.Between(2, 16);
        var arrested = rng.Between(1, 12);
        var f = new Facts
        {
            ["town"] = Fact.Text(town.Name),
            ["country"] = town.Country.Name,
            ["date"] = Fact.Date(date),
            ["crime"] = Fact.Local(crime.En, crime.De, crime.Fr, crime.Es),
            ["crimeShort"] = Fact.Local(crime.En, crime.De, crime.Fr, crime.Es),
            ["court"] = Fact.Local($"the {town.Name} District Court", $"Landgericht {town.Name}", $"le tribunal de {town.Name}", $"el tribunal de {town.Name}"),
            ["age"] = Fact.Int(rng.Between(19, 71)),
            ["years"] = Fact.Int(years),
            ["asked"] = Fact.Int(years + rng.Between(1, 5)),
            ["judge"] = Fact.Text(town.Judge.Full),
            ["victims"] = Fact.Int(rng.Between(2, 140)),
            ["amount"] = Fact.Money(rng.Between(0.4, 90.0), town.Country.Currency),
            ["arrestMonth"] = Local(l => Locale.Month(l, arrested)),
            ["trialDays"] = Fact.Int(rng.Between(3, 60)),
        };
        Person(f, "defendant", pools.Person(rng));
        Person(f, "prosecutor", pools.Person(rng));
        Person(f, "lawyer", pools.Person(rng));
        return new Event(this, date, town, f) { Anchor = town, InvolvesMoney = crime.Money };
    }

    public override Facts? FollowUp(Event e, Facts previous, Rng rng, DateOnly update)
    {
        // One such report per event: a second would contradict the first.
        if (previous.Has("update")) return null;
        var f = previous.Copy();
        f["update"] = Fact.Date(update);
        return f;
    }

    protected override string[] FollowUpExtras => ["judge", "lawyer"];

    public override Shape Shape(Event e, Rng rng, bool fixedFrame) => e.InvolvesMoney
        ? Build(rng, fixedFrame, "title", ["lede"], [["amount"], ["judge"], ["prosecutor"], ["lawyer"]], ["background"])
        : Build(rng, fixedFrame, "title", ["lede"], [["judge"], ["prosecutor"], ["lawyer"]], ["background"]);
}
