using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Reads an HTML page (.html, .htm, or any file whose first bytes look like HTML) into its readable text, one line per
/// block element, each line a segment carrying its element path, markup features and, where markup is certain, a
/// block-kind hint. Parsing is AngleSharp's HTML5 parser; the walk over the tree is iterative and depth-capped, so any
/// nesting is safe.
/// </summary>
public sealed class HtmlDocumentReader : IDocumentReader
{
    /// <summary>Elements deeper than this are read as inline text of their ancestor at this depth (real pages stay under 60).</summary>
    public const int MaxDepth = 256;

    private const int SniffLength = 1024;

    // Comments, processing instructions and element positions are never read; the parser's own depth cap keeps a
    // 10,000-deep page from building a 10,000-deep tree (the walker caps again at MaxDepth).
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        SkipComments = true,
        SkipProcessingInstructions = true,
        DisableElementPositionTracking = true,
        MaximumDepth = 1024,
    };

    /// <inheritdoc />
    public bool CanRead(InputFile file, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(file);
        var extension = Path.GetExtension(file.Source);
        if (extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".xhtml", StringComparison.OrdinalIgnoreCase)) return true;
        return LooksLikeHtml(head);
    }

    /// <summary>True when the first bytes start (after a BOM and white space) with a doctype, an html/head/body tag or a comment followed by one.</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        head = head[..Math.Min(head.Length, SniffLength)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        var i = 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        if (i >= head.Length || head[i] != '<') return false;
        return HtmlCharsetSniffer.IndexOfIgnoreCase(head, "<!doctype html"u8) >= 0
            || HtmlCharsetSniffer.IndexOfIgnoreCase(head, "<html"u8) >= 0
            || HtmlCharsetSniffer.IndexOfIgnoreCase(head, "<head"u8) >= 0
            || HtmlCharsetSniffer.IndexOfIgnoreCase(head, "<body"u8) >= 0;
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(InputFile file, IngestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(limits);
        var bytes = WholeFile.Read(file, limits, out var error);
        if (bytes is null)
        {
            yield return ReadResult.Failed(file.Source, error!);
            yield break;
        }
        yield return FromBytes(file.Source, bytes);
    }

    /// <summary>Makes a document of a page's bytes (shared with container readers whose records carry HTML).</summary>
    public static ReadResult FromBytes(string source, byte[] bytes, string? declaredCharset = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) return ReadResult.Failed(source, "empty file");
        if (BinaryContent.Looks(bytes.AsSpan(0, Math.Min(bytes.Length, BinaryContent.SniffLength))))
            return ReadResult.Failed(source, "binary content, not HTML");
        var charset = declaredCharset ?? HtmlCharsetSniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, SniffLength)));
        var decoded = TextDecoder.Decode(bytes, charset);
        var parser = new HtmlParser(ParserOptions);
        using var page = parser.ParseDocument(decoded.Text);
        var (text, segments) = new HtmlTextWalker().Walk(page);
        if (segments.Count == 0) return ReadResult.Failed(source, "no readable text in the page");
        var sha = StableId.Sha256Hex(bytes);
        var metadata = HtmlMetadataReader.Read(page, source, out var statedDate);
        if (metadata.Published is null && statedDate is not null && StatedDate(text, statedDate.Value.Written, statedDate.Value.Day, StableId.ForDocument(sha)) is { } stated)
            metadata = metadata with { Published = stated };
        var document = new SourceDocument
        {
            Source = source,
            Sha256 = sha,
            Raw = bytes,
            Text = text,
            Segments = segments,
            Metadata = metadata,
            Format = "html",
        };
        var problem = decoded.ReplacedBytes > 0
            ? new Problem(source, $"invalid {decoded.Encoding} text: {decoded.ReplacedBytes} bytes replaced by U+FFFD; the rest was analysed")
            : null;
        return new ReadResult(document, problem);
    }

    /// <summary>A day the page states in a date-classed element, anchored where it stands in the text (basis stated).</summary>
    private static DateEstimate? StatedDate(string text, string written, PartialDate day, string documentId)
    {
        // The walker collapses white space, so a date written across a line break may not be found: then none is claimed.
        var at = text.IndexOf(written, StringComparison.Ordinal);
        if (at < 0) return null;
        var span = new TextSpan(documentId, at, at + written.Length).WithExcerpt(text);
        return DateEstimate.Exact(day, DateBasis.Stated, [span]);
    }
}
