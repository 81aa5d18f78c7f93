using Npgsql;

namespace Triangulate.Cluster;

/// <summary>
/// Creates our own tables the cluster's membership is kept in, on PostgreSQL: one version row per cluster
/// (<c>triangulate_cluster_version</c>) and one row per silo (<c>triangulate_cluster_members</c>). Idempotent and safe
/// when several workers start at once: the statements run in one transaction under an advisory lock.
/// </summary>
public static class ClusterSchema
{
    /// <summary>Any fixed number: the advisory lock every worker takes while it creates the schema.</summary>
    private const long LockKey = 0x7472_6961_6e67;

    private const string Create = """
        CREATE TABLE IF NOT EXISTS triangulate_cluster_version (
            cluster_id text PRIMARY KEY,
            version integer NOT NULL,
            etag bigint NOT NULL);
        CREATE TABLE IF NOT EXISTS triangulate_cluster_members (
            cluster_id text NOT NULL,
            silo text NOT NULL,
            status integer NOT NULL,
            proxy_port integer NOT NULL,
            host_name text NOT NULL,
            silo_name text NOT NULL,
            role_name text NOT NULL,
            update_zone integer NOT NULL,
            fault_zone integer NOT NULL,
            start_time timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            suspect_times text NOT NULL,
            etag bigint NOT NULL,
            PRIMARY KEY (cluster_id, silo));
        """;

    /// <summary>Creates what is missing of the schema in the database of <paramref name="connectionString"/>.</summary>
    public static async Task EnsureAsync(string connectionString, CancellationToken cancellation = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        // CREATE TABLE IF NOT EXISTS alone races on PostgreSQL's catalog when two workers start together.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        await using (var create = new NpgsqlCommand(Create, connection, transaction))
            await create.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }
}
