namespace Triangulate.CorpusGen.Kinds;

/// <summary>Mayoral elections: neighbouring towns of one region vote on the same Sunday, with the same parties.</summary>
internal sealed class ElectionKind() : EventKind("election")
{
    private static readonly (string En, string De, string Fr, string Es)[] Parties =
    [
        ("Civic Union", "Bürgerunion", "Union civique", "Unión Cívica"), ("Progress Party", "Fortschrittspartei", "Parti du progrès", "Partido del Progreso"),
        ("Green Alliance", "Grüne Allianz", "Alliance verte", "Alianza Verde"), ("National Renewal", "Nationale Erneuerung", "Renouveau national", "Renovación Nacional"),
        ("Labour Front", "Arbeiterfront", "Front travailliste", "Frente Laborista"), ("Liberal Forum", "Liberales Forum", "Forum libéral", "Foro Liberal"),
    ];

    public override double Weight => 0.8;

    public override bool Automated => false;

    public override double SiblingChance => 0.3;

    public override IReadOnlyList<string> GoldSlots => ["winner", "runner", "winnerPct", "turnout"];

    public override Event Create(Rng rng, NamePools pools, DateOnly date) => Make(rng, pools, date, pools.Town(rng));

    public override Event Sibling(Event first, Rng rng, NamePools pools, DateOnly date)
    {
        // A neighbouring town of the same region votes on the same day.
        var towns = pools.TownsOf(first.Town.Country).Where(t => t.Region == first.Town.Region && t != first.Town).ToList();
        var town = towns.Count > 0 ? rng.Pick(towns) : pools.TownsOf(first.Town.Country).First(t => t != first.Town);
        return Make(rng, pools, first.Date, town);
    }

    private Event Make(Rng rng, NamePools pools, DateOnly date, Town town)
    {
        // Elections are held on Sundays; the story starts on the day the count is reported.
        while (date.DayOfWeek != DayOfWeek.Sunday) date = date.AddDays(-1);
        var winnerPct = rng.Between(38.0, 64.0);
        var runnerPct = rng.Between(20.0, Math.Min(winnerPct - 1, 100 - winnerPct));
        var p1 = rng.Next(Parties.Length);
        var p2 = (p1 + 1 + rng.Next(Parties.Length - 1)) % Parties.Length;
        var turnout = rng.Between(31.0, 78.0);
        var f = new Facts
        {
            ["town"] = Fact.Text(town.Name),
            ["region"] = Fact.Text(town.Region),
            ["country"] = town.Country.Name,
            ["post"] = Fact.Local($"mayor of {town.Name}", $"Bürgermeister von {town.Name}", $"maire de {town.Name}", $"alcalde de {town.Name}"),
            ["date"] = Fact.Date(date),
            ["winnerParty"] = Party(p1),
            ["runnerParty"] = Party(p2),
            ["winnerPct"] = Fact.Pct(winnerPct),
            ["runnerPct"] = Fact.Pct(runnerPct),
            ["turnout"] = Fact.Pct(turnout),
            ["votes"] = Fact.Int(rng.Between(4000, 260000)),
            ["incumbent"] = Fact.Text(town.Mayor.Full),
            ["swearing"] = Fact.Date(date.AddDays(rng.Between(10, 30))),
        };
        Person(f, "winner", pools.Person(rng));
        Person(f, "runner", pools.Person(rng));
        return new Event(this, date, town, f) { Anchor = town.Region };
    }

    private static Fact Party(int i) => Fact.Local(Parties[i].En, Parties[i].De, Parties[i].Fr, Parties[i].Es);

    public override Facts? FollowUp(Event e, Facts previous, Rng rng, DateOnly update)
    {
        // One such report per event: a second would contradict the first.
        if (previous.Has("update")) return null;
        var f = previous.Copy();
        f["update"] = Fact.Date(update);
        // The final count moves the provisional shares by a few tenths.
        f["winnerPct"] = Fact.Pct((double)previous["winnerPct"].Gold + rng.Between(-0.6, 0.6));
        f["runnerPct"] = Fact.Pct((double)previous["runnerPct"].Gold + rng.Between(-0.6, 0.6));
        f["turnout"] = Fact.Pct((double)previous["turnout"].Gold + rng.Between(0.1, 1.5));
        return f;
    }

    protected override string[] FollowUpExtras => ["turnout", "sworn", "concede"];

    public override Shape Shape(Event e, Rng rng, bool fixedFrame) =>
        Build(rng, fixedFrame, "title", ["lede"], [["runner"], ["turnout"], ["quote"], ["incumbent"], ["concede"]], ["background"]);
}
