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
    /// <summary>
    /// Creates the context; sentences are split from body blocks only, so nothing is taken from furniture or comments,
    /// and bounded by <paramref name="limits"/> (<see cref="SentenceBounds"/>; the defaults when null).
    /// </summary>
    public ExtractionContext(Document document, ISentenceSplitter splitter, Ingest.IngestLimits? limits = null)
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
        _limits = limits ?? Ingest.IngestLimits.Default;
        LimitsHit = [.. SentenceBounds.Apply(document.Text, sentences, _limits.MaxSentenceChars, _limits.MaxTokensPerDocument, out var analysedEnd)];
        // Extractors that read whole blocks (quotes, citations) stop where the word cap stopped the sentences.
        if (analysedEnd < int.MaxValue) body = [.. body.Where(b => b.Start < analysedEnd).Select(b => b.End > analysedEnd ? b with { End = analysedEnd } : b)];
        BodyBlocks = body;
        Sentences = sentences;
        _words = new List<WordToken>?[sentences.Count];
        _tokens = new List<Token>?[sentences.Count];
    }

    // Per-sentence token layers, computed on first use and shared: every extractor reads the same sentences, and
    // tokenizing each sentence once per extractor was a large share of extraction time.
    private readonly List<WordToken>?[] _words;
    private readonly List<Token>?[] _tokens;
    private readonly Ingest.IngestLimits _limits;
    private SpeakerResolver? _speakers;
    private int _speakersEntityCount;

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

    /// <summary>
    /// The extractors' word tokens (<see cref="WordTokenizer"/>: words keep inner hyphens and apostrophes, titles their
    /// period) of sentence <paramref name="sentence"/>, an index into <see cref="Sentences"/>; computed once, shared
    /// by every extractor. Callers must not modify the list.
    /// </summary>
    internal List<WordToken> WordsOf(int sentence)
    {
        var words = _words[sentence];
        if (words is null)
        {
            var s = Sentences[sentence];
            // About one token per five characters in news prose: sized once instead of grown by doubling.
            words = new List<WordToken>(Math.Max(4, s.Length / 5));
            WordTokenizer.Tokenize(Document.Text, s.Start, s.End, words);
            _words[sentence] = words;
        }
        return words;
    }

    /// <summary>
    /// The <see cref="Tokenizer"/> tokens (numbers apart from letters, symbols one by one) of sentence
    /// <paramref name="sentence"/>, an index into <see cref="Sentences"/>; computed once, shared by every extractor.
    /// Callers must not modify the list.
    /// </summary>
    internal List<Token> TokensOf(int sentence)
    {
        var tokens = _tokens[sentence];
        if (tokens is null)
        {
            var s = Sentences[sentence];
            tokens = new List<Token>(Math.Max(4, s.Length / 5));
            Tokenizer.Tokenize(Document.Text, s.Start, s.End, tokens);
            _tokens[sentence] = tokens;
        }
        return tokens;
    }

    /// <summary>
    /// The speaker resolver over the entities found so far, built once and shared by the extractors that read
    /// attributions; rebuilt when entities were added since (it indexes their mentions).
    /// </summary>
    internal SpeakerResolver Speakers
    {
        get
        {
            if (_speakers is null || _speakersEntityCount != Entities.Count)
            {
                _speakers = new SpeakerResolver(this);
                _speakersEntityCount = Entities.Count;
            }
            return _speakers;
        }
    }

    /// <summary>A span of this document with its excerpt.</summary>
    public TextSpan Span(int start, int end) => new TextSpan(Document.Id, start, end).WithExcerpt(Document.Text);

    /// <summary>The caps of <see cref="Ingest.IngestLimits"/> this document hit, one line each (reported as problems by the pipeline).</summary>
    internal List<string> LimitsHit { get; }

    /// <summary>The analysis as it stands, each kind of item capped at <see cref="Ingest.IngestLimits.MaxItemsPerKind"/> (the first found are kept).</summary>
    public DocumentAnalysis ToAnalysis() => new()
    {
        DocumentId = Document.Id,
        Entities = Capped(Entities, "entities"),
        Times = Capped(Times, "time expressions"),
        Claims = Capped(Claims, "claims"),
        Quotes = Capped(Quotes, "quotes"),
        Citations = Capped(Citations, "citations"),
    };

    private List<T> Capped<T>(List<T> items, string kind)
    {
        var cap = _limits.MaxItemsPerKind;
        if (items.Count <= cap) return [.. items];
        LimitsHit.Add($"over the {cap}-item limit for {kind} in one document: kept the first {cap} of {items.Count}");
        return items.GetRange(0, cap);
    }
}
