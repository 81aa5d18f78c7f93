using System.Reflection;
using Npgsql;
using Xunit.Sdk;

namespace Triangulate.Tests.Support;

/// <summary>
/// A database of its own for one test class, on the PostgreSQL server that <c>TRIANGULATE_TEST_POSTGRES</c> names (a
/// connection string whose user may CREATE DATABASE; test.sh starts a throwaway server and sets it). Made on first use,
/// dropped when disposed. Without the variable the tests that need it are reported skipped, as dataset tests are.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    /// <summary>The environment variable naming the server.</summary>
    public const string Variable = "TRIANGULATE_TEST_POSTGRES";

    private readonly Lock _lock = new();
    private string? _name;

    /// <summary>The server's connection string, or null when none is configured.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

    /// <summary>Why PostgreSQL tests are skipped, or null when a server is configured.</summary>
    public static string? SkipReason => Server is null ? $"{Variable} is not set (test.sh starts a throwaway PostgreSQL server and sets it)" : null;

    /// <summary>The connection string of this class's database (made on first use).</summary>
    public string ConnectionString
    {
        get
        {
            var server = Server ?? throw new InvalidOperationException(SkipReason);
            lock (_lock)
            {
                if (_name is null)
                {
                    var name = "triangulate_test_" + Guid.NewGuid().ToString("N");
                    Execute(server, $"CREATE DATABASE {name}");
                    _name = name;
                }
                return new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
            }
        }
    }

    /// <summary>
    /// The connection string of a fresh, empty schema in this class's database (each test's store starts empty; a test
    /// reopens its store by asking again with the same name).
    /// </summary>
    public string Schema(string name)
    {
        var connection = ConnectionString;
        Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {name}");
        return new NpgsqlConnectionStringBuilder(connection) { SearchPath = name }.ConnectionString;
    }

    /// <summary>Drops the database (closing the pooled connections to it first).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_name is null || Server is not { } server) return;
            NpgsqlConnection.ClearAllPools();
            Execute(server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
            _name = null;
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        // Unpooled: the pool would keep a connection to the database that Dispose drops.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A fact that is reported skipped when no PostgreSQL server is configured (<see cref="PostgresTestDatabase.Variable"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Skips unless a server is configured.</summary>
    public PostgresFactAttribute() => Skip = PostgresTestDatabase.SkipReason;
}

/// <summary>
/// The theory row <c>"postgres"</c> (with <see cref="SqliteDataAttribute"/>: a store test run on both stores), reported
/// skipped when no PostgreSQL server is configured.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresDataAttribute : DataAttribute
{
    /// <summary>The row's value.</summary>
    public const string Kind = "postgres";

    /// <summary>Skips unless a server is configured.</summary>
    public PostgresDataAttribute() => Skip = PostgresTestDatabase.SkipReason;

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Kind]];
}

/// <summary>The theory row <c>"sqlite"</c>: the embedded store, always run.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteDataAttribute : DataAttribute
{
    /// <summary>The row's value.</summary>
    public const string Kind = "sqlite";

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Kind]];
}
