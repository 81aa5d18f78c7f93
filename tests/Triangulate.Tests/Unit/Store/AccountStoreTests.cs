using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

/// <summary>The accounts a served corpus keeps: the same contract on every store.</summary>
public sealed class AccountStoreTests(TestStores stores) : IClassFixture<TestStores>
{
    private static Account Account(string name, AccountRole role = AccountRole.Read, string hash = "hash-of-a-password") => new(name, hash, role, Triangulate.Store.Account.NewStamp());

    private IAccountStore Open(string kind, string? name = null) => (IAccountStore)stores.Open(kind, name);

    [Theory, SqliteData, PostgresData]
    public void Accounts_are_kept_by_name_in_any_case_and_survive_reopening(string kind)
    {
        var name = TestStores.NewName();
        var store = Open(kind, name);
        using (store as IDisposable)
        {
            Assert.True(store.AddAccount(Account("Zoe", AccountRole.Write)));
            Assert.True(store.AddAccount(Account("adam")));
            Assert.False(store.AddAccount(Account("ZOE")), "a name taken in another case");
        }
        var reopened = Open(kind, name);
        using (reopened as IDisposable)
        {
            Assert.Equal(["adam", "Zoe"], reopened.ReadAccounts().Select(a => a.Name));
            var zoe = reopened.FindAccount("zoe")!;
            Assert.Equal(("Zoe", AccountRole.Write), (zoe.Name, zoe.Role));
            Assert.Null(reopened.FindAccount("nobody"));
        }
    }

    [Theory, SqliteData, PostgresData]
    public void An_update_changes_the_hash_role_and_stamp_and_a_removal_forgets_the_account(string kind)
    {
        var store = Open(kind);
        using var _ = store as IDisposable;
        var before = Account("ana");
        store.AddAccount(before);
        var after = before with { PasswordHash = "another-hash", Role = AccountRole.Write, Stamp = Triangulate.Store.Account.NewStamp() };
        Assert.True(store.UpdateAccount(after));
        Assert.Equal(after, store.FindAccount("ana"));
        Assert.False(store.UpdateAccount(Account("nobody")));
        Assert.True(store.RemoveAccount("ANA"));
        Assert.False(store.RemoveAccount("ana"));
        Assert.Empty(store.ReadAccounts());
    }

    [Theory, SqliteData, PostgresData]
    public void An_empty_password_hash_or_an_unknown_role_cannot_be_stored(string kind)
    {
        var store = Open(kind);
        using var _ = store as IDisposable;
        Assert.ThrowsAny<System.Data.Common.DbException>(() => store.AddAccount(Account("ana", hash: "")));
        if (store is SqliteStore sqlite)
            Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => sqlite.Execute("INSERT INTO accounts (name, password_hash, role, stamp) VALUES ('bo', 'h', 'admin', 's')"));
        Assert.Empty(store.ReadAccounts());
    }
}
