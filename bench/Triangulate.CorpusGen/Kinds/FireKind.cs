namespace Triangulate.CorpusGen.Kinds;

/// <summary>Deadly fires: the same town burns twice in a month and its fire chief and mayor speak both times.</summary>
internal sealed class FireKind() : EventKind("fire")
{
    // English takes "a …" (so no vowel onsets), German the dative after "in", French and Spanish the indefinite article.
    private static readonly (string En, string De, string Fr, string Es)[] Buildings =
    [
        ("warehouse", "einem Lagerhaus", "un entrepôt", "un almacén"), ("block of flats", "einem Wohnhaus", "un immeuble d'habitation", "un edificio de viviendas"),
        ("hotel", "einem Hotel", "un hôtel", "un hotel"), ("nursing home", "einem Pflegeheim", "une maison de retraite", "una residencia de ancianos"),
        ("factory", "einer Fabrik", "une usine", "una fábrica"), ("nightclub", "einem Nachtclub", "une discothèque", "una discoteca"),
        ("market hall", "einer Markthalle", "une halle de marché", "un mercado cubierto"), ("school dormitory", "einem Schulinternat", "un internat scolaire", "un internado escolar"),
    ];

    private static readonly (string En, string De, string Fr, string Es)[] Causes =
    [
        ("a faulty electric heater", "ein defektes Heizgerät", "un radiateur électrique défectueux", "un calefactor eléctrico defectuoso"),
        ("a cigarette left burning", "eine brennende Zigarette", "une cigarette mal éteinte", "un cigarrillo mal apagado"),
        ("an electrical short circuit", "einen Kurzschluss", "un court-circuit", "un cortocircuito"),
        ("arson", "Brandstiftung", "un incendie criminel", "un incendio provocado"),
        ("a gas leak", "ein Gasleck", "une fuite de gaz", "una fuga de gas"),
    ];

    private static readonly string[] StreetKinds = ["Street", "Road", "Avenue", "Lane"];

    public override double Weight => 1.0;

    public override bool Automated => false;

    public override double SiblingChance => 0.3;

    public override IReadOnlyList<string> GoldSlots => ["street", "building", "deaths", "injured"];

    public override Event Create(Rng rng, NamePools pools, DateOnly date) => Make(rng, pools, date, pools.Town(rng));

    public override Event Sibling(Event first, Rng rng, NamePools pools, DateOnly date) => Make(rng, pools, date, first.Town);

    private Event Make(Rng rng, NamePools pools, DateOnly date, Town town)
    {
        var building = rng.Pick(Buildings);
        var street = pools.Person(rng).Surname;
        var streetKind = rng.Pick(StreetKinds);
        // At least two: the foreign-language frames are written in the plural.
        var deaths = 2 + rng.Geometric(2.0);
        var f = AtPlace(town, date);
        f["time"] = Fact.Clock(rng.Next(24), rng.Next(60));
        f["street"] = Fact.Local($"{street} {streetKind}", $"{street}straße", street, street);
        f["building"] = Fact.Local(building.En, building.De, building.Fr, building.Es);
        f["deaths"] = Fact.Int(deaths);
        f["injured"] = Fact.Int(rng.Between(1, 40));
        f["firefighters"] = Fact.Int(rng.Between(3, 30) * 5);
        f["engines"] = Fact.Int(rng.Between(3, 25));
        f["hours"] = Fact.Int(rng.Between(2, 12));
        f["evacuated"] = Fact.Int(rng.Between(8, 300));
        f["chief"] = Fact.Text(town.FireChief.Full);
        f["mayor"] = Fact.Text(town.Mayor.Full);
        f["owner"] = Fact.Text(pools.Person(rng).Full);
        return new Event(this, date, town, f) { Anchor = town };
    }

    public override Facts? FollowUp(Event e, Facts previous, Rng rng, DateOnly update)
    {
        var f = previous.Copy();
        var cause = rng.Pick(Causes);
        // A later update keeps the cause an earlier one reported.
        f["deaths"] = Fact.Int((long)previous["deaths"].Gold + rng.Between(1, 4));
        f["cause"] = previous.Has("cause") ? previous["cause"] : Fact.Local(cause.En, cause.De, cause.Fr, cause.Es);
        f["update"] = Fact.Date(update);
        return f;
    }

    protected override string[] FollowUpExtras => ["investigation", "quote", "mayor"];

    public override Shape Shape(Event e, Rng rng, bool fixedFrame) =>
        Build(rng, fixedFrame, "title", ["lede"], [["response"], ["alarm"], ["quote"], ["cause"], ["mayor"]], ["background"]);
}
