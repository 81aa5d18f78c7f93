using Triangulate.Extract;
using Triangulate.Ingest;
using Triangulate.Report;
using Triangulate.Text;

namespace Triangulate;

/// <summary>
/// Configures a <see cref="Pipeline"/>: which reader, classifier, extractors, corpus stages and report writers, in
/// which order. <see cref="CreateDefault"/> is the standard configuration; hosts and tests change parts, then
/// <see cref="Build"/> freezes it.
/// </summary>
public sealed class PipelineBuilder
{
    /// <summary>Input size caps.</summary>
    public IngestLimits Limits { get; set; } = IngestLimits.Default;

    /// <summary>Readers, asked in order; the first that takes a file reads it. The plain-text reader takes anything, so it goes last.</summary>
    public List<IDocumentReader> Readers { get; } = [];

    /// <summary>Labels segments with block kinds.</summary>
    public IBlockClassifier Classifier { get; set; } = new HintBlockClassifier();

    /// <summary>Finds document metadata.</summary>
    public IMetadataExtractor Metadata { get; set; } = new SourceMetadataExtractor();

    /// <summary>Tells the language; when null, a Lingua identifier over <see cref="Languages"/> is built.</summary>
    public ILanguageIdentifier? Language { get; set; }

    /// <summary>ISO 639-1 codes the language identifier considers.</summary>
    public IReadOnlyList<string> Languages { get; set; } = LinguaLanguageIdentifier.DefaultLanguages;

    /// <summary>Splits body text into sentences for the extractors.</summary>
    public ISentenceSplitter SentenceSplitter { get; set; } = new PunctuationSentenceSplitter();

    /// <summary>Extractors, in order: later ones may read what earlier ones found.</summary>
    public List<IExtractor> Extractors { get; } = [];

    /// <summary>Corpus-wide stages, in order: linking before reconciling, since corroboration counts independence groups.</summary>
    public List<ICorpusStage> CorpusStages { get; } = [];

    /// <summary>Report writers.</summary>
    public List<IReportWriter> ReportWriters { get; } = [];

    /// <summary>Analyser threads; defaults to the processor count.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>The standard configuration.</summary>
    public static PipelineBuilder CreateDefault()
    {
        var builder = new PipelineBuilder();
        builder.Readers.Add(new PlainTextDocumentReader());
        // Entities first: quotes and claims link their speakers and subjects to them.
        builder.Extractors.AddRange([new Extract.Entities.EntityExtractor(), new Extract.Quotes.QuoteExtractor(), new Extract.Claims.ClaimExtractor(), new Extract.Claims.CitationExtractor()]);
        // Entities are resolved first: later corpus stages match claims and quotes by global entity id.
        builder.CorpusStages.Insert(0, new Extract.Entities.EntityResolutionStage());
        builder.ReportWriters.Add(new JsonReportWriter());
        builder.ReportWriters.Add(new MarkdownReportWriter());
        builder.ReportWriters.Add(new HtmlReportWriter());
        return builder;
    }

    /// <summary>Freezes the configuration.</summary>
    public Pipeline Build() => new(this);
}
