using Triangulate.Store;
using Triangulate.Store.Postgres;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

/// <summary>
/// Fresh stores of either kind for the store contract tests (one fixture per test class): SQLite files in a temporary
/// folder, PostgreSQL schemas in the class's own database. Each test's store starts empty.
/// </summary>
public sealed class TestStores : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly PostgresTestDatabase _postgres = new();

    /// <summary>A new store name (a file name, a schema name).</summary>
    public static string NewName() => "s" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Opens the store called <paramref name="name"/> of <paramref name="kind"/> (a new, empty one when the name is new).</summary>
    public IStore Open(string kind, string? name = null)
    {
        name ??= NewName();
        return kind switch
        {
            SqliteDataAttribute.Kind => SqliteStore.Open(_temp.File(name + ".db")),
            PostgresDataAttribute.Kind => PostgresStore.Open(_postgres.Schema(name)),
            _ => throw new ArgumentException($"no such store kind: {kind}", nameof(kind)),
        };
    }

    /// <summary>The connection string of the PostgreSQL store called <paramref name="name"/> (its schema, made when new).</summary>
    public string PostgresSchema(string name) => _postgres.Schema(name);

    /// <inheritdoc />
    public void Dispose()
    {
        _postgres.Dispose();
        _temp.Dispose();
    }
}
