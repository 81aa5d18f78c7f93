namespace Triangulate.CorpusGen;

/// <summary>
/// A kind of news event (earthquake, earnings, fire...): how its facts are drawn, which sentences its reports are made
/// of, how a follow-up updates the figures, and how a second event of the same kind in the same place differs.
/// </summary>
internal abstract class EventKind
{
    protected EventKind(string name)
    {
        Name = name;
        Phrases = Phrasebook.Load(name);
    }

    public string Name { get; }

    public Phrasebook Phrases { get; }

    /// <summary>How often the kind occurs, relative to the others.</summary>
    public abstract double Weight { get; }

    /// <summary>Written by wires from one fixed frame (earnings, results, small quakes): different events read alike.</summary>
    public abstract bool Automated { get; }

    /// <summary>Chance that a second event of this kind happens in the same place within weeks.</summary>
    public virtual double SiblingChance => 0.15;

    /// <summary>The facts copied into the gold event besides type, place and date.</summary>
    public abstract IReadOnlyList<string> GoldSlots { get; }

    public abstract Event Create(Rng rng, NamePools pools, DateOnly date);

    /// <summary>Another event of this kind in the same place (two fires in one town, a second nominee for one post).</summary>
    public abstract Event Sibling(Event first, Rng rng, NamePools pools, DateOnly date);

    /// <summary>
    /// The facts of a report days later (updated toll, final count, appeal), updating <paramref name="previous"/> (the
    /// event's facts or the last follow-up's), or null when the kind has none.
    /// </summary>
    public virtual Facts? FollowUp(Event e, Facts previous, Rng rng, DateOnly update) => null;

    /// <summary>The sentences of a first report; <paramref name="fixedFrame"/> asks for the wire's invariable frame.</summary>
    public abstract Shape Shape(Event e, Rng rng, bool fixedFrame);

    public virtual Shape FollowUpShape(Event e, Rng rng) => Build(rng, false, "followTitle", ["followLede"], Optional(FollowUpExtras), []);

    /// <summary>Sentence keys a follow-up may add after its lead.</summary>
    protected virtual string[] FollowUpExtras => [];

    /// <summary>A shape from a required lead, optional middle paragraphs (kept at random unless the frame is fixed) and a tail.</summary>
    protected static Shape Build(Rng rng, bool fixedFrame, string title, string[] lead, string[][] optional, string[] tail)
    {
        var paragraphs = new List<string[]> { lead };
        foreach (var paragraph in optional)
            if (fixedFrame || rng.Chance(0.75)) paragraphs.Add(paragraph);
        if (tail.Length > 0 && (fixedFrame || rng.Chance(0.6))) paragraphs.Add(tail);
        return new Shape(title, paragraphs);
    }

    protected static string[][] Optional(params string[] keys) => keys.Select(k => new[] { k }).ToArray();

    protected static Fact Local(Func<Lang, string> render) => Fact.Local(render(Lang.En), render(Lang.De), render(Lang.Fr), render(Lang.Es));

    /// <summary>The facts every event in a town has: town, region, country and day.</summary>
    protected static Facts AtPlace(Town town, DateOnly date) => new()
    {
        ["town"] = Fact.Text(town.Name),
        ["region"] = Fact.Text(town.Region),
        ["country"] = town.Country.Name,
        ["date"] = Fact.Date(date),
    };

    protected static void Person(Facts facts, string slot, Person person)
    {
        facts[slot] = Fact.Text(person.Full);
        facts[slot + "Last"] = Fact.Text(person.Surname);
    }
}
