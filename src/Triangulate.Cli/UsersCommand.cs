using System.CommandLine;
using Spectre.Console;
using Triangulate.Store;
using Triangulate.Web.Auth;

namespace Triangulate.Cli;

/// <summary>
/// <c>triangulate users add|password|list|remove</c>: the accounts that may sign in when the store is served beyond
/// loopback. A password is prompted for on the terminal (twice) or read from the first line of stdin with
/// <c>--password-stdin</c>; never taken as an argument, where other users of the machine could read it.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(Options options)
    {
        var name = new Argument<string>("NAME") { Description = "The account's name (1 to 64 letters, digits, '.', '_', '-' or '@')" };
        var role = new Option<string>("--role")
        {
            Description = "read: browse and search; write: also upload and change the store",
            DefaultValueFactory = _ => "read",
        };
        role.AcceptOnlyFromAmong("read", "write");
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input instead of prompting" };

        var add = new Command("add", "Add an account that may sign in to the served store") { name, options.Db, role, passwordStdin };
        add.SetAction(result =>
        {
            var console = Consoles.Error();
            var account = result.GetValue(name)!;
            if (Passwords.NameProblem(account) is { } problem) return Fail(console, problem);
            if (ReadPassword(result.GetValue(passwordStdin), console) is not { } password) return ExitCodes.Usage;
            using var opened = Options.OpenStore(result.GetValue(options.Db)!, console);
            if (opened is null) return ExitCodes.Usage;
            var store = (IAccountStore)opened;
            var right = AccountRoles.Parse(result.GetValue(role)) ?? AccountRole.Read;
            if (!store.AddAccount(new Account(account, Passwords.Hash(password), right, Account.NewStamp())))
                return Fail(console, $"there is already an account '{account}' (set its password with 'triangulate users password')");
            console.MarkupLineInterpolated($"added [bold]{account}[/] ({AccountRoles.Name(right)})");
            return ExitCodes.Success;
        });

        var passwordCommand = new Command("password", "Set an account's password; its sessions end") { name, options.Db, passwordStdin };
        passwordCommand.SetAction(result =>
        {
            var console = Consoles.Error();
            if (OpenExisting(result.GetValue(options.Db)!, console) is not { } opened) return ExitCodes.Usage;
            var store = (IAccountStore)opened;
            using (opened)
            {
                if (store.FindAccount(result.GetValue(name)!) is not { } account) return Fail(console, $"no account '{result.GetValue(name)}'");
                if (ReadPassword(result.GetValue(passwordStdin), console) is not { } password) return ExitCodes.Usage;
                store.UpdateAccount(account with { PasswordHash = Passwords.Hash(password), Stamp = Account.NewStamp() });
                console.MarkupLineInterpolated($"set the password of [bold]{account.Name}[/]");
                return ExitCodes.Success;
            }
        });

        var list = new Command("list", "List the accounts and their rights (name, tab, read or write)") { options.Db };
        list.SetAction(result =>
        {
            var console = Consoles.Error();
            if (OpenExisting(result.GetValue(options.Db)!, console) is not { } opened) return ExitCodes.Usage;
            var store = (IAccountStore)opened;
            using (opened)
            {
                var accounts = store.ReadAccounts();
                foreach (var account in accounts) Console.Out.WriteLine($"{account.Name}\t{AccountRoles.Name(account.Role)}");
                if (accounts.Count == 0) console.MarkupLine("no accounts: the store can be served on loopback only");
                return ExitCodes.Success;
            }
        });

        var remove = new Command("remove", "Remove an account; its sessions end") { name, options.Db };
        remove.SetAction(result =>
        {
            var console = Consoles.Error();
            if (OpenExisting(result.GetValue(options.Db)!, console) is not { } opened) return ExitCodes.Usage;
            var store = (IAccountStore)opened;
            using (opened)
            {
                if (!store.RemoveAccount(result.GetValue(name)!)) return Fail(console, $"no account '{result.GetValue(name)}'");
                console.MarkupLineInterpolated($"removed [bold]{result.GetValue(name)}[/]");
                return ExitCodes.Success;
            }
        });

        return new Command("users", "Manage the accounts that may sign in when the store is served beyond loopback") { add, passwordCommand, list, remove };
    }

    /// <summary>The password: the first line of stdin, or typed twice at a prompt that does not echo; null (with the reason said) when unusable.</summary>
    private static string? ReadPassword(bool fromStdin, IAnsiConsole console)
    {
        string? password;
        if (fromStdin) password = Console.In.ReadLine();
        else if (Console.IsInputRedirected)
        {
            Fail(console, "no terminal to ask for the password on: pipe it in with --password-stdin");
            return null;
        }
        else
        {
            password = console.Prompt(new TextPrompt<string>("Password:").Secret().AllowEmpty());
            if (console.Prompt(new TextPrompt<string>("Password again:").Secret().AllowEmpty()) != password)
            {
                Fail(console, "the two passwords differ");
                return null;
            }
        }
        if (Passwords.Problem(password) is not { } problem) return password;
        Fail(console, problem);
        return null;
    }

    // Every store keeps accounts (SqliteStore and PostgresStore are IAccountStore): the casts above cannot fail.
    private static IStore? OpenExisting(string db, IAnsiConsole console)
    {
        if (StoreFactory.IsServer(db) || File.Exists(db)) return Options.OpenStore(db, console);
        Fail(console, $"{db}: no such store");
        return null;
    }

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated($"[red]error[/]: {message}");
        return ExitCodes.Usage;
    }
}
