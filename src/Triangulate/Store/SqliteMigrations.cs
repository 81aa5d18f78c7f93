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
        // 3: results as rows keyed by story and document, written per story and read per story (a whole-corpus value
        // grows with the store and was rewritten and read whole); search rows found by key, not by a scan of the
        // full-text table (an FTS5 table finds rows only by rowid or MATCH: deleting by id read every row).
        """
        DROP TABLE search;
        CREATE VIRTUAL TABLE search USING fts5(
            kind UNINDEXED, id UNINDEXED, document UNINDEXED, text,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TABLE search_keys (
            rowid INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            story TEXT
        );
        CREATE INDEX search_keys_id ON search_keys (kind, id);
        CREATE INDEX search_keys_story ON search_keys (story);
        INSERT INTO search_keys (kind, id) SELECT 'document', id FROM documents ORDER BY id;
        INSERT INTO search (rowid, kind, id, document, text)
            SELECT k.rowid, 'document', d.id, d.id, coalesce(json_extract(d.document, '$.title'), '') || char(10) || json_extract(d.document, '$.text')
            FROM search_keys k JOIN documents d ON d.id = k.id;
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            ord INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            story TEXT NOT NULL,
            findings TEXT NOT NULL
        );
        CREATE INDEX stories_ord ON stories (ord);
        CREATE TABLE document_links (
            document TEXT PRIMARY KEY,
            story TEXT,
            independence_group TEXT NOT NULL
        );
        CREATE INDEX document_links_story ON document_links (story);
        CREATE TABLE relations (
            ord INTEGER PRIMARY KEY,
            from_document TEXT NOT NULL,
            to_document TEXT,
            relation TEXT NOT NULL
        );
        CREATE INDEX relations_from ON relations (from_document);
        CREATE INDEX relations_to ON relations (to_document);
        CREATE TABLE entities (
            ord INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            story TEXT NOT NULL,
            entity TEXT NOT NULL
        );
        CREATE INDEX entities_id ON entities (id);
        CREATE INDEX entities_story ON entities (story);
        DELETE FROM corpus;
        """,
        // 4: the linking stages run online in arrival order and remember what they need between runs: each document's
        // place in that order and whether they have seen it, their state as keyed values, stories read in the order
        // of their first document (a story written later keeps its place without renumbering the others).
        """
        ALTER TABLE documents ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE documents ADD COLUMN linked INTEGER NOT NULL DEFAULT 0;
        UPDATE documents SET seq = rowid;
        CREATE INDEX documents_arrival ON documents (seq, id);
        CREATE INDEX documents_unlinked ON documents (linked, seq, id);
        CREATE TABLE link_state (
            space INTEGER NOT NULL,
            key INTEGER NOT NULL,
            value BLOB NOT NULL,
            PRIMARY KEY (space, key)
        ) WITHOUT ROWID;
        ALTER TABLE stories ADD COLUMN first_document TEXT NOT NULL DEFAULT '';
        UPDATE stories SET first_document = coalesce(json_extract(story, '$.documents[0]'), id);
        CREATE INDEX stories_first ON stories (first_document);
        CREATE INDEX entities_order ON entities (id, story, ord);
        """,
        // 5: accounts that may sign in when the store is served beyond loopback (password hashes only; names unique in any case).
        """
        CREATE TABLE accounts (
            name TEXT PRIMARY KEY COLLATE NOCASE,
            password_hash TEXT NOT NULL CHECK (length(password_hash) > 0),
            role TEXT NOT NULL CHECK (role IN ('read', 'write')),
            stamp TEXT NOT NULL
        );
        """,
    ];
}
