namespace Triangulate.Web;

/// <summary>How the web app is hosted: which store, where it listens, how uploads are limited and analysed.</summary>
public sealed record WebHostOptions
{
    /// <summary>The store file (created when missing).</summary>
    public string Db { get; init; } = "./triangulate.db";

    /// <summary>Listening addresses; loopback by default so nothing is exposed unless asked for.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Ask for a sign-in even on loopback (beyond loopback one is always asked for).</summary>
    public bool RequireLogin { get; init; }

    /// <summary>Sign-in attempts a client may make a minute where a sign-in is asked for.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10;

    /// <summary>Largest upload accepted, in bytes (20 MB).</summary>
    public long MaxUploadBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Folder uploaded files are kept in while analysed; a fresh temp folder when null.</summary>
    public string? UploadFolder { get; init; }

    /// <summary>Rows per server page of the entities and documents lists (each page then pages further in the browser).</summary>
    public int ListPageSize { get; init; } = 1000;

    /// <summary>Builds the pipeline uploads run through; the default configuration when null.</summary>
    public Func<Pipeline>? Pipeline { get; init; }

    /// <summary>
    /// Where uploads' per-document analysis and story stages run: the workers of a cluster (<c>serve --cluster</c>),
    /// whose store is this one; this process's threads when null.
    /// </summary>
    public IPipelineExecutor? Executor { get; init; }
}
