using System.Reflection;
using Npgsql;

namespace Triangulate.Cluster;

/// <summary>
/// Creates the tables Orleans' ADO.NET clustering keeps its membership in, on PostgreSQL, with Orleans' own scripts
/// (embedded from Sql/: PostgreSQL-Main.sql, then PostgreSQL-Clustering.sql). Idempotent and safe when several workers
/// start at once: one transaction under an advisory lock runs each script only when the table it creates is missing.
/// </summary>
public static class OrleansSchema
{
    /// <summary>Any fixed number: the advisory lock every worker takes while it checks and creates the schema.</summary>
    private const long LockKey = 0x7472_6961_6e67;

    /// <summary>Each script, after the table whose presence says it has run.</summary>
    private static readonly (string Table, string Script)[] Scripts =
    [
        ("orleansquery", "PostgreSQL-Main.sql"),
        ("orleansmembershiptable", "PostgreSQL-Clustering.sql"),
    ];

    /// <summary>Whether this build carries Orleans' scripts (a build without them can join only a database that has the schema).</summary>
    public static bool ScriptsEmbedded => Scripts.All(s => Assembly.GetExecutingAssembly().GetManifestResourceInfo(ResourceName(s.Script)) is not null);

    /// <summary>Creates what is missing of the clustering schema in the database of <paramref name="connectionString"/>.</summary>
    public static async Task EnsureAsync(string connectionString, CancellationToken cancellation = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        foreach (var (table, script) in Scripts)
        {
            await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection, transaction);
            exists.Parameters.AddWithValue("table", table);
            if (await exists.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is true) continue;
#pragma warning disable CA2100 // The text is Orleans' schema script, embedded at build time; no input reaches it.
            await using var create = new NpgsqlCommand(Read(script), connection, transaction);
#pragma warning restore CA2100
            await create.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    private static string Read(string script)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName(script))
            ?? throw new InvalidOperationException($"Orleans' {script} is not embedded in this build (src/Triangulate.Cluster/Sql/{script}, from the Orleans repository's src/AdoNet); create the clustering schema with it by hand, or rebuild with it");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ResourceName(string script) => $"Triangulate.Cluster.Sql.{script}";
}
