using System.Data;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Orleans.Runtime;

namespace Triangulate.Cluster;

/// <summary>
/// Orleans' membership table of one cluster (<paramref name="clusterId"/>), kept in our own PostgreSQL tables
/// (<see cref="ClusterSchema"/>). Orleans runs the membership protocol; this only stores the table with its optimistic
/// concurrency: a write succeeds only when the caller's table etag is the stored one (and, for an update, the row
/// etag too), and every successful write gives the table a new etag. A heartbeat (<see cref="UpdateIAmAlive"/>)
/// changes neither etag, so it never invalidates what another silo has read.
/// </summary>
public sealed class PostgresMembershipTable(string connectionString, string clusterId) : IMembershipTable
{
    private const string Columns = "silo, status, proxy_port, host_name, silo_name, role_name, update_zone, fault_zone, start_time, i_am_alive_time, suspect_times, etag";

    /// <inheritdoc />
    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        await ClusterSchema.EnsureAsync(connectionString).ConfigureAwait(false);
        if (!tryInitTableVersion) return;
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = Command("INSERT INTO triangulate_cluster_version (cluster_id, version, etag) VALUES (@cluster, 0, 0) ON CONFLICT DO NOTHING", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("DELETE FROM triangulate_cluster_members WHERE cluster_id = @cluster; DELETE FROM triangulate_cluster_version WHERE cluster_id = @cluster", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        // A silo's last known update is the later of its heartbeat and the last vote against it (declaring it dead is
        // such a vote, as Orleans documents), so a silo just declared dead stays visible; judged here, not in SQL.
        var table = await ReadAll().ConfigureAwait(false);
        var defunct = table.Members
            .Where(m => m.Item1.Status == SiloStatus.Dead && LastUpdate(m.Item1) < beforeDate.UtcDateTime)
            .Select(m => m.Item1.SiloAddress.ToParsableString())
            .ToArray();
        if (defunct.Length == 0) return;
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = Command("DELETE FROM triangulate_cluster_members WHERE cluster_id = @cluster AND silo = ANY(@silos) AND status = @dead", connection);
        command.Parameters.AddWithValue("silos", defunct);
        command.Parameters.AddWithValue("dead", (int)SiloStatus.Dead);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static DateTime LastUpdate(MembershipEntry entry) =>
        (entry.SuspectTimes ?? []).Select(s => Utc(s.Item2)).Append(Utc(entry.IAmAliveTime)).Append(Utc(entry.StartTime)).Max();

    /// <inheritdoc />
    public Task<MembershipTableData> ReadRow(SiloAddress key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ReadAsync(key.ToParsableString());
    }

    /// <inheritdoc />
    public Task<MembershipTableData> ReadAll() => ReadAsync(null);

    /// <inheritdoc />
    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        if (!await AdvanceVersionAsync(connection, transaction, tableVersion).ConfigureAwait(false)) return false;
        await using var insert = Command($"""
            INSERT INTO triangulate_cluster_members (cluster_id, {Columns})
            VALUES (@cluster, @silo, @status, @proxy_port, @host_name, @silo_name, @role_name, @update_zone, @fault_zone, @start_time, @i_am_alive_time, @suspect_times, 0)
            ON CONFLICT DO NOTHING
            """, connection, transaction);
        AddEntry(insert, entry);
        if (await insert.ExecuteNonQueryAsync().ConfigureAwait(false) != 1) return false;
        await transaction.CommitAsync().ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var rowEtag)) return false;
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        if (!await AdvanceVersionAsync(connection, transaction, tableVersion).ConfigureAwait(false)) return false;
        await using var update = Command("""
            UPDATE triangulate_cluster_members SET status = @status, proxy_port = @proxy_port, host_name = @host_name,
                silo_name = @silo_name, role_name = @role_name, update_zone = @update_zone, fault_zone = @fault_zone,
                start_time = @start_time, i_am_alive_time = @i_am_alive_time, suspect_times = @suspect_times, etag = etag + 1
            WHERE cluster_id = @cluster AND silo = @silo AND etag = @etag
            """, connection, transaction);
        AddEntry(update, entry);
        update.Parameters.AddWithValue("etag", rowEtag);
        if (await update.ExecuteNonQueryAsync().ConfigureAwait(false) != 1) return false;
        await transaction.CommitAsync().ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = Command("UPDATE triangulate_cluster_members SET i_am_alive_time = @i_am_alive_time WHERE cluster_id = @cluster AND silo = @silo", connection);
        command.Parameters.AddWithValue("silo", entry.SiloAddress.ToParsableString());
        command.Parameters.AddWithValue("i_am_alive_time", Utc(entry.IAmAliveTime));
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Sets the table's version to <paramref name="next"/> and gives it a new etag, when its etag is still the one
    /// <paramref name="next"/> carries (what the caller read); false when another write came first.
    /// </summary>
    private async Task<bool> AdvanceVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TableVersion next)
    {
        if (!long.TryParse(next.VersionEtag, NumberStyles.None, CultureInfo.InvariantCulture, out var etag)) return false;
        await using var command = Command("UPDATE triangulate_cluster_version SET version = @version, etag = etag + 1 WHERE cluster_id = @cluster AND etag = @etag", connection, transaction);
        command.Parameters.AddWithValue("version", next.Version);
        command.Parameters.AddWithValue("etag", etag);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
    }

    /// <summary>The table's version and its rows (all, or that of <paramref name="silo"/>), read in one snapshot.</summary>
    private async Task<MembershipTableData> ReadAsync(string? silo)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        // Repeatable read: the version and the rows come from one snapshot, as the interface requires.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead).ConfigureAwait(false);
        var version = new TableVersion(0, "0");
        await using (var read = Command("SELECT version, etag FROM triangulate_cluster_version WHERE cluster_id = @cluster", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync().ConfigureAwait(false))
        {
            if (await reader.ReadAsync().ConfigureAwait(false))
                version = new TableVersion(reader.GetInt32(0), reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
        }
        var rows = new List<Tuple<MembershipEntry, string>>();
        await using (var read = Command($"SELECT {Columns} FROM triangulate_cluster_members WHERE cluster_id = @cluster AND (@silo::text IS NULL OR silo = @silo)", connection, transaction))
        {
            read.Parameters.AddWithValue("silo", (object?)silo ?? DBNull.Value);
            await using var reader = await read.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false)) rows.Add(Tuple.Create(ReadEntry(reader), reader.GetInt64(11).ToString(CultureInfo.InvariantCulture)));
        }
        await transaction.CommitAsync().ConfigureAwait(false);
        return new MembershipTableData(rows, version);
    }

    private static MembershipEntry ReadEntry(NpgsqlDataReader reader) => new()
    {
        SiloAddress = SiloAddress.FromParsableString(reader.GetString(0)),
        Status = (SiloStatus)reader.GetInt32(1),
        ProxyPort = reader.GetInt32(2),
        HostName = reader.GetString(3),
        SiloName = reader.GetString(4),
        RoleName = reader.GetString(5),
        UpdateZone = reader.GetInt32(6),
        FaultZone = reader.GetInt32(7),
        StartTime = reader.GetDateTime(8),
        IAmAliveTime = reader.GetDateTime(9),
        SuspectTimes = JsonSerializer.Deserialize<string[][]>(reader.GetString(10))!
            .Select(s => Tuple.Create(SiloAddress.FromParsableString(s[0]), DateTime.Parse(s[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)))
            .ToList(),
    };

    private static void AddEntry(NpgsqlCommand command, MembershipEntry entry)
    {
        command.Parameters.AddWithValue("silo", entry.SiloAddress.ToParsableString());
        command.Parameters.AddWithValue("status", (int)entry.Status);
        command.Parameters.AddWithValue("proxy_port", entry.ProxyPort);
        command.Parameters.AddWithValue("host_name", entry.HostName ?? "");
        command.Parameters.AddWithValue("silo_name", entry.SiloName ?? "");
        command.Parameters.AddWithValue("role_name", entry.RoleName ?? "");
        command.Parameters.AddWithValue("update_zone", entry.UpdateZone);
        command.Parameters.AddWithValue("fault_zone", entry.FaultZone);
        command.Parameters.AddWithValue("start_time", Utc(entry.StartTime));
        command.Parameters.AddWithValue("i_am_alive_time", Utc(entry.IAmAliveTime));
        var suspects = (entry.SuspectTimes ?? []).Select(s => new[] { s.Item1.ToParsableString(), s.Item2.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) });
        command.Parameters.AddWithValue("suspect_times", JsonSerializer.Serialize(suspects.ToArray()));
    }

    /// <summary>Npgsql writes timestamptz only from UTC times; Orleans' times are UTC but may be unmarked.</summary>
    private static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        return connection;
    }

    /// <summary>A command on this cluster's rows (<c>@cluster</c> is bound).</summary>
    private NpgsqlCommand Command(string sql, NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
#pragma warning disable CA2100 // Every text is a constant of this class; values travel as parameters.
        var command = new NpgsqlCommand(sql, connection, transaction);
#pragma warning restore CA2100
        command.Parameters.AddWithValue("cluster", clusterId);
        return command;
    }
}
