using Npgsql;

namespace Triangulate.Cluster;

/// <summary>Reads a PostgreSQL location given as a URL (<c>postgres://user:password@host:port/database</c>) or as a connection string.</summary>
public static class PostgresConnection
{
    /// <summary>True when <paramref name="location"/> names a PostgreSQL server rather than a file.</summary>
    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || location.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server and database <paramref name="location"/> names, however it is written (credentials and options aside).</summary>
    public static string Canonical(string location)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(location));
        return $"postgres://{builder.Host?.ToUpperInvariant()}:{builder.Port}/{builder.Database}";
    }

    /// <summary>The Npgsql connection string of <paramref name="location"/>.</summary>
    public static string ConnectionString(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.Contains("://", StringComparison.Ordinal)) return new NpgsqlConnectionStringBuilder(location).ConnectionString;
        var url = new Uri(location);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port <= 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')),
        };
        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        // Query parameters are connection-string keywords (?sslmode=require&pooling=false).
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "true";
        }
        return builder.ConnectionString;
    }
}
