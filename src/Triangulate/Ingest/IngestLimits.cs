namespace Triangulate.Ingest;

/// <summary>
/// Caps that keep memory and time bounded whatever the input, in one place. A document over a size cap becomes a
/// problem, not a crash; a document over an analysis cap is analysed up to the cap, and the cap it hit is reported as
/// a problem naming it. Defaults sit far above real news (see docs/ingest.md, "Bad input").
/// </summary>
public sealed record IngestLimits
{
    /// <summary>Largest single-document file (HTML page or text capture) read whole. Real article pages are under 5 MB; 64 MB leaves room for inline images.</summary>
    public long MaxDocumentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest record inside a container format (JSONL line, WARC record).</summary>
    public long MaxRecordBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Characters of one HTML page's markup handed to the parser; a longer page is cut at the last tag start before
    /// here and its first part analysed, with a problem saying so. Decided by size, not by the clock, so the outcome
    /// does not depend on machine load. The largest real pages measured (extraction-dev, dates-dev) are 1.5 MB.
    /// </summary>
    public int MaxHtmlChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>Elements (start tags) of one HTML page handed to the parser; the page is read up to here. Real pages have under 20,000.</summary>
    public int MaxHtmlElements { get; init; } = 100_000;

    /// <summary>Nesting depth of open elements an HTML page may reach before it is cut there. Real pages stay under 60; unclosed tags pile up and make the HTML5 parser quadratic.</summary>
    public int MaxHtmlDepth { get; init; } = 512;

    /// <summary>Wall-clock time the HTML parser gets for one page; a page over it is refused with a problem. A last guard only: the size caps above bound the parse first.</summary>
    public TimeSpan HtmlParseBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest sentence analysed, in characters: a longer run without sentence punctuation is cut into pieces this long at white space. News sentences are under 1,000.</summary>
    public int MaxSentenceChars { get; init; } = 2_000;

    /// <summary>Words (white-space-separated runs) of one document's body analysed; the rest of the body is kept in the text but not extracted from. A long feature is 20,000; 50,000 is the length of a short book.</summary>
    public int MaxTokensPerDocument { get; init; } = 50_000;

    /// <summary>Items of each kind (entities, times, claims, quotes, citations) kept per document (an article has a few hundred); the first ones found are kept.</summary>
    public int MaxItemsPerKind { get; init; } = 2_000;

    /// <summary>Problems recorded per input file; past it, one summary line says how many more there were.</summary>
    public int MaxProblemsPerInput { get; init; } = 20;

    /// <summary>Input files read at once; each reader parses its own files, so one slow page does not stall the others.</summary>
    public int Readers { get; init; } = Math.Clamp(Environment.ProcessorCount / 2, 2, 4);

    /// <summary>The defaults.</summary>
    public static IngestLimits Default { get; } = new();
}
