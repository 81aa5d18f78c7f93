using System.CommandLine;
using Triangulate.Web;

namespace Triangulate.Cli;

/// <summary><c>triangulate serve [--db FILE] [--urls URL]</c>: the web app over a store, on loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create(Options options)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on (loopback by default; name another interface only on a trusted network)",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var command = new Command("serve", "Serve the web app (stories, documents, entities, search, upload) over the store") { options.Db, urls };
        command.SetAction(result =>
        {
            var url = result.GetValue(urls)!;
            Console.Error.WriteLine($"serving {Triangulate.Store.StoreFactory.Describe(result.GetValue(options.Db)!)} on {url} (Ctrl+C stops)");
            return WebHost.Run(new WebHostOptions { Db = result.GetValue(options.Db)!, Urls = url });
        });
        return command;
    }
}
