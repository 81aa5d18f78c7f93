using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triangulate.Model;
using Triangulate.Report;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Report;

public class JsonReportWriterTests
{
    [Fact]
    public void A_product_is_written_as_the_contracts_other_with_its_subtype_and_the_dossier_stays_valid()
    {
        using var temp = new TempFolder();
        var docs = SomeDossier.SmallDocuments();
        var corpus = SomeDossier.For(docs, entityPhrase: "the region");
        var place = Assert.Single(corpus.Entities);
        corpus = corpus with { Entities = [place with { Type = EntityType.Product }] };
        using var store = SomeDossier.Store(temp.File("t.db"), docs, corpus);

        var json = SomeDossier.Write(new JsonReportWriter(), store);

        Assert.Empty(DossierValidator.Errors(json));
        var entity = JsonNode.Parse(json)!["entities"]!.AsArray().Single()!;
        Assert.Equal("other", (string)entity["type"]!);
        Assert.Equal("product", (string)entity["subtype"]!);
        // The store keeps the finer type: only the contract's view maps it.
        Assert.Equal(EntityType.Product, Assert.Single(store.LoadCorpus().Entities).Type);
    }

    [Fact]
    public void Documents_written_alone_then_copied_are_the_bytes_of_the_whole_array_written_at_once()
    {
        Document[] documents =
        [
            Some.Document("The council said on Monday that \"the bridge\" will reopen.\nA second line."),
            Some.Document("Der Rat sagte am Montag: „Die Brücke öffnet wieder“ – 3 000 € kostet es."),
            Some.Document("One more, with a tab\tand a <tag> & an ampersand."),
        ];
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var type = ModelJson.Readable.Document;

        var whole = Written(options, writer =>
        {
            foreach (var document in documents) JsonSerializer.Serialize(writer, document, type);
        });
        var copied = Written(options, writer =>
        {
            foreach (var document in documents) writer.WriteRawValue(JsonReportWriter.Indented(document, options, type), skipInputValidation: true);
        });

        Assert.Contains("Brücke", whole, StringComparison.Ordinal);
        Assert.Equal(whole, copied);
    }

    [Fact]
    public void A_document_copied_from_its_stored_compact_json_is_the_bytes_the_serialiser_writes_for_it()
    {
        Document[] documents =
        [
            Some.Document("Quotes \"inside\", a back\\slash, a tab\tand a control \u0001 character.\nA second line."),
            Some.Document("Der Rat sagte am Montag: „Die Brücke öffnet wieder“ – 3 000 € kostet es 🚧, a line\u2028separator."),
            Some.Document("<tag> & 'apostrophes', +1.5e3 and -0.25 as text") with { Title = "A \"title\"", Published = DateEstimate.Exact(new PartialDate(2024, 3, 1), DateBasis.Metadata) },
        ];
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        var serialised = Written(options, writer =>
        {
            foreach (var document in documents) JsonSerializer.Serialize(writer, document, ModelJson.Readable.Document);
        });
        var copied = Written(options, writer =>
        {
            foreach (var document in documents) CompactJsonCopy.Write(JsonSerializer.SerializeToUtf8Bytes(document, ModelJson.Compact.Document), writer);
        });

        Assert.Contains("\\\"inside\\\"", serialised, StringComparison.Ordinal);
        // Outside the basic plane the encoder escapes (the copy's unescaped-and-written-again path).
        Assert.Contains("\\uD83D\\uDEA7", serialised, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Brücke", serialised, StringComparison.Ordinal);
        Assert.Equal(serialised, copied);
    }

    /// <summary>A top object with one array, its elements written by <paramref name="elements"/>, as text.</summary>
    private static string Written(JsonWriterOptions options, Action<Utf8JsonWriter> elements)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("documents");
            writer.WriteStartArray();
            elements(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
