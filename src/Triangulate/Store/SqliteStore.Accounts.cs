using Microsoft.Data.Sqlite;

namespace Triangulate.Store;

/// <summary>The accounts of the corpus, in the store's <c>accounts</c> table (migration 4).</summary>
public sealed partial class SqliteStore : IAccountStore
{
    private const string AccountColumns = "name, password_hash, role, stamp";

    /// <inheritdoc />
    public IReadOnlyList<Account> ReadAccounts()
    {
        lock (_lock)
        {
            using var command = Command(null, $"SELECT {AccountColumns} FROM accounts ORDER BY name");
            using var reader = command.ExecuteReader();
            var accounts = new List<Account>();
            while (reader.Read()) accounts.Add(ReadAccount(reader));
            return accounts;
        }
    }

    /// <inheritdoc />
    /// <remarks>A point read: a signed-in session is checked against its account on every request.</remarks>
    public Account? FindAccount(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return PointRead(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {AccountColumns} FROM accounts WHERE name = $name";
            command.Parameters.AddWithValue("$name", name);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadAccount(reader) : null;
        });
    }

    /// <inheritdoc />
    public bool AddAccount(Account account) =>
        WriteAccount(account, $"INSERT INTO accounts ({AccountColumns}) VALUES ($name, $hash, $role, $stamp) ON CONFLICT (name) DO NOTHING");

    /// <inheritdoc />
    public bool UpdateAccount(Account account) =>
        WriteAccount(account, "UPDATE accounts SET password_hash = $hash, role = $role, stamp = $stamp WHERE name = $name");

    /// <inheritdoc />
    public bool RemoveAccount(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            using var command = Command(null, "DELETE FROM accounts WHERE name = $name");
            command.Parameters.AddWithValue("$name", name);
            return command.ExecuteNonQuery() > 0;
        }
    }

    private bool WriteAccount(Account account, string sql)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_lock)
        {
            using var command = Command(null, sql);
            command.Parameters.AddWithValue("$name", account.Name);
            command.Parameters.AddWithValue("$hash", account.PasswordHash);
            command.Parameters.AddWithValue("$role", AccountRoles.Name(account.Role));
            command.Parameters.AddWithValue("$stamp", account.Stamp);
            return command.ExecuteNonQuery() > 0;
        }
    }

    private static Account ReadAccount(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), AccountRoles.Parse(reader.GetString(2)) ?? AccountRole.Read, reader.GetString(3));
}
