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
        if (source.FailedStages.Count > 0) WriteArray(writer, "incomplete", source.FailedStages, context.StageFailure);
        writer.WritePropertyName("documents");
        writer.WriteStartArray();
        // The documents are most of the file: each is written on any core as the writer would write it in this array,
        // then copied in order (the separator between them is the writer's).
        foreach (var document in OrderedParallel.Map(source.Documents(), d => Indented(d, writer.Options, context.Document)))
        {
            writer.WriteRawValue(document, skipInputValidation: true);
            // Keep the buffer small: a large corpus must not sit in memory before it reaches the file.
            if (writer.BytesPending > 1 << 20) writer.Flush();
        }
        writer.WriteEndArray();
        // Each part streamed from the store in its turn: the whole-store dossier never sits in memory.
        WriteArray(writer, "relations", source.Relations(), context.Relation);
        WriteArray(writer, "stories", source.Stories, context.Story);
        WriteArray(writer, "entities", source.Entities().Select(e => e.ForContract()), context.Entity);
        WriteArray(writer, "claims", source.Claims(), context.Claim);
        WriteArray(writer, "quotes", source.Quotes(), context.Quote);
        WriteArray(writer, "contradictions", source.Contradictions(), context.Contradiction);
        WriteArray(writer, "timeline", source.Timeline(), context.TimelineEntry);
        WriteArray(writer, "series", source.Series(), context.FigureSeries);
        WriteArray(writer, "problems", source.Problems, context.Problem);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>
    /// The bytes a writer with <paramref name="options"/> writes for <paramref name="item"/> as an element of an array
    /// one level into the top object (its line break and indent first, no separator): written alone, byte for byte
    /// what it is in the whole file.
    /// </summary>
    internal static byte[] Indented<T>(T item, JsonWriterOptions options, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using var writer = new Utf8JsonWriter(buffer, options);
        writer.WriteStartObject();
        writer.WritePropertyName("_"u8);
        writer.WriteStartArray();
        writer.Flush();
        var start = buffer.WrittenCount;
        JsonSerializer.Serialize(writer, item, type);
        writer.Flush();
        return buffer.WrittenSpan[start..].ToArray();
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, string name, IEnumerable<T> items, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var item in items)
        {
            JsonSerializer.Serialize(writer, item, type);
            if (writer.BytesPending > 1 << 20) writer.Flush();
        }
        writer.WriteEndArray();
    }
}
