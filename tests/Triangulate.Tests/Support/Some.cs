using System.Text;
using Triangulate.Ingest;
using Triangulate.Model;

namespace Triangulate.Tests.Support;

/// <summary>Test data builders (Serilog's Some.*): the smallest valid object, with the parts a test cares about.</summary>
public static class Some
{
    /// <summary>A source document of plain text, one segment per non-blank line.</summary>
    public static SourceDocument SourceDocument(string text, string source = "test.txt")
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new SourceDocument
        {
            Source = source,
            Sha256 = StableId.Sha256Hex(bytes),
            Raw = bytes,
            Text = text,
            Segments = LineSegmenter.Segment(text),
            Format = "text",
        };
    }

    /// <summary>A document whose every non-blank line is a body block.</summary>
    public static Document Document(string text, string source = "test.txt", string language = "en", DateEstimate? published = null)
    {
        var sourceDocument = SourceDocument(text, source);
        var blocks = new HintBlockClassifier().Classify(sourceDocument);
        return new Document
        {
            Id = StableId.ForDocument(sourceDocument.Sha256),
            Source = source,
            Sha256 = sourceDocument.Sha256,
            Text = text,
            Blocks = blocks,
            Body = DocumentAssembler.JoinBody(text, blocks),
            Language = language,
            Published = published,
        };
    }

    /// <summary>A document published on a known day.</summary>
    public static Document DatedDocument(string text, DateOnly published, string source = "test.txt") =>
        Document(text, source, published: DateEstimate.Exact(PartialDate.FromDate(published), DateBasis.Metadata));

    /// <summary>The default pipeline with a language identifier that needs no models (tests that do not test language detection).</summary>
    public static PipelineBuilder PipelineBuilder()
    {
        var builder = Triangulate.PipelineBuilder.CreateDefault();
        builder.Language = new FixedLanguage("en");
        return builder;
    }

    /// <summary>Always answers the same language.</summary>
    public sealed class FixedLanguage(string code) : Text.ILanguageIdentifier
    {
        public string Identify(string text) => code;
    }
}
