using System.Text.Encodings.Web;
using System.Text.Json;
using Triangulate.Model;

namespace Triangulate.Report;

/// <summary>Writes <c>dossier.json</c>, the contract, streaming documents one at a time from the store.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public string FileName => "dossier.json";

    /// <inheritdoc />
    public void Write(DossierSource source, Stream output)
    {
        ArgumentNullException.ThrowIfNull(source);
        var context = ModelJson.Readable;
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("schema", Dossier.SchemaName);
        writer.WriteString("generated", source.Generated);
        // At the top, before anything a reader might take as complete: which corpus stages failed.
        if (source.Corpus.FailedStages.Count > 0) WriteArray(writer, "incomplete", source.Corpus.FailedStages, context.StageFailure);
        writer.WritePropertyName("documents");
        writer.WriteStartArray();
        foreach (var document in source.Documents())
        {
            JsonSerializer.Serialize(writer, document, context.Document);
            // Keep the buffer small: a large corpus must not sit in memory before it reaches the file.
            if (writer.BytesPending > 1 << 20) writer.Flush();
        }
        writer.WriteEndArray();
        var corpus = source.Corpus;
        WriteArray(writer, "relations", corpus.Relations, context.Relation);
        WriteArray(writer, "stories", corpus.Stories, context.Story);
        writer.WritePropertyName("entities");
        writer.WriteStartArray();
        foreach (var entity in corpus.Entities) JsonSerializer.Serialize(writer, entity.ForContract(), context.Entity);
        writer.WriteEndArray();
        WriteArray(writer, "claims", corpus.Claims, context.Claim);
        WriteArray(writer, "quotes", corpus.Quotes, context.Quote);
        WriteArray(writer, "contradictions", corpus.Contradictions, context.Contradiction);
        WriteArray(writer, "timeline", corpus.Timeline, context.TimelineEntry);
        WriteArray(writer, "series", corpus.Series, context.FigureSeries);
        WriteArray(writer, "problems", source.Problems, context.Problem);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T> items, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var item in items) JsonSerializer.Serialize(writer, item, type);
        writer.WriteEndArray();
    }
}
