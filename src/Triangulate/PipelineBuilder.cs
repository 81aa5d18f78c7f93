using Triangulate.Extract;
using Triangulate.Extract.Quantities;
using Triangulate.Extract.Time;
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
    public ISentenceSplitter SentenceSplitter { get; set; } = new NewsSentenceSplitter();

    /// <summary>Extractors, in order: later ones may read what earlier ones found.</summary>
    public List<IExtractor> Extractors { get; } = [];

    /// <summary>Corpus-wide stages, in order: what joins documents (entities, provenance, stories) and must see them all.</summary>
    public List<ICorpusStage> CorpusStages { get; } = [];

    /// <summary>
    /// Story stages, in order, run on each story alone (<see cref="CorpusContext.ForStory"/>) after the corpus-wide
    /// ones: every judgment about a story (dating, claims, contradictions, series, timeline) reads that story's
    /// evidence and nothing else.
    /// </summary>
    public List<ICorpusStage> StoryStages { get; } = [];

    /// <summary>Report writers.</summary>
    public List<IReportWriter> ReportWriters { get; } = [];

    /// <summary>Extra calendars of dated events (TSV: date, name, aliases) for dating undated documents; read when the dating stage first runs.</summary>
    public List<string> CalendarFiles { get; } = [];

    /// <summary>Analyser threads; defaults to the processor count.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Most documents one part of a relink links (see <see cref="Pipeline.LinkPart"/>): what a run holds in memory
    /// grows with it, what it costs grows with the stories the parts' borders split.
    /// </summary>
    public int LinkPart { get; set; } = 50_000;

    /// <summary>The standard configuration.</summary>
    public static PipelineBuilder CreateDefault()
    {
        var builder = new PipelineBuilder();
        // Text captures get the line classifier, pages the HTML one (dispatched on the reader's format).
        builder.Classifier = new FormatBlockClassifier(new TextLineClassifier()).Add("html", new HtmlBlockClassifier());
        builder.Metadata = new TextMetadataExtractor();
        // Containers before single documents: .warc.gz and .jsonl.gz are not "any .gz"; the HTML reader before plain
        // text, which takes anything, so last.
        var html = new HtmlPayloadParser();
        builder.Readers.AddRange([new WarcDocumentReader(html), new JsonlDocumentReader(html), new GzipDocumentReader(html), new HtmlDocumentReader()]);
        builder.Readers.Add(new PlainTextDocumentReader());
        // Times first: quantities skip numbers inside dates and attach the sentence's time.
        builder.Extractors.Add(new TimeExtractor());
        builder.Extractors.Add(new QuantityExtractor());
        // Then entities: quotes and claims link their speakers and subjects to them.
        builder.Extractors.AddRange([new Extract.Entities.EntityExtractor(), new Extract.Quotes.QuoteExtractor(), new Extract.Claims.ClaimExtractor(), new Extract.Claims.CitationExtractor()]);
        // Corpus-wide: provenance (derivations, independence groups), then stories, from content, names and stated dates.
        builder.CorpusStages.AddRange([new Link.Provenance.ProvenanceLinker(), new Link.Stories.StoryClusterer()]);
        // Per story: entities first (claims and quotes are matched by the story's entity ids: "Merkel" is "Angela Merkel"
        // when the story names one Merkel, whatever other stories hold); dating (claims re-resolve relative times against
        // it; it reads only the story's members and their derivations), then claims and quotes, contradictions (verdicts),
        // series (arithmetic checks), timeline.
        builder.StoryStages.AddRange([new Extract.Entities.EntityResolutionStage(), new Reconcile.DatingStage(builder.CalendarFiles), new Reconcile.ClaimMatchingStage(), new Reconcile.ContradictionStage(),
            new Reconcile.SeriesStage(), new Reconcile.TimelineStage()]);
        builder.ReportWriters.Add(new JsonReportWriter());
        builder.ReportWriters.Add(new MarkdownReportWriter());
        builder.ReportWriters.Add(new HtmlReportWriter());
        return builder;
    }

    /// <summary>Freezes the configuration.</summary>
    public Pipeline Build() => new(this);
}
