using System.CommandLine;
using Spectre.Console;

namespace Triangulate.Cli;

/// <summary>Options shared by several commands, defined once.</summary>
internal sealed class Options
{
    public Option<string> Out { get; } = new("--out", "-o")
    {
        Description = "Folder the dossier files are written to",
        DefaultValueFactory = _ => "./dossier",
    };

    public Option<string> Db { get; } = new("--db")
    {
        Description = "The store: an SQLite file (created when missing), or a PostgreSQL database as postgres://user:password@host:port/db or Host=...;Database=...",
        DefaultValueFactory = _ => "./triangulate.db",
    };

    public Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "Report formats, comma-separated: json, md, html",
        DefaultValueFactory = _ => "json,md,html",
    };

    public Option<string?> Languages { get; } = new("--languages")
    {
        Description = "ISO 639-1 codes the language detector considers, comma-separated (default: en,de,fr,es,nl,it,pt,ru,uk,pl); each costs memory",
    };

    public Option<string[]> Calendar { get; } = new("--calendar")
    {
        Description = "Extra calendar of dated events for dating undated articles (TSV: YYYY-MM-DD, name, aliases separated by ';'); repeatable",
    };

    public Option<string?> Story { get; } = new("--story")
    {
        Description = "Write the dossier of one story only: its id (s-…), or the id (d-…) of one of its documents",
    };

    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Run on the cluster of workers whose membership is in this PostgreSQL database (URL postgres://user:password@host:port/db, or a connection string); the workers share the store --db names",
    };

    public Option<int?> LinkPart { get; } = new("--link-part")
    {
        Description = "Most new documents linked before their stories are analysed and saved (default 50000): lower holds less in memory, higher re-analyses fewer stories that span two parts",
    };

    /// <summary>Applies <see cref="LinkPart"/> when given; false (with one line) when it is not a positive number.</summary>
    public static bool TryApplyLinkPart(PipelineBuilder builder, int? part, IAnsiConsole console)
    {
        if (part is null) return true;
        if (part > 0)
        {
            builder.LinkPart = part.Value;
            return true;
        }
        console.MarkupLineInterpolated($"[red]error[/]: --link-part must be a positive number, not {part}");
        return false;
    }

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print problems only" };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Also print a progress line each second, the stack trace of a failed stage, and at the end the time of each phase and the process's CPU and JIT work" };

    /// <summary>
    /// Writes the dossier of the whole store, or of the story <paramref name="story"/> names (a story id, or a document
    /// id standing for its story); null with a message when there is no such story.
    /// </summary>
    public static IReadOnlyList<string>? WriteDossier(Pipeline pipeline, Store.IStore store, string folder, IReadOnlyList<string> formats, string? story, IAnsiConsole console)
    {
        var now = DateTimeOffset.UtcNow;
        try
        {
            if (story is null) return pipeline.WriteReports(store, folder, formats, now);
            var id = story.StartsWith("d-", StringComparison.Ordinal) ? store.StoryOf(story) ?? story : story;
            if (Report.DossierSource.ForStory(store, id, now) is { } source) return pipeline.WriteReports(source, folder, formats);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The store holds the run's work: only the reports are lost, and 'relink --out' writes them again.
            console.MarkupLineInterpolated($"[red]error[/]: --out {folder}: cannot write the reports ({e.Message})");
            return null;
        }
        console.MarkupLineInterpolated($"[red]error[/]: --story: no story '{story}' in the store");
        return null;
    }

    public static bool TryParseFormats(Pipeline pipeline, string formats, IAnsiConsole console, out List<string> list)
    {
        list = [.. formats.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        foreach (var format in list)
        {
            if (pipeline.FindWriter(format) is not null) continue;
            console.MarkupLineInterpolated($"[red]error[/]: unknown format '{format}' (use json, md, html)");
            return false;
        }
        if (list.Count > 0) return true;
        console.MarkupLine("[red]error[/]: --format names no format");
        return false;
    }

    public static bool TryApplyLanguages(PipelineBuilder builder, string? languages, IAnsiConsole console)
    {
        if (string.IsNullOrWhiteSpace(languages)) return true;
        try
        {
            var codes = languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            builder.Language = new Text.LinguaLanguageIdentifier(codes);
            builder.Languages = codes;
            return true;
        }
        catch (ArgumentException e)
        {
            // ArgumentException.Message appends "(Parameter 'languages')": the user needs the reason, not our parameter name.
            var reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            console.MarkupLineInterpolated($"[red]error[/]: --languages: {reason}");
            return false;
        }
    }

    /// <summary>
    /// Opens the store <paramref name="db"/> names; null with one line naming it when it cannot be opened (a folder, a
    /// file that is not a database, an unreachable or refusing server), where it used to end in an unhandled exception.
    /// </summary>
    public static Store.IStore? OpenStore(string db, IAnsiConsole console)
    {
        try
        {
            return Store.StoreFactory.Open(db);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            var reason = e.Message.ReplaceLineEndings(" ");
            console.MarkupLineInterpolated($"[red]error[/]: --db {Store.StoreFactory.Describe(db)}: cannot open the store ({reason})");
            return null;
        }
    }

    /// <summary>Creates the report folder and proves it writable (a probe file written and deleted); false with a message otherwise.</summary>
    public static bool TryPrepareOut(string folder, IAnsiConsole console)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".triangulate-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]error[/]: --out {folder}: not a writable folder ({e.Message})");
            return false;
        }
    }
}
