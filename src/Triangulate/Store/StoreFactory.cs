using Triangulate.Store.Postgres;

namespace Triangulate.Store;

/// <summary>Opens the store that <c>--db</c> names: a PostgreSQL database (URL or connection string), else a SQLite file.</summary>
public static class StoreFactory
{
    /// <summary>
    /// Opens <paramref name="db"/>: <c>postgres://user:password@host:port/database</c> or <c>Host=…;Database=…</c> opens
    /// the PostgreSQL store (shared by several processes and people); anything else is the path of a SQLite file (made
    /// when missing), the embedded default that needs no server.
    /// </summary>
    public static IStore Open(string db) => IsServer(db) ? PostgresStore.Open(db) : SqliteStore.Open(db);

    /// <summary>What <paramref name="db"/> names, fit for a message or a log (a server's password left out).</summary>
    public static string Describe(string db) => IsServer(db) ? PostgresConnectionString.Describe(db) : db;

    /// <summary>True when <paramref name="db"/> names a database server rather than a file.</summary>
    public static bool IsServer(string db) => PostgresConnectionString.Recognises(db);
}
