namespace Triangulate.CorpusGen.Kinds;

/// <summary>Earthquakes: many small automated items a week, a few deadly quakes with follow-ups on the toll.</summary>
internal sealed class QuakeKind() : EventKind("quake")
{
    private static readonly string[] Directions = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"];
    private static readonly string[] Agencies = ["the national seismological institute", "the geological survey", "the regional seismic monitoring centre", "the European-Mediterranean Seismological Centre"];

    public override double Weight => 1.4;

    public override bool Automated => true;

    public override double SiblingChance => 0.2;

    public override IReadOnlyList<string> GoldSlots => ["mag", "deaths", "depth"];

    public override Event Create(Rng rng, NamePools pools, DateOnly date) => Make(rng, pools, date, pools.Town(rng));

    public override Event Sibling(Event first, Rng rng, NamePools pools, DateOnly date)
    {
        // A second quake in the same area: often the same town named as the nearest place, different figures.
        var towns = pools.TownsOf(first.Town.Country).Where(t => t.Region == first.Town.Region).ToList();
        var town = rng.Chance(0.6) || towns.Count == 0 ? first.Town : rng.Pick(towns);
        return Make(rng, pools, date, town);
    }

    private Event Make(Rng rng, NamePools pools, DateOnly date, Town town)
    {
        var minor = rng.Chance(0.62);
        var f = AtPlace(town, date);
        f["time"] = Fact.Clock(rng.Next(24), rng.Next(60));
        f["depth"] = Fact.Int(rng.Between(4, 70));
        f["dist"] = Fact.Int(rng.Between(3, 80));
        f["dir"] = Fact.Text(rng.Pick(Directions));
        f["agency"] = Fact.Text(rng.Pick(Agencies));
        f["mayor"] = Fact.Text(town.Mayor.Full);
        Person(f, "official", pools.Person(rng));
        if (minor)
        {
            f["mag"] = Fact.Dec(rng.Between(3.4, 5.4), 1);
            f["deaths"] = Fact.Int(0);
        }
        else
        {
            var deaths = (int)Math.Round(Math.Exp(rng.Between(0.7, 5.5)));
            f["mag"] = Fact.Dec(rng.Between(5.5, 7.9), 1);
            f["deaths"] = Fact.Int(deaths);
            f["injured"] = Fact.Int(deaths * rng.Between(2, 9) + rng.Between(1, 30));
            f["buildings"] = Fact.Int(rng.Between(4, 40) * (deaths / 10 + 1));
            f["aftershocks"] = Fact.Int(rng.Between(6, 90));
            f["aftermag"] = Fact.Dec(rng.Between(4.0, 5.4), 1);
        }
        return new Event(this, date, town, f) { Routine = minor, Anchor = town.Region };
    }

    public override Facts? FollowUp(Event e, Facts previous, Rng rng, DateOnly update)
    {
        if (e.Routine) return null;
        var f = previous.Copy();
        var deaths = (long)previous["deaths"].Gold;
        var injured = (long)previous["injured"].Gold;
        var more = deaths + Math.Max(1, (long)(deaths * rng.Between(0.1, 0.9)));
        f["deaths"] = Fact.Int(more);
        f["injured"] = Fact.Int(injured + rng.Between(3, 60));
        f["update"] = Fact.Date(update);
        f["displaced"] = Fact.Int(rng.Between(2, 80) * 100);
        f["rescued"] = Fact.Int(rng.Between(2, 40));
        return f;
    }

    protected override string[] FollowUpExtras => ["displaced", "rescued", "quote", "aftershocks"];

    public override Shape Shape(Event e, Rng rng, bool fixedFrame) => e.Routine
        ? new Shape("titleMinor", fixedFrame || rng.Chance(0.5) ? [["ledeMinor", "depthMinor"], ["noDamage"]] : [["ledeMinor"], ["depthMinor", "noDamage"]])
        : Build(rng, fixedFrame, "title", ["lede"], [["epicentre"], ["damage"], ["quote"], ["aftershocks"], ["mayor"]], ["background"]);
}
