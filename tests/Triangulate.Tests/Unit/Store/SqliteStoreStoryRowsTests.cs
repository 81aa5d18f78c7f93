using Microsoft.Data.Sqlite;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

/// <summary>The store's per-story rows: written per story, read per story, and the whole assembled from them.</summary>
public class SqliteStoreStoryRowsTests
{
    private static Entity Entity(string id, string name, string document, int mentions) => new()
    {
        Id = id,
        Name = name,
        Type = EntityType.Person,
        Mentions = [.. Enumerable.Range(0, mentions).Select(i => new TextSpan(document, i, i + 1))],
    };

    private static StoryFindings Findings(string id, string document, string fingerprint, params Entity[] entities) => new()
    {
        Story = new Story { Id = id, Title = id, Documents = [document] },
        Fingerprint = fingerprint,
        Entities = entities,
        Claims = [new Claim { Id = "c-" + id, Kind = ClaimKind.Status, Text = "claim of " + id, Story = id, Mentions = [], Sources = [document], IndependentSources = 1, Verdict = Verdict.SingleSource }],
    };

    [Fact]
    public void A_story_left_out_of_the_changed_list_keeps_its_findings_and_one_not_listed_is_removed()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("t.db"));
        var a = Findings("s-a", "d-1", "fa", Entity("e-x", "Ann Lee", "d-1", 2));
        var b = Findings("s-b", "d-0", "fb", Entity("e-x", "Lee", "d-0", 1));
        var c = Findings("s-c", "d-3", "fc");
        store.SaveCorpus(new CorpusLinks(), [a.Story, b.Story, c.Story], [a, b, c]);

        var b2 = b with { Fingerprint = "fb2", Claims = [] };
        store.SaveCorpus(new CorpusLinks(), [b.Story, a.Story], [b2]);

        // Stories read in the order of their first document, however they were written.
        Assert.Equal(["s-b", "s-a"], store.ReadStories().Select(s => s.Id));
        Assert.Equal("fa", store.ReadStoryFingerprints()["s-a"]);
        Assert.Equal("fb2", store.ReadStoryFingerprints()["s-b"]);
        Assert.Null(store.LoadStory("s-c"));
        Assert.Equal(["c-s-a"], store.ReadStoryPart("claims", ModelJson.Compact.ListClaim).Select(x => x.Id));
        Assert.Single(store.Search("claim of", 10), h => h.Kind == "claim");
    }

    [Fact]
    public void An_entity_in_two_stories_reads_as_one_with_every_mention_and_the_best_attested_name()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("t.db"));
        var a = Findings("s-a", "d-1", "fa", Entity("e-x", "Ann Lee", "d-1", 2), Entity("e-y", "Bo", "d-1", 1));
        var b = Findings("s-b", "d-2", "fb", Entity("e-x", "Lee", "d-2", 1));
        store.SaveCorpus(new CorpusLinks(), [a.Story, b.Story], [a, b]);

        var streamed = store.ReadEntities().ToList();
        Assert.Equal(["e-x", "e-y"], streamed.Select(e => e.Id));
        Assert.Equal("Ann Lee", streamed[0].Name);
        Assert.Equal(["Lee"], streamed[0].Aliases);
        Assert.Equal(3, streamed[0].Mentions.Count);
        Assert.Equal(3, Assert.Single(store.FindEntities(["e-x"])).Mentions.Count);
        Assert.Equal(streamed.Select(e => e.Id), store.LoadCorpus().Entities.Select(e => e.Id));
    }

    [Fact]
    public void Relations_and_groups_are_found_by_document()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("t.db"));
        var a = Findings("s-a", "d-1", "fa");
        var links = new CorpusLinks
        {
            Relations = [new Relation { From = "d-1", To = "d-2", Kind = RelationKind.Copy }, new Relation { From = "d-3", ToOutlet = "wire", Kind = RelationKind.Cites }],
            IndependenceGroups = new Dictionary<string, string> { ["d-1"] = "d-2", ["d-2"] = "d-2" },
        };
        store.SaveCorpus(links, [a.Story], [a]);
        Assert.Single(store.RelationsOf(["d-2"]));
        Assert.Equal(2, store.ReadRelations().Count());
        Assert.Equal("d-2", store.IndependenceGroupsOf(["d-1"])["d-1"]);
        Assert.Equal("s-a", store.StoryOf("d-1"));
        Assert.Null(store.StoryOf("d-3"));
    }

    [Fact]
    public void A_store_of_the_previous_schema_opens_with_its_documents_searchable()
    {
        using var temp = new TempFolder();
        var path = temp.File("old.db");
        var document = Some.DatedDocument("A harbour crane collapsed in the storm.", new DateOnly(2024, 3, 1), "a.txt");
        using (var store = SqliteStore.Open(path)) store.Save([new StoredDocument(document, new DocumentAnalysis { DocumentId = document.Id }, "x"u8.ToArray(), "text", Pipeline.Version)]);
        // Back to schema 2 as an older Triangulate left it: one full-text table keyed by scan, results in one value.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DROP TABLE search; DROP TABLE search_keys; DROP TABLE stories; DROP TABLE document_links; DROP TABLE relations; DROP TABLE entities; DROP TABLE accounts;
                DROP TABLE link_state; DROP INDEX documents_arrival; DROP INDEX documents_unlinked;
                ALTER TABLE documents DROP COLUMN seq; ALTER TABLE documents DROP COLUMN linked;
                CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, document UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO search (kind, id, document, text) SELECT 'document', id, id, json_extract(document, '$.text') FROM documents;
                PRAGMA user_version = 2;
                """;
            command.ExecuteNonQuery();
        }
        using var reopened = SqliteStore.Open(path);
        Assert.Equal(SqliteMigrations.All.Length, reopened.SchemaVersion);
        Assert.Single(reopened.Search("crane", 10), h => h.Id == document.Id);
        Assert.Empty(reopened.ReadStories());
    }
}
