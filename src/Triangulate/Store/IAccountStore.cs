namespace Triangulate.Store;

/// <summary>
/// The accounts that may sign in to a served corpus, kept in the corpus's own store: whoever holds the store holds its
/// accounts, and rights are per corpus. Names are unique regardless of case. The store keeps password hashes only;
/// hashing and checking them is the host's job. Implementations are safe to call from several threads.
/// </summary>
public interface IAccountStore
{
    /// <summary>Every account, by name.</summary>
    IReadOnlyList<Account> ReadAccounts();

    /// <summary>The account named <paramref name="name"/> (any case), or null.</summary>
    Account? FindAccount(string name);

    /// <summary>Adds an account; false (and nothing changed) when the name is taken.</summary>
    bool AddAccount(Account account);

    /// <summary>Replaces the password hash, role and stamp of the account with this name; false when there is none.</summary>
    bool UpdateAccount(Account account);

    /// <summary>Removes the account named <paramref name="name"/> (any case); false when there was none.</summary>
    bool RemoveAccount(string name);
}
