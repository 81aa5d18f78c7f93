using Triangulate.Extract.Entities;
using Triangulate.Model;

namespace Triangulate.Tests.Unit.Extract;

/// <summary>The corpus index joins the ids stories resolved for one thing; it never joins what a story could not tell apart.</summary>
public sealed class EntityIndexTests
{
    /// <summary>An entity as a story resolved it: its id, name, type, and one mention per document given.</summary>
    private static Entity Row(string id, string name, EntityType type, params string[] documents) => new()
    {
        Id = id,
        Name = name,
        Type = type,
        Mentions = [.. documents.Select(d => new TextSpan(d, 0, 1))],
    };

    [Fact]
    public void AnAcronymInOneStoryAndItsExpansionInAnotherAreOneIdentity()
    {
        var identities = EntityIndex.Identities([
            Row("e-full", "Calverton Freight Systems", EntityType.Organization, "d-1", "d-2"),
            Row("e-short", "CFS", EntityType.Organization, "d-3"),
        ]);
        Assert.Equal("e-full", identities["e-short"]);
        Assert.Equal("e-full", identities["e-full"]);
    }

    [Fact]
    public void ASurnameJoinsTheOneFullNameOfTheCorpusAndNoneWhenTwoShareIt()
    {
        var one = EntityIndex.Identities([
            Row("e-maren", "Maren Ostrander", EntityType.Person, "d-1"),
            Row("e-surname", "Ostrander", EntityType.Person, "d-2"),
        ]);
        Assert.Equal("e-maren", one["e-surname"]);

        var two = EntityIndex.Identities([
            Row("e-maren", "Maren Ostrander", EntityType.Person, "d-1"),
            Row("e-tobias", "Tobias Ostrander", EntityType.Person, "d-3"),
            Row("e-surname", "Ostrander", EntityType.Person, "d-2"),
        ]);
        Assert.Equal("e-surname", two["e-surname"]);
        Assert.NotEqual(two["e-maren"], two["e-tobias"]);
    }

    [Fact]
    public void TheMostMentionedMemberNamesTheIdentityWhateverTheOrderOfTheStories()
    {
        Entity[] rows = [
            Row("e-a", "Pellworth Dynamics", EntityType.Organization, "d-1"),
            Row("e-b", "PD", EntityType.Organization, "d-2", "d-3", "d-4"),
            Row("e-c", "Lindqvist Harbour", EntityType.Place, "d-5"),
        ];
        var forward = EntityIndex.Identities(rows);
        var backward = EntityIndex.Identities(rows.Reverse());
        Assert.Equal("e-b", forward["e-a"]);
        Assert.Equal(forward.OrderBy(p => p.Key, StringComparer.Ordinal), backward.OrderBy(p => p.Key, StringComparer.Ordinal));
        // Joined with nothing: its own identity.
        Assert.Equal("e-c", forward["e-c"]);
    }

    [Fact]
    public void RowsOfOneIdFromSeveralStoriesCountOnceAndKeepTheirId()
    {
        var identities = EntityIndex.Identities([
            Row("e-same", "Quorra Valley", EntityType.Place, "d-1"),
            Row("e-same", "Quorra Valley", EntityType.Place, "d-2"),
            Row("e-other", "Brenholt", EntityType.Place, "d-3"),
        ]);
        Assert.Equal(2, identities.Count);
        Assert.Equal("e-same", identities["e-same"]);
        Assert.Equal("e-other", identities["e-other"]);
    }

    /// <summary>An entity as a story resolved it, with the other names the story joined into it.</summary>
    private static Entity Row(string id, string name, EntityType type, string[] aliases, params string[] documents) =>
        Row(id, name, type, documents) with { Aliases = aliases };

    [Fact]
    public void AOneWordNameJoinsTheOneEntityAStoryAlreadyKnewItBy()
    {
        // "Corvane" could be either firm by its words, but one story joined "Corvane" into "Corvane Motors".
        var identities = EntityIndex.Identities([
            Row("e-motors", "Corvane Motors", EntityType.Organization, ["Corvane"], "d-1"),
            Row("e-holdings", "Corvane Holdings", EntityType.Organization, "d-2"),
            Row("e-short", "Corvane", EntityType.Organization, "d-3", "d-4"),
        ]);
        Assert.Equal(identities["e-short"], identities["e-motors"]);
        Assert.NotEqual(identities["e-short"], identities["e-holdings"]);

        // Two entities a story knew by that name: it joins neither.
        var two = EntityIndex.Identities([
            Row("e-motors", "Corvane Motors", EntityType.Organization, ["Corvane"], "d-1"),
            Row("e-holdings", "Corvane Holdings", EntityType.Organization, ["Corvane"], "d-2"),
            Row("e-short", "Corvane", EntityType.Organization, "d-3"),
        ]);
        Assert.Equal("e-short", two["e-short"]);
    }

    [Fact]
    public void AFirmIsNotTheChannelOrDeviceNamedAfterIt()
    {
        // "Orlin TV" is a device (or a channel) of the firm Orlin, not another name of it: "Orlin" joins "Orlin Computer".
        var identities = EntityIndex.Identities([
            Row("e-computer", "Orlin Computer", EntityType.Organization, "d-1"),
            Row("e-tv", "Orlin TV", EntityType.Organization, "d-2"),
            Row("e-short", "Orlin", EntityType.Organization, "d-3"),
        ]);
        Assert.Equal(identities["e-computer"], identities["e-short"]);
        Assert.NotEqual(identities["e-computer"], identities["e-tv"]);
    }
}
