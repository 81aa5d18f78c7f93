using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Extract;

/// <summary>
/// What extractors share while working on one document: the document, its body blocks and sentences (computed once),
/// and the items found so far. Extractors run in a fixed order and may read what earlier ones added.
/// Not thread-safe: one context per document.
/// </summary>
public sealed class ExtractionContext
{
    /// <summary>Creates the context; sentences are split from body blocks only, so nothing is taken from furniture or comments.</summary>
    public ExtractionContext(Document document, ISentenceSplitter splitter)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(splitter);
        Document = document;
        var body = new List<Block>();
        var sentences = new List<Sentence>();
        foreach (var block in document.Blocks)
        {
            if (block.Kind != BlockKind.Body) continue;
            body.Add(block);
            splitter.Split(document.Text, block.Start, block.End, sentences);
        }
        BodyBlocks = body;
        Sentences = sentences;
    }

    /// <summary>The document.</summary>
    public Document Document { get; }

    /// <summary>Shorthand for the document's text.</summary>
    public string Text => Document.Text;

    /// <summary>The body blocks, in order.</summary>
    public IReadOnlyList<Block> BodyBlocks { get; }

    /// <summary>Sentences of the body blocks, in order.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Entities found so far.</summary>
    public List<Entity> Entities { get; } = [];

    /// <summary>Time expressions found so far.</summary>
    public List<TimeExpression> Times { get; } = [];

    /// <summary>Claims found so far.</summary>
    public List<ClaimDraft> Claims { get; } = [];

    /// <summary>Quotes found so far.</summary>
    public List<QuoteDraft> Quotes { get; } = [];

    /// <summary>Citations found so far.</summary>
    public List<Citation> Citations { get; } = [];

    /// <summary>A span of this document with its excerpt.</summary>
    public TextSpan Span(int start, int end) => new TextSpan(Document.Id, start, end).WithExcerpt(Document.Text);

    /// <summary>The analysis as it stands.</summary>
    public DocumentAnalysis ToAnalysis() => new()
    {
        DocumentId = Document.Id,
        Entities = [.. Entities],
        Times = [.. Times],
        Claims = [.. Claims],
        Quotes = [.. Quotes],
        Citations = [.. Citations],
    };
}
