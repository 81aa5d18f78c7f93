using System.Text;
using BenchmarkDotNet.Attributes;
using Triangulate.Extract;
using Triangulate.Extract.Quantities;
using Triangulate.Extract.Time;
using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Bench;

/// <summary>
/// A 5 KB news article through the sentence splitter and the time and quantity extractors, and a real 5 KB article
/// (examples/kursk/002 from its dateline on, as body paragraphs) through every per-document extractor of the default pipeline.
/// </summary>
[MemoryDiagnoser]
public class ExtractBenchmarks
{
    private static readonly string[] Sentences =
    [
        "Almost four months after Ukrainian troops launched a lightning offensive into the region, text messages from soldiers paint a dismal picture.",
        "They speak of a chronic lack of sleep caused by constant bombardment, which includes the use of terrifying, 3,000kg glide bombs.",
        "“This trend will continue,” one soldier wrote on 26 November. “It’s only a matter of time.”",
        "As many as 10,000 North Korean troops have been sent to the region, Lt. Gen. Smith told the U.S. Senate on Dec. 8.",
        "Russian forces have retaken around 100 towns and villages and about 40% of the 1,376 sq km seized last summer.",
        "With nine days to go before the inauguration, officials said last weekend that between 400 and 500 people had been evacuated.",
        "Shares fell more than 8% after the company reported a $2.5 billion loss earlier this year.",
        "Oleh, 30, said the 44th Army Corps held the line from October 2023 until July, outnumbered 6 to 1.",
    ];

    private DocumentExtractor _extractor = null!;
    private Document _document = null!;
    private DocumentExtractor _all = null!;
    private Document _article = null!;
    private ISentenceSplitter _splitter = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        var i = 0;
        while (text.Length < 5 * 1024) text.Append(Sentences[i++ % Sentences.Length]).Append(i % 3 == 0 ? "\n\n" : " ");
        var body = text.ToString();
        var blocks = new List<Block>();
        var start = 0;
        foreach (var part in body.Split("\n\n"))
        {
            if (part.Trim().Length > 0) blocks.Add(new Block(BlockKind.Body, start, start + part.Length));
            start += part.Length + 2;
        }
        _document = new Document
        {
            Id = "bench",
            Source = "bench.txt",
            Sha256 = "0",
            Language = "en",
            Text = body,
            Blocks = blocks,
            Body = body,
            Published = DateEstimate.Exact(new PartialDate(2024, 12, 2), DateBasis.Metadata),
        };
        _extractor = new DocumentExtractor(new NewsSentenceSplitter(), [new TimeExtractor(), new QuantityExtractor()]);
        _article = ReadArticle(Published(_document));
        var builder = PipelineBuilder.CreateDefault();
        _all = new DocumentExtractor(builder.SentenceSplitter, builder.Extractors);
        _splitter = builder.SentenceSplitter;
    }

    private static DateEstimate Published(Document document) => document.Published!;

    /// <summary>The example article from its dateline, cut at the last paragraph before 5 KB; one body block per paragraph.</summary>
    private static Document ReadArticle(DateEstimate published)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Triangulate.slnx"))) dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        var raw = File.ReadAllText(Path.Combine(dir, "examples", "kursk", "002_c9cfb28ba0ac9ed6.txt"));
        var text = raw[raw.IndexOf("KYIV", StringComparison.Ordinal)..];
        var cut = text.LastIndexOf("\n\n", 5 * 1024, StringComparison.Ordinal);
        text = text[..cut];
        var blocks = new List<Block>();
        var start = 0;
        foreach (var part in text.Split("\n\n"))
        {
            if (part.Trim().Length > 0) blocks.Add(new Block(BlockKind.Body, start, start + part.Length));
            start += part.Length + 2;
        }
        return new Document { Id = "article", Source = "002.txt", Sha256 = "0", Language = "en", Text = text, Blocks = blocks, Body = text, Published = published };
    }

    /// <summary>The whole-article benchmark's input.</summary>
    public Document Article => _article;

    /// <summary>Sentence splitting alone.</summary>
    [Benchmark]
    public int Split()
    {
        var sentences = new List<Sentence>();
        new NewsSentenceSplitter().Split(_document.Text, 0, _document.Text.Length, sentences);
        return sentences.Count;
    }

    /// <summary>Splitting, times and quantities.</summary>
    [Benchmark]
    public DocumentAnalysis TimesAndQuantities() => _extractor.Extract(_document);

    /// <summary>The real article's context alone (its sentences split): what every per-extractor case also does.</summary>
    [Benchmark]
    public ExtractionContext ArticleContext() => new(_article, _splitter);

    /// <summary>Everything the default pipeline extracts per document (times, quantities, entities, quotes, claims, citations) from a real 5 KB article.</summary>
    [Benchmark]
    public DocumentAnalysis WholeArticle() => _all.Extract(_article);
}
