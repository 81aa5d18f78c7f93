namespace Triangulate.CorpusGen.Kinds;

/// <summary>League matches: automated reports in one frame; the same two clubs meet again in a return leg.</summary>
internal sealed class MatchKind() : EventKind("match")
{
    public override double Weight => 1.4;

    public override bool Automated => true;

    public override double SiblingChance => 0.2;

    public override IReadOnlyList<string> GoldSlots => ["home", "away", "homeGoals", "awayGoals", "scorer1"];

    public override Event Create(Rng rng, NamePools pools, DateOnly date)
    {
        var home = rng.Pick(pools.Teams);
        var rivals = pools.Teams.Where(t => t.League == home.League && t != home).ToList();
        return Make(rng, date, home, rng.Pick(rivals));
    }

    public override Event Sibling(Event first, Rng rng, NamePools pools, DateOnly date)
    {
        var (home, away) = ((Team, Team))first.Anchor!;
        return Make(rng, date, away, home);
    }

    private Event Make(Rng rng, DateOnly date, Team home, Team away)
    {
        int homeGoals, awayGoals;
        do
        {
            homeGoals = rng.Geometric(1.5);
            awayGoals = rng.Geometric(1.1);
        }
        while (homeGoals == awayGoals || homeGoals > 7 || awayGoals > 7);
        var homeWon = homeGoals > awayGoals;
        var (winner, loser) = homeWon ? (home, away) : (away, home);
        var minutes = new List<int>();
        while (minutes.Count < 3) minutes.Add(rng.Between(2, 90));
        minutes.Sort();
        var f = new Facts
        {
            ["home"] = Fact.Text(home.Name),
            ["away"] = Fact.Text(away.Name),
            ["homeGoals"] = Fact.Int(homeGoals),
            ["awayGoals"] = Fact.Int(awayGoals),
            ["score"] = Fact.Text($"{Math.Max(homeGoals, awayGoals)}-{Math.Min(homeGoals, awayGoals)}"),
            ["winner"] = Fact.Text(winner.Name),
            ["loser"] = Fact.Text(loser.Name),
            ["winnerCoach"] = Fact.Text(winner.Coach.Full),
            ["loserCoach"] = Fact.Text(loser.Coach.Full),
            ["league"] = Fact.Text(home.League),
            ["ground"] = Fact.Text(home.Ground),
            ["town"] = Fact.Text(home.Home.Name),
            ["country"] = home.Home.Country.Name,
            ["date"] = Fact.Date(date),
            ["scorer1"] = Fact.Text(rng.Pick(winner.Squad).Full),
            ["scorer2"] = Fact.Text(rng.Pick(rng.Chance(0.6) ? winner.Squad : loser.Squad).Full),
            ["scorer3"] = Fact.Text(rng.Pick(rng.Chance(0.5) ? winner.Squad : loser.Squad).Full),
            ["minute1"] = Fact.Int(minutes[0]),
            ["minute2"] = Fact.Int(minutes[1]),
            ["minute3"] = Fact.Int(minutes[2]),
            ["attendance"] = Fact.Int(rng.Between(15, 600) * 100 + rng.Next(100)),
            ["position"] = Fact.Int(rng.Between(1, 18)),
        };
        return new Event(this, date, home.Home, f) { Routine = true, Anchor = (home, away) };
    }

    public override Shape Shape(Event e, Rng rng, bool fixedFrame)
    {
        // Fewer than three goals leave no second and third scorer to name.
        var goals = (long)e.Facts["homeGoals"].Gold + (long)e.Facts["awayGoals"].Gold;
        string[][] middle = goals >= 3 ? [["goals"], ["crowd"], ["table"], ["quote"]] : [["crowd"], ["table"], ["quote"]];
        return fixedFrame
            ? new Shape("title", middle.Where(p => p[0] != "quote").Prepend(["lede"]).ToList())
            : Build(rng, false, "title", ["lede"], middle, ["next"]);
    }
}
