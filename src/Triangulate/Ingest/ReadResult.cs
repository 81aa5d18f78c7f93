using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>One item a reader yields: a document, or a problem with one input or record. A problem may come with a document that was still read (replaced bytes).</summary>
public sealed record ReadResult(SourceDocument? Document, Problem? Problem)
{
    /// <summary>A document read cleanly.</summary>
    public static ReadResult Of(SourceDocument document) => new(document, null);

    /// <summary>An input that could not be read.</summary>
    public static ReadResult Failed(string source, string error) => new(null, new Problem(source, error));

    /// <summary>
    /// A record that gave no document: its problem named by the file it is in and its place there ("line 8
    /// (https://…)"), not by the record's own url, since the file is what the user gave and a file's problems are
    /// forgotten when it is read again. A problem that comes with a document stays named as the document is (it holds
    /// as long as the document is stored, and a story's dossier finds it by that name).
    /// </summary>
    internal ReadResult InFile(string file, string place) =>
        Problem is null || Document is not null ? this : this with { Problem = new Problem(file, $"{place}: {Problem.Error}") };

    /// <summary>Where a record sits in its file, with the url it names when it names one: "line 8 (https://…)".</summary>
    internal static string Place(string position, string? url) => string.IsNullOrWhiteSpace(url) ? position : $"{position} ({url})";
}
