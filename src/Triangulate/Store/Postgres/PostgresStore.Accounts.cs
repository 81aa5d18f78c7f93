using Npgsql;

namespace Triangulate.Store.Postgres;

/// <summary>The accounts of the corpus, in the database's <c>accounts</c> table (names unique in any case, as in SQLite).</summary>
public sealed partial class PostgresStore : IAccountStore
{
    private const string AccountColumns = "name, password_hash, role, stamp";

    /// <inheritdoc />
    public IReadOnlyList<Account> ReadAccounts()
    {
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, $"SELECT {AccountColumns} FROM accounts ORDER BY lower(name), name");
        using var reader = command.ExecuteReader();
        var accounts = new List<Account>();
        while (reader.Read()) accounts.Add(ReadAccount(reader));
        return accounts;
    }

    /// <inheritdoc />
    public Account? FindAccount(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, $"SELECT {AccountColumns} FROM accounts WHERE lower(name) = lower($1)", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadAccount(reader) : null;
    }

    /// <inheritdoc />
    public bool AddAccount(Account account) =>
        WriteAccount(account, $"INSERT INTO accounts ({AccountColumns}) VALUES ($1, $2, $3, $4) ON CONFLICT (lower(name)) DO NOTHING");

    /// <inheritdoc />
    public bool UpdateAccount(Account account) =>
        WriteAccount(account, "UPDATE accounts SET password_hash = $2, role = $3, stamp = $4 WHERE lower(name) = lower($1)");

    /// <inheritdoc />
    public bool RemoveAccount(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, "DELETE FROM accounts WHERE lower(name) = lower($1)", name);
        return command.ExecuteNonQuery() > 0;
    }

    private bool WriteAccount(Account account, string sql)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, sql, account.Name, account.PasswordHash, AccountRoles.Name(account.Role), account.Stamp);
        return command.ExecuteNonQuery() > 0;
    }

    private static Account ReadAccount(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), AccountRoles.Parse(reader.GetString(2)) ?? AccountRole.Read, reader.GetString(3));
}
