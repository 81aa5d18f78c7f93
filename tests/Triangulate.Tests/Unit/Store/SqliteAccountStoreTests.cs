using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

public sealed class SqliteAccountStoreTests
{
    private static Account Account(string name, AccountRole role = AccountRole.Read, string hash = "hash-of-a-password") => new(name, hash, role, Triangulate.Store.Account.NewStamp());

    [Fact]
    public void Accounts_are_kept_by_name_in_any_case_and_survive_reopening()
    {
        using var folder = new TempFolder();
        var path = folder.File("corpus.db");
        using (var store = SqliteStore.Open(path))
        {
            Assert.True(store.AddAccount(Account("Zoe", AccountRole.Write)));
            Assert.True(store.AddAccount(Account("adam")));
            Assert.False(store.AddAccount(Account("ZOE")), "a name taken in another case");
        }
        using var reopened = SqliteStore.Open(path);
        Assert.Equal(["adam", "Zoe"], reopened.ReadAccounts().Select(a => a.Name));
        var zoe = reopened.FindAccount("zoe")!;
        Assert.Equal(("Zoe", AccountRole.Write), (zoe.Name, zoe.Role));
        Assert.Null(reopened.FindAccount("nobody"));
    }

    [Fact]
    public void An_update_changes_the_hash_role_and_stamp_and_a_removal_forgets_the_account()
    {
        using var store = SqliteStore.Open(":memory:");
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

    [Fact]
    public void An_empty_password_hash_or_an_unknown_role_cannot_be_stored()
    {
        using var store = SqliteStore.Open(":memory:");
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => store.AddAccount(Account("ana", hash: "")));
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => store.Execute("INSERT INTO accounts (name, password_hash, role, stamp) VALUES ('bo', 'h', 'admin', 's')"));
        Assert.Empty(store.ReadAccounts());
    }
}
