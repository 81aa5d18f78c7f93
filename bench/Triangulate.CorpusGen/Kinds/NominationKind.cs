namespace Triangulate.CorpusGen.Kinds;

/// <summary>Nominations to a national post: when a nominee withdraws, the same leader names another for the same post.</summary>
internal sealed class NominationKind() : EventKind("nomination")
{
    private static readonly (string En, string De, string Fr, string Es)[] Posts =
    [
        ("governor of the central bank", "Gouverneur der Zentralbank", "gouverneur de la banque centrale", "gobernador del banco central"),
        ("chief prosecutor", "Generalstaatsanwalt", "procureur général", "fiscal general"),
        ("ambassador to the United Nations", "UN-Botschafter", "ambassadeur auprès des Nations unies", "embajador ante la ONU"),
        ("head of the competition authority", "Chef der Wettbewerbsbehörde", "président de l'autorité de la concurrence", "presidente de la autoridad de competencia"),
        ("defence minister", "Verteidigungsminister", "ministre de la Défense", "ministro de Defensa"),
        ("supreme court judge", "Richter am Obersten Gericht", "juge à la Cour suprême", "juez del Tribunal Supremo"),
    ];

    private static readonly (string En, string De, string Fr, string Es)[] Roles =
    [
        ("deputy finance minister", "stellvertretender Finanzminister", "vice-ministre des Finances", "viceministro de Finanzas"),
        ("a senior appeals judge", "Richter am Berufungsgericht", "juge à la cour d'appel", "juez de apelación"),
        ("the head of the national audit office", "Präsident des Rechnungshofs", "président de la Cour des comptes", "presidente del Tribunal de Cuentas"),
        ("a career diplomat", "Berufsdiplomat", "diplomate de carrière", "diplomático de carrera"),
        ("an economics professor", "Wirtschaftsprofessor", "professeur d'économie", "catedrático de economía"),
        ("a former army chief", "ehemaliger Armeechef", "ancien chef de l'armée", "exjefe del ejército"),
    ];

    private static readonly (string En, string De, string Fr, string Es)[] Leaders =
    [
        ("President", "Präsident", "le président", "el presidente"), ("Prime Minister", "Regierungschef", "le Premier ministre", "el primer ministro"),
    ];

    private static readonly (string En, string De, string Fr, string Es)[] Opposition =
    [
        ("Civic Union", "Bürgerunion", "Union civique", "Unión Cívica"), ("Progress Party", "Fortschrittspartei", "Parti du progrès", "Partido del Progreso"),
        ("Liberal Forum", "Liberales Forum", "Forum libéral", "Foro Liberal"),
    ];

    public override double Weight => 0.6;

    public override bool Automated => false;

    public override double SiblingChance => 0.35;

    public override IReadOnlyList<string> GoldSlots => ["nominee", "post", "nominator"];

    public override Event Create(Rng rng, NamePools pools, DateOnly date)
    {
        var country = rng.Pick(pools.Countries);
        var capital = pools.TownsOf(country)[0];
        var seat = new Seat(country, capital, rng.Next(Posts.Length), rng.Next(Leaders.Length), pools.Person(rng), pools.Person(rng), rng.Between(1, 12), rng.Next(Opposition.Length));
        return Make(rng, pools, date, seat);
    }

    public override Event Sibling(Event first, Rng rng, NamePools pools, DateOnly date) => Make(rng, pools, date, (Seat)first.Anchor!);

    private Event Make(Rng rng, NamePools pools, DateOnly date, Seat seat)
    {
        var post = Posts[seat.Post];
        var leader = Leaders[seat.Leader];
        var role = rng.Pick(Roles);
        var opposition = Opposition[seat.Opposition];
        var f = new Facts
        {
            ["country"] = seat.Country.Name,
            ["town"] = Fact.Text(seat.Capital.Name),
            ["post"] = Fact.Local(post.En, post.De, post.Fr, post.Es),
            ["nominatorTitle"] = Fact.Local(leader.En, leader.De, leader.Fr, leader.Es),
            ["previous"] = Fact.Local(role.En, role.De, role.Fr, role.Es),
            ["date"] = Fact.Date(date),
            ["age"] = Fact.Int(rng.Between(41, 72)),
            ["hearing"] = Fact.Date(date.AddDays(rng.Between(7, 30))),
            ["outgoing"] = Fact.Text(seat.Outgoing.Full),
            ["outgoingMonth"] = Local(l => Locale.Month(l, seat.OutgoingMonth)),
            ["party"] = Fact.Local(opposition.En, opposition.De, opposition.Fr, opposition.Es),
            ["careerYears"] = Fact.Int(rng.Between(5, 25)),
            ["sinceYear"] = Fact.Text((date.Year - rng.Between(1, 9)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        Person(f, "nominee", pools.Person(rng));
        Person(f, "nominator", seat.Nominator);
        return new Event(this, date, seat.Capital, f) { Anchor = seat };
    }

    public override Shape Shape(Event e, Rng rng, bool fixedFrame) =>
        Build(rng, fixedFrame, "title", ["lede"], [["hearing"], ["replaces"], ["quote"], ["opposition"]], ["career"]);

    /// <summary>The post being filled: what a second nomination for it shares with the first.</summary>
    private sealed record Seat(Country Country, Town Capital, int Post, int Leader, Person Nominator, Person Outgoing, int OutgoingMonth, int Opposition);
}
