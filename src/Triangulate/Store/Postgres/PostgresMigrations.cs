namespace Triangulate.Store.Postgres;

/// <summary>
/// The PostgreSQL store's schema, as numbered steps: table <c>schema_migrations</c> holds one row per step applied;
/// opening a store runs the missing ones, one transaction each, under an advisory lock so that several processes
/// opening one database at once migrate it once. Never edit a published step: add one.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>The table that records the steps applied (made before any step runs).</summary>
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer PRIMARY KEY,
            applied timestamptz NOT NULL DEFAULT now()
        )
        """;

    /// <summary>
    /// The same tables as the SQLite store's, keyed the same way. Text keys that are read in order use the "C"
    /// collation: ids, sources and errors then sort by code point as in SQLite, whatever the server's locale.
    /// </summary>
    public static readonly string[] All =
    [
        // 1: documents keyed by content and arrival, problems, per-story rows, relations, links, the linking stages'
        // state and the full-text index.
        """
        CREATE TABLE documents (
            id text COLLATE "C" PRIMARY KEY,
            sha256 text NOT NULL UNIQUE,
            source text NOT NULL,
            format text NOT NULL,
            pipeline_version text NOT NULL,
            document text NOT NULL,
            analysis text NOT NULL,
            raw bytea NOT NULL,
            -- The place in the arrival order (the linking stages run online in it), and whether they have seen it.
            seq bigint NOT NULL,
            linked boolean NOT NULL DEFAULT false
        );
        CREATE INDEX documents_arrival ON documents (seq, id);
        CREATE INDEX documents_unlinked ON documents (seq, id) WHERE NOT linked;
        -- Raw bytes arrive gzip-compressed: compressing them again when stored out of line would be wasted work.
        ALTER TABLE documents ALTER COLUMN raw SET STORAGE EXTERNAL;
        CREATE TABLE problems (
            source text COLLATE "C" NOT NULL,
            error text COLLATE "C" NOT NULL
        );
        -- Unique by digest: a B-tree entry holds at most about 2.7 KB, and an error message may be longer.
        CREATE UNIQUE INDEX problems_key ON problems (md5(source), md5(error));
        CREATE TABLE corpus (
            name text PRIMARY KEY,
            json text NOT NULL
        );
        -- Stories are read in the order of their first document: one written later keeps its place.
        CREATE TABLE stories (
            id text COLLATE "C" PRIMARY KEY,
            first_document text COLLATE "C" NOT NULL,
            fingerprint text NOT NULL,
            story text NOT NULL,
            findings text NOT NULL
        );
        CREATE INDEX stories_first ON stories (first_document);
        CREATE TABLE document_links (
            document text COLLATE "C" PRIMARY KEY,
            story text COLLATE "C",
            independence_group text NOT NULL
        );
        CREATE INDEX document_links_story ON document_links (story);
        CREATE TABLE relations (
            ord bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            from_document text COLLATE "C" NOT NULL,
            to_document text COLLATE "C",
            relation text NOT NULL
        );
        CREATE INDEX relations_from ON relations (from_document, ord);
        CREATE INDEX relations_to ON relations (to_document);
        CREATE TABLE entities (
            ord bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id text COLLATE "C" NOT NULL,
            story text COLLATE "C" NOT NULL,
            entity text NOT NULL
        );
        CREATE INDEX entities_id ON entities (id, story, ord);
        CREATE INDEX entities_story ON entities (story);
        -- One row per searchable text; words is the text's tsvector (made by PostgresText, so that the index, the
        -- query and the snippet split words alike), found through the GIN index.
        CREATE TABLE search (
            kind text NOT NULL,
            id text COLLATE "C" NOT NULL,
            story text COLLATE "C",
            document text NOT NULL,
            text text NOT NULL,
            words tsvector NOT NULL
        );
        CREATE INDEX search_words ON search USING gin (words);
        CREATE UNIQUE INDEX search_document ON search (id) WHERE kind = 'document';
        CREATE INDEX search_story ON search (story);
        -- What the linking stages remember between runs, as keyed values.
        CREATE TABLE link_state (
            space integer NOT NULL,
            key bigint NOT NULL,
            value bytea NOT NULL,
            PRIMARY KEY (space, key)
        );
        -- Accounts that may sign in when the store is served beyond loopback (password hashes only).
        CREATE TABLE accounts (
            name text NOT NULL,
            password_hash text NOT NULL CHECK (length(password_hash) > 0),
            role text NOT NULL CHECK (role IN ('read', 'write')),
            stamp text NOT NULL
        );
        CREATE UNIQUE INDEX accounts_name ON accounts (lower(name));
        """,
    ];
}
