using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using System.Collections.Frozen;
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

    internal const int SniffLength = 1024;

    // Comments, processing instructions and element positions are never read; the parser's own depth cap keeps a
    // 10,000-deep page from building a 10,000-deep tree (the walker caps again at MaxDepth). Only the attributes the
    // walker and the metadata reader look at are kept: pages carry many data-*, src/srcset and event attributes, and
    // not building them saves a tenth of the parse. A new attribute read anywhere must be added to ReadAttributes.
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        SkipComments = true,
        SkipProcessingInstructions = true,
        DisableElementPositionTracking = true,
        MaximumDepth = 1024,
        ShouldEmitAttribute = KeepAttribute,
    };

    /// <summary>The attributes <see cref="HtmlTextWalker"/> and <see cref="HtmlMetadataReader"/> read.</summary>
    internal static readonly FrozenSet<string> ReadAttributes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "id", "class", "style", "hidden", "aria-hidden", "lang", "rel", "href", "type", "property", "name", "itemprop", "content",
        "datetime", "pubdate");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AttributeLookup = ReadAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool KeepAttribute(ref StructHtmlToken token, ReadOnlyMemory<char> name) => AttributeLookup.Contains(name.Span);

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
        yield return ReadPage(file, limits);
    }

    /// <summary>
    /// Reads the page from disk within the document cap, and of it at most as much as is parsed
    /// (<see cref="HtmlPageBytes"/>): a 60 MB page costs its first 4 MB. The document kept is that part (its bytes,
    /// their hash), which is all the analysis rests on.
    /// </summary>
    private static ReadResult ReadPage(InputFile file, IngestLimits limits)
    {
        var (bytes, cut) = WholeFile.Read(file, limits, stream => HtmlPageBytes.Read(stream, limits), out var error);
        return error is not null ? ReadResult.Failed(file.Source, error) : FromBytes(file.Source, bytes, limits: limits, complete: !cut);
    }

    /// <summary>
    /// Makes a document of a page's bytes (shared with container readers whose records carry HTML). With
    /// <paramref name="complete"/> false the bytes are the first part of a longer page (<see cref="HtmlPageBytes"/>),
    /// which is then cut for analysis as one over <see cref="IngestLimits.MaxHtmlChars"/> is.
    /// </summary>
    public static ReadResult FromBytes(string source, byte[] bytes, string? declaredCharset = null, IngestLimits? limits = null, bool complete = true)
    {
        limits ??= IngestLimits.Default;
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) return ReadResult.Failed(source, "empty file");
        if (BinaryContent.Looks(bytes.AsSpan(0, Math.Min(bytes.Length, BinaryContent.SniffLength))))
            return ReadResult.Failed(source, "binary content, not HTML");
        var charset = declaredCharset ?? HtmlCharsetSniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, SniffLength)));
        var decoded = TextDecoder.Decode(bytes, charset, complete);
        var (bounded, cutReason) = HtmlParseBudget.Scan(decoded.Text, limits, complete);
        using var page = Parse(bounded, limits.HtmlParseBudget);
        if (page is null) return ReadResult.Failed(source, $"HTML parse over its {(int)limits.HtmlParseBudget.TotalSeconds} s time budget: refused");
        var (text, segments) = new HtmlTextWalker().Walk(page);
        if (segments.Count == 0) return ReadResult.Failed(source, "no readable text in the page");
        var sha = StableId.Sha256Hex(bytes);
        var metadata = HtmlMetadataReader.Read(page, source, out var leads);
        if (metadata.Published is null) metadata = metadata with { Published = StatedDate(text, segments, metadata.Title, leads, StableId.ForDocument(sha)) };
        if (metadata.Published is null) metadata = metadata with { LastResortPublished = HtmlMetadataReader.LastResort(page, text, segments, leads, StableId.ForDocument(sha)) };
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
        var problem = decoded.Complaint is { } complaint ? new Problem(source, complaint) : null;
        if (cutReason is not null) problem = new Problem(source, problem is null ? $"HTML {cutReason}" : $"HTML {cutReason}; {problem.Error}");
        return new ReadResult(document, problem);
    }

    /// <summary>Parses within <paramref name="budget"/>; null when the parser ran over it (the pre-scan's caps should make that rare).</summary>
    private static AngleSharp.Html.Dom.IHtmlDocument? Parse(string html, TimeSpan budget)
    {
        using var timeout = new CancellationTokenSource(budget);
        var parser = new HtmlParser(ParserOptions);
        try
        {
            return parser.ParseDocumentAsync(html, timeout.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// When markup names no publication day: a day written in a date-classed element, else the first day written in a
    /// short line near the headline (where bylines and "Posted on" lines sit; a line that names an update is passed
    /// over), anchored where it stands in the text (basis stated); else the weaker markup (basis metadata).
    /// </summary>
    private static DateEstimate? StatedDate(string text, IReadOnlyList<TextSegment> segments, string? title, HtmlMetadataReader.DateLeads leads, string documentId)
    {
        if (leads.Stated is { } stated)
        {
            // The walker collapses white space as the reader did, so the written form is found unless it was hidden.
            var at = text.IndexOf(stated.Written, StringComparison.Ordinal);
            if (at >= 0) return DateEstimate.Exact(stated.Day, DateBasis.Stated, [new TextSpan(documentId, at, at + stated.Written.Length).WithExcerpt(text)]);
        }
        if (NearHeadline(text, segments, title, leads) is { } near)
            return DateEstimate.Exact(near.Day, DateBasis.Stated, [new TextSpan(documentId, near.Start, near.End).WithExcerpt(text)]);
        return leads.Fallback is { } fallback ? DateEstimate.Exact(fallback, DateBasis.Metadata) : null;
    }

    private const int HeadlineWindowBefore = 3;
    private const int HeadlineWindowAfter = 40;
    private const int MaxDateLineLength = 120;

    /// <summary>The headline's segment: the heading that repeats the page title, else the first h1, else the first h2/h3; -1 when none.</summary>
    private static int Headline(string text, IReadOnlyList<TextSegment> segments, string? title)
    {
        int firstH1 = -1, firstHeading = -1;
        var probe = title is null ? null : title[..Math.Min(title.Length, 30)];
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Features is not { } f || !f.TryGetValue(HtmlFeatures.Heading, out var level) || level > 3) continue;
            var segment = segments[i];
            if (probe is not null && probe.Length >= 10 && text.AsSpan(segment.Start, segment.End - segment.Start).StartsWith(probe, StringComparison.OrdinalIgnoreCase)) return i;
            if (level == 1 && firstH1 < 0) firstH1 = i;
            if (firstHeading < 0) firstHeading = i;
        }
        return firstH1 >= 0 ? firstH1 : firstHeading;
    }

    private static (PartialDate Day, int Start, int End)? NearHeadline(string text, IReadOnlyList<TextSegment> segments, string? title, HtmlMetadataReader.DateLeads leads)
    {
        var headline = Headline(text, segments, title);
        if (headline < 0) return null;
        var end = Math.Min(segments.Count, headline + HeadlineWindowAfter + 1);
        for (var i = Math.Max(0, headline - HeadlineWindowBefore); i < end; i++)
        {
            var segment = segments[i];
            if (segment.End - segment.Start > MaxDateLineLength) continue;
            var line = text[segment.Start..segment.End];
            if (DateText.Find(line, leads.MonthFirst) is not { } found || !leads.Fits(found.Day) || DateText.NamesUpdate(line, found.Index)) continue;
            return (found.Day, segment.Start + found.Index, segment.Start + found.Index + found.Length);
        }
        return null;
    }
}
