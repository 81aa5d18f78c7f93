namespace Triangulate.Store;

/// <summary>
/// The store's schema, as an ordered list of migrations. <c>PRAGMA user_version</c> records how many have run;
/// opening a store runs the missing ones in one transaction each. Never edit a published migration: add one.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly string[] All =
    [
        // 1: documents keyed by content, problems, corpus-wide results.
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            pipeline_version TEXT NOT NULL,
            document TEXT NOT NULL,
            analysis TEXT NOT NULL,
            raw BLOB NOT NULL
        );
        CREATE TABLE problems (
            source TEXT NOT NULL,
            error TEXT NOT NULL,
            PRIMARY KEY (source, error)
        );
        CREATE TABLE corpus (
            name TEXT PRIMARY KEY,
            json TEXT NOT NULL
        );
        """,
        // 2: full-text search over documents (title and text), corpus claims and quotes; filled by Save and SaveCorpus.
        """
        CREATE VIRTUAL TABLE search USING fts5(
            kind UNINDEXED, id UNINDEXED, document UNINDEXED, text,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO search (kind, id, document, text)
            SELECT 'document', id, id, coalesce(json_extract(document, '$.title'), '') || char(10) || json_extract(document, '$.text') FROM documents;
        """,
    ];
}
