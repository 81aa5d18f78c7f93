namespace Triangulate.Ingest;

/// <summary>
/// Parses HTML payloads of container records (WARC responses, JSONL "html" fields) with the HTML reader. What the
/// record says (URL, title, date) fills in where the page's own markup is silent: markup describes the page itself,
/// so it wins.
/// </summary>
public sealed class HtmlPayloadParser : IPayloadParser
{
    /// <inheritdoc />
    public ReadResult Parse(string source, byte[] bytes, string? contentType, SourceMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var result = HtmlDocumentReader.FromBytes(source, bytes, Charset(contentType));
        if (result.Document is not { } document) return result;
        var own = document.Metadata;
        var merged = own with
        {
            Url = own.Url ?? metadata.Url,
            Title = own.Title ?? metadata.Title,
            Outlet = own.Outlet ?? metadata.Outlet,
            Authors = own.Authors.Count > 0 ? own.Authors : metadata.Authors,
            Published = own.Published ?? metadata.Published,
            Language = own.Language ?? metadata.Language,
        };
        return result with { Document = document with { Metadata = merged } };
    }

    /// <summary>The charset parameter of a Content-Type header, or null.</summary>
    internal static string? Charset(string? contentType)
    {
        if (contentType is null) return null;
        var at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var value = contentType.AsSpan(at + 8);
        var end = value.IndexOfAny(';', ' ');
        return (end < 0 ? value : value[..end]).Trim().Trim('"').ToString();
    }
}
