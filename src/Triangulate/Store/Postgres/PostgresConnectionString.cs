using Npgsql;

namespace Triangulate.Store.Postgres;

/// <summary>
/// What names a PostgreSQL database for <c>--db</c>: a URL (<c>postgres://user:password@host:port/database?sslmode=require</c>,
/// the form libpq and most hosting services give) or an Npgsql connection string (<c>Host=…;Database=…;Username=…</c>).
/// </summary>
public static class PostgresConnectionString
{
    // libpq's URL parameters under the names Npgsql knows them by; others are passed to Npgsql as they are.
    private static readonly Dictionary<string, string> QueryNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["user"] = "Username",
        ["dbname"] = "Database",
    };

    /// <summary>True when <paramref name="db"/> names a PostgreSQL database rather than a file.</summary>
    public static bool Recognises(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (IsUrl(db)) return true;
        // A connection string names its host; a file path that parses as one with a host is not a plausible file name.
        if (!db.Contains('=', StringComparison.Ordinal)) return false;
        try
        {
            return !string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(db).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The Npgsql connection string for <paramref name="db"/> (a URL converted, a connection string as it is).</summary>
    public static string From(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!IsUrl(db)) return new NpgsqlConnectionStringBuilder(db).ConnectionString;
        var uri = new Uri(db);
        var builder = new NpgsqlConnectionStringBuilder();
        if (uri.Host.Length > 0) builder.Host = uri.Host.Trim('[', ']');
        if (uri.Port > 0) builder.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            builder[QueryNames.GetValueOrDefault(key, key)] = value;
        }
        return builder.ConnectionString;
    }

    /// <summary>The database and server <paramref name="db"/> names, for messages: never its password.</summary>
    public static string Describe(string db)
    {
        var builder = new NpgsqlConnectionStringBuilder(From(db));
        return $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
    }

    private static bool IsUrl(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
}
