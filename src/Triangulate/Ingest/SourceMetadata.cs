using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>What a reader learns about a document from outside its text: markup, a JSONL record's fields, WARC headers.</summary>
public sealed record SourceMetadata
{
    /// <summary>The page URL, when known.</summary>
    public string? Url { get; init; }

    /// <summary>Title from markup or record.</summary>
    public string? Title { get; init; }

    /// <summary>Site name from markup or record.</summary>
    public string? Outlet { get; init; }

    /// <summary>Authors from markup or record.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Publication date from markup or record.</summary>
    public DateEstimate? Published { get; init; }

    /// <summary>
    /// A last-resort publication day, guessed from dates written anywhere in the page when nothing marks one; taken only
    /// when neither <see cref="Published"/> nor the text's date lines and bylines give a day.
    /// </summary>
    public DateEstimate? LastResortPublished { get; init; }

    /// <summary>Language declared by the page (lang attribute, record), as ISO 639-1.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// The web host of an http(s) URL without "www.", the outlet a page's address names; null for any other scheme or a
    /// path: a record name ("ecb://25_10ecb") or a file names no outlet, and taking it for one would make every record
    /// an outlet of its own.
    /// </summary>
    public static string? WebHost(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : null;

    /// <summary>Nothing known.</summary>
    public static SourceMetadata Empty { get; } = new();
}
