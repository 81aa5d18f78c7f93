using Microsoft.AspNetCore.Identity;
using Triangulate.Store;
using Triangulate.Tests.Support;
using Triangulate.Web.Auth;

namespace Triangulate.Tests.EndToEnd;

/// <summary><c>triangulate users</c> and <c>serve</c>'s refusal, run in-process with the console swapped (one collection).</summary>
[Collection(ConsoleTests.Name)]
public sealed class UsersCommandTests
{
    private static (int Code, string Out, string Error) Run(string? stdin, params string[] args)
    {
        var (previousIn, previousOut, previousError) = (Console.In, Console.Out, Console.Error);
        using var input = new StringReader(stdin ?? "");
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetIn(input);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (Triangulate.Cli.TriangulateCli.Run(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetIn(previousIn);
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }

    [Fact]
    public void Accounts_are_added_listed_given_a_new_password_and_removed()
    {
        using var folder = new TempFolder();
        var db = folder.File("corpus.db");
        Assert.Equal(0, Run("first-secret\n", "users", "add", "ana", "--db", db, "--role", "write", "--password-stdin").Code);
        Assert.Equal(0, Run("second-secret\n", "users", "add", "bo", "--db", db, "--password-stdin").Code);
        var (code, listed, _) = Run(null, "users", "list", "--db", db);
        Assert.Equal(0, code);
        Assert.Equal(["ana\twrite", "bo\tread"], listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        using (var store = SqliteStore.Open(db))
        {
            var ana = store.FindAccount("ana")!;
            Assert.NotEqual(PasswordVerificationResult.Failed, Passwords.Verify(ana, "first-secret"));
            Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify(ana, "second-secret"));
        }
        var stamp = Stamp(db, "ana");
        Assert.Equal(0, Run("third-secret\n", "users", "password", "ana", "--db", db, "--password-stdin").Code);
        using (var store = SqliteStore.Open(db)) Assert.NotEqual(PasswordVerificationResult.Failed, Passwords.Verify(store.FindAccount("ana"), "third-secret"));
        Assert.NotEqual(stamp, Stamp(db, "ana"));
        Assert.Equal(0, Run(null, "users", "remove", "ANA", "--db", db).Code);
        Assert.Equal(["bo\tread"], Run(null, "users", "list", "--db", db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("", "an account needs a password")]
    [InlineData("\n", "an account needs a password")]
    [InlineData("short\n", "too short")]
    public void An_account_is_not_made_without_a_password_of_eight_characters(string stdin, string message)
    {
        using var folder = new TempFolder();
        var db = folder.File("corpus.db");
        var (code, _, error) = Run(stdin, "users", "add", "ana", "--db", db, "--password-stdin");
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        using var store = SqliteStore.Open(db);
        Assert.Empty(store.ReadAccounts());
    }

    [Fact]
    public void A_taken_name_a_bad_name_a_bad_role_and_an_unknown_account_are_refused()
    {
        using var folder = new TempFolder();
        var db = folder.File("corpus.db");
        Assert.Equal(0, Run("first-secret\n", "users", "add", "ana", "--db", db, "--password-stdin").Code);
        var taken = Run("other-secret\n", "users", "add", "Ana", "--db", db, "--password-stdin");
        Assert.Equal(2, taken.Code);
        Assert.Contains("already an account", taken.Error, StringComparison.Ordinal);
        Assert.Equal(2, Run("first-secret\n", "users", "add", "a b", "--db", db, "--password-stdin").Code);
        Assert.Equal(2, Run("first-secret\n", "users", "add", "cy", "--db", db, "--role", "admin", "--password-stdin").Code);
        Assert.Equal(2, Run(null, "users", "remove", "nobody", "--db", db).Code);
        Assert.Equal(2, Run(null, "users", "list", "--db", folder.File("missing.db")).Code);
        using var store = SqliteStore.Open(db);
        Assert.Equal(["ana"], store.ReadAccounts().Select(a => a.Name));
    }

    [Fact]
    public void Serve_beyond_loopback_refuses_a_store_with_no_accounts_in_one_line()
    {
        using var folder = new TempFolder();
        var db = folder.File("corpus.db");
        var (code, _, error) = Run(null, "serve", "--db", db, "--urls", "http://0.0.0.0:0");
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("no accounts", line, StringComparison.Ordinal);
        Assert.Contains("triangulate users add", line, StringComparison.Ordinal);
        Assert.Equal(2, Run(null, "serve", "--db", db, "--require-login").Code);
    }

    private static string Stamp(string db, string name)
    {
        using var store = SqliteStore.Open(db);
        return store.FindAccount(name)!.Stamp;
    }
}
