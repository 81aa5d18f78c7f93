using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Model;

/// <summary>
/// Spans and blocks are read and written by their own converters (for speed): the bytes must stay those of the
/// serializer's contract for a record of the same shape, under every option set the project writes with, and reading
/// must not depend on the order of the fields.
/// </summary>
public class SpanJsonTests
{
    /// <summary>The store's compact options, the reports' indented ones, and defaults that write nulls.</summary>
    public static TheoryData<string> OptionSets => ["compact", "readable", "web"];

    // The project's option sets, with reflection behind their generated metadata for the shapes below.
    private static JsonSerializerOptions Options(string set) => set switch
    {
        "compact" => WithShapes(ModelJson.Compact),
        "readable" => WithShapes(ModelJson.Readable),
        _ => new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = new DefaultJsonTypeInfoResolver() },
    };

    private static JsonSerializerOptions WithShapes(ModelJsonContext context) =>
        new(context.Options) { TypeInfoResolver = JsonTypeInfoResolver.Combine(context, new DefaultJsonTypeInfoResolver()) };

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Spans_are_written_as_the_serializer_writes_a_record_of_their_shape(string set)
    {
        var options = Options(set);
        TextSpan[] spans =
        [
            new("d-0123456789abcdef", 0, 17),
            new("d-0123456789abcdef", 40, 52) { Excerpt = "said \"no\" twice" },
            new("d-1", 3, 9) { Excerpt = "Zürich's mayor — «Ça va»\nnext line\t<b>&</b>" },
            new("d-2", 1_000_000, 1_000_004) { Excerpt = "" },
        ];
        foreach (var span in spans)
            Assert.Equal(JsonSerializer.Serialize(new SpanShape(span.Document, span.Start, span.End) { Excerpt = span.Excerpt }, options), JsonSerializer.Serialize(span, options));
        // In a list, as an analysis holds them.
        Assert.Equal(JsonSerializer.Serialize(spans.Select(s => new SpanShape(s.Document, s.Start, s.End) { Excerpt = s.Excerpt }).ToList(), options), JsonSerializer.Serialize(spans.ToList(), options));
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Blocks_are_written_as_the_serializer_writes_a_record_of_their_shape(string set)
    {
        var options = Options(set);
        foreach (var kind in Enum.GetValues<BlockKind>())
        {
            var block = new Block(kind, 12, 345);
            Assert.Equal(JsonSerializer.Serialize(new BlockShape(kind, 12, 345), options), JsonSerializer.Serialize(block, options));
            Assert.Equal(block, JsonSerializer.Deserialize<Block>(JsonSerializer.Serialize(block, options), options));
        }
    }

    [Fact]
    public void Spans_read_back_in_any_field_order_and_step_over_fields_they_do_not_have()
    {
        var options = ModelJson.Compact.Options;
        var read = JsonSerializer.Deserialize<TextSpan>("""{"end":9,"note":[1,{"a":"b"}],"excerpt":"a \"q\"","start":3,"document":"d-7"}""", options);
        Assert.Equal(new TextSpan("d-7", 3, 9) { Excerpt = "a \"q\"" }, read);
        Assert.Null(JsonSerializer.Deserialize<TextSpan>("""{"document":"d-7","start":3,"end":9}""", options)!.Excerpt);
        Assert.Equal(new Block(BlockKind.Caption, 4, 8), JsonSerializer.Deserialize<Block>("""{"end":8,"extra":null,"start":4,"kind":"caption"}""", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TextSpan>("[1,2]", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Block>("""{"kind":"not-a-kind","start":1,"end":2}""", options));
    }

    [Fact]
    public void An_analysed_document_and_its_analysis_read_back_to_the_same_bytes()
    {
        var source = Some.SourceDocument("""
            The ferry to Castel Ombra was cancelled on Friday after a storm damaged its pier, the harbour office said. Some 1,200 passengers were stranded.

            "We expect the pier to reopen by Monday," said Irina Vasko, the harbour master.
            """);
        var (document, analysis) = Some.PipelineBuilder().Build().AnalyzeOne(source);
        Assert.NotEmpty(document.Blocks);
        Assert.NotEmpty(analysis.Entities);
        var documentJson = JsonSerializer.Serialize(document, ModelJson.Compact.Document);
        var analysisJson = JsonSerializer.Serialize(analysis, ModelJson.Compact.DocumentAnalysis);
        Assert.Contains("\"start\":", analysisJson, StringComparison.Ordinal);
        Assert.Equal(documentJson, JsonSerializer.Serialize(JsonSerializer.Deserialize(documentJson, ModelJson.Compact.Document)!, ModelJson.Compact.Document));
        Assert.Equal(analysisJson, JsonSerializer.Serialize(JsonSerializer.Deserialize(analysisJson, ModelJson.Compact.DocumentAnalysis)!, ModelJson.Compact.DocumentAnalysis));
    }

    /// <summary><see cref="TextSpan"/>'s shape without its converter: what the serializer's own path writes.</summary>
    private sealed record SpanShape(
        [property: JsonPropertyName("document")] string Document,
        [property: JsonPropertyName("start")] int Start,
        [property: JsonPropertyName("end")] int End)
    {
        [JsonPropertyName("excerpt")]
        public string? Excerpt { get; init; }
    }

    /// <summary><see cref="Block"/>'s shape without its converter.</summary>
    private sealed record BlockShape(BlockKind Kind, int Start, int End);
}
