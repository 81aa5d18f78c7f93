using System.CommandLine;
using Triangulate.Store;
using Triangulate.Web;

namespace Triangulate.Cli;

/// <summary>
/// <c>triangulate serve [--db FILE] [--urls URL] [--require-login] [--cluster POSTGRES]</c>: the web app over a store, on
/// loopback unless told otherwise; beyond loopback (or with --require-login) only the store's accounts may sign in, and
/// a store with none is not served. With --cluster, uploads are analysed by the workers over the same store.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(Options options)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on (loopback by default; any other asks for a sign-in with an account of the store: see 'triangulate users')",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var requireLogin = new Option<bool>("--require-login") { Description = "Ask for a sign-in on loopback too" };
        var command = new Command("serve", "Serve the web app (stories, documents, entities, search, upload) over the store") { options.Db, urls, requireLogin, options.Cluster };
        command.SetAction(result =>
        {
            var web = new WebHostOptions { Db = result.GetValue(options.Db)!, Urls = result.GetValue(urls)!, RequireLogin = result.GetValue(requireLogin) };
            var cluster = result.GetValue(options.Cluster);
            // The workers of the cluster over this store analyse the uploads; this process reads, links and saves.
            using var client = cluster is null ? null : ClusterConnection.Open(cluster, web.Db, Consoles.Error());
            if (cluster is not null && client is null) return ExitCodes.Usage;
            if (client is not null) web = web with { Executor = client.Executor };
            // SQLite makes a missing file: say so, since a mistyped --db would otherwise serve an empty store in silence.
            var made = !StoreFactory.IsServer(web.Db) && !File.Exists(web.Db);
            using var store = Options.OpenStore(web.Db, Consoles.Error());
            if (store is null) return ExitCodes.Usage;
            if (WebHost.Refusal(web, store) is { } refusal)
            {
                Console.Error.WriteLine($"error: {refusal}");
                return ExitCodes.Usage;
            }
            if (made) Console.Error.WriteLine($"note: {web.Db} did not exist: serving a new, empty store (upload files to fill it)");
            Console.Error.WriteLine($"serving {StoreFactory.Describe(web.Db)} on {web.Urls}{(WebHost.AsksForSignIn(web) ? " to signed-in accounts" : "")} (Ctrl+C stops)");
            return WebHost.Run(web, store);
        });
        return command;
    }
}
