using Triangulate.Store;
using Triangulate.Web;
using Triangulate.Web.Auth;

namespace Triangulate.Tests.Support;

/// <summary>
/// The web app listening on every interface (not loopback, so it asks for a sign-in), over a store with a reader and
/// a writer account.
/// </summary>
public sealed class AccountsWebAppFixture : WebAppFixture
{
    public const string Reader = "reader";
    public const string ReaderPassword = "reader-secret-1";
    public const string Writer = "writer";
    public const string WriterPassword = "writer-secret-2";

    protected override WebHostOptions Configure(WebHostOptions options) => options with { Urls = "http://0.0.0.0:0", SignInAttemptsPerMinute = 1000 };

    protected override void Prepare(SqliteStore store)
    {
        store.AddAccount(new Account(Reader, Passwords.Hash(ReaderPassword), AccountRole.Read, Account.NewStamp()));
        store.AddAccount(new Account(Writer, Passwords.Hash(WriterPassword), AccountRole.Write, Account.NewStamp()));
    }
}
