using Triangulate.Model;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Triangulate.Ingest;

/// <summary>
/// The fallback payload parser: text as text, and HTML reduced to its text (scripts and styles dropped, one line per
/// block element, entities decoded) when no HTML reader is wired in. Binary payloads are problems.
/// </summary>
public sealed partial class PlainTextPayloadParser : IPayloadParser
{
    /// <inheritdoc />
    public ReadResult Parse(string source, byte[] bytes, string? contentType, SourceMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(metadata);
        if (bytes.Length == 0) return ReadResult.Failed(source, "empty payload");
        if (BinaryContent.Looks(bytes.AsSpan(0, Math.Min(bytes.Length, BinaryContent.SniffLength))))
            return ReadResult.Failed(source, $"binary payload ({contentType ?? "unknown type"}), not text");
        if (!IsHtml(contentType, bytes))
        {
            var plain = PlainTextDocumentReader.FromBytes(source, bytes, "text");
            return plain.Document is null ? plain : plain with { Document = plain.Document with { Metadata = metadata } };
        }
        var decoded = TextDecoder.Decode(bytes, Charset(contentType));
        var text = HtmlToText(decoded.Text);
        var segments = LineSegmenter.Segment(text);
        if (segments.Count == 0) return ReadResult.Failed(source, "no text in the page");
        return new ReadResult(new SourceDocument
        {
            Source = source,
            Sha256 = StableId.Sha256Hex(bytes),
            Raw = bytes,
            Text = text,
            Segments = segments,
            Metadata = metadata,
            Format = "html",
        }, decoded.Complaint is { } complaint ? new Problem(source, complaint) : null);
    }

    /// <summary>The charset parameter of a Content-Type header, or null.</summary>
    public static string? Charset(string? contentType)
    {
        if (contentType is null) return null;
        var at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var value = contentType[(at + 8)..];
        var end = value.IndexOfAny([';', ' ']);
        return (end < 0 ? value : value[..end]).Trim('"', '\'');
    }

    /// <summary>True for an HTML content type, or, when the type is unknown, for bytes that open like a page.</summary>
    public static bool IsHtml(string? contentType, ReadOnlySpan<byte> bytes)
    {
        if (contentType is not null)
            return contentType.Contains("html", StringComparison.OrdinalIgnoreCase);
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 512)]).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static string HtmlToText(string html)
    {
        var text = Invisible().Replace(html, " ");
        text = BlockTag().Replace(text, "\n");
        text = AnyTag().Replace(text, "");
        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex(@"<(script|style|noscript|template|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"</?(p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|nav|aside|figure|figcaption|blockquote|pre|title|main|form|dd|dt)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();
}
