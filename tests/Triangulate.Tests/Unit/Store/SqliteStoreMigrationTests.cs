using Microsoft.Data.Sqlite;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

/// <summary>Opening a SQLite store made by an earlier schema.</summary>
public class SqliteStoreMigrationTests
{
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
