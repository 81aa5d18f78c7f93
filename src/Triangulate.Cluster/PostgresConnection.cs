using Npgsql;

namespace Triangulate.Cluster;

/// <summary>Reads a PostgreSQL location given as a URL (<c>postgres://user:password@host:port/database</c>) or as a connection string.</summary>
public static class PostgresConnection
{
    /// <summary>True when <paramref name="location"/> names a PostgreSQL server rather than a file.</summary>
    public static bool IsPostgres(string location) => Store.Postgres.PostgresConnectionString.Recognises(location);

    /// <summary>The server and database <paramref name="location"/> names, however it is written (credentials and options aside).</summary>
    public static string Canonical(string location)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(location));
        return $"postgres://{builder.Host?.ToUpperInvariant()}:{builder.Port}/{builder.Database}";
    }

    /// <summary>The Npgsql connection string of <paramref name="location"/>.</summary>
    public static string ConnectionString(string location) => Store.Postgres.PostgresConnectionString.From(location);
}
