using BenchmarkDotNet.Attributes;
using Triangulate.Extract;
using Triangulate.Model;

namespace Triangulate.Bench;

/// <summary>
/// Each per-document extractor of the default pipeline alone on the whole-article benchmark's input: a fresh context
/// (split, empty token caches, as in a real run) holding what the extractors before it found, then the extractor.
/// The context alone is <see cref="ExtractBenchmarks.ArticleContext"/>; an extractor's own cost is its case minus that one.
/// </summary>
[MemoryDiagnoser]
public class ExtractBenchmarksByExtractor
{
    private PipelineBuilder _builder = null!;
    private Document _article = null!;
    private IExtractor _extractor = null!;
    private DocumentAnalysis _before = null!;

    /// <summary>The extractor measured, by type name.</summary>
    [Params("TimeExtractor", "QuantityExtractor", "EntityExtractor", "QuoteExtractor", "ClaimExtractor", "CitationExtractor")]
    public string Extractor { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var bench = new ExtractBenchmarks();
        bench.Setup();
        _article = bench.Article;
        _builder = PipelineBuilder.CreateDefault();
        var context = new ExtractionContext(_article, _builder.SentenceSplitter);
        foreach (var e in _builder.Extractors)
        {
            if (e.GetType().Name == Extractor) { _extractor = e; break; }
            e.Extract(context);
        }
        if (_extractor is null) throw new InvalidOperationException($"No extractor {Extractor} in the default pipeline.");
        _before = context.ToAnalysis();
    }

    private ExtractionContext Prepared()
    {
        var context = new ExtractionContext(_article, _builder.SentenceSplitter);
        context.Entities.AddRange(_before.Entities);
        context.Times.AddRange(_before.Times);
        context.Claims.AddRange(_before.Claims);
        context.Quotes.AddRange(_before.Quotes);
        context.Citations.AddRange(_before.Citations);
        return context;
    }

    /// <summary>A fresh context with the earlier extractors' items, then the extractor.</summary>
    [Benchmark]
    public ExtractionContext Run()
    {
        var context = Prepared();
        _extractor.Extract(context);
        return context;
    }
}
