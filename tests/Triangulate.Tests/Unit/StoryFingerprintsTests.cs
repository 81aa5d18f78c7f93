using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit;

public sealed class StoryFingerprintsTests
{
    [Fact]
    public void AFingerprintHashesTheStoryItsMembersGroupsAndRelationsAsCompactJson()
    {
        var context = new InMemoryCorpus().Context();
        context.IndependenceGroups["d-2"] = "g-ünï";
        context.Relations.Add(new Relation { From = "d-2", To = "d-1", Kind = RelationKind.Rewrite, Score = 0.75, Evidence = [new AlignedPassage(new TextSpan("d-2", 3, 40), new TextSpan("d-1", 0, 37))] });
        context.Relations.Add(new Relation { From = "d-2", ToOutlet = "Crônica \"Diária\"", Kind = RelationKind.Cites });
        context.Relations.Add(new Relation { From = "d-9", To = "d-1", Kind = RelationKind.Cites });
        var story = new Story { Id = "s-1", Title = "Über the bridge — “closed”", Documents = ["d-1", "d-2"], First = new PartialDate(2024, 5, 1), IndependentSources = 2 };
        var fingerprints = new StoryFingerprints(context, "configuration");

        Assert.Equal(Reference(story, context, "configuration"), fingerprints.Of(story));
        // Once more on the same thread: the kept buffer starts empty.
        Assert.Equal(Reference(story, context, "configuration"), fingerprints.Of(story));
        Assert.NotEqual(fingerprints.Of(story), fingerprints.Of(story with { Documents = ["d-1"] }));
    }

    /// <summary>Each part serialised to a string and encoded, as the fingerprint was first written.</summary>
    private static string Reference(Story story, CorpusContext context, string configuration)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData("\u001f"u8);
        }
        Add(configuration);
        Add(JsonSerializer.Serialize(story, ModelJson.Compact.Story));
        foreach (var document in story.Documents)
        {
            Add(document);
            Add(context.GroupOf(document));
            foreach (var relation in context.Relations.Where(r => r.From == document)) Add(JsonSerializer.Serialize(relation, ModelJson.Compact.Relation));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
