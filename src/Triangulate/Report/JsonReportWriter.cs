using System.Text.Encodings.Web;
using System.Text.Json;
using Triangulate.Model;

namespace Triangulate.Report;

/// <summary>Writes <c>dossier.json</c>, the contract, streaming documents one at a time from the store.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_buffer;

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
        // then copied in order (the separator between them is the writer's). They are read from the store and written
        // ahead of this thread, which only copies them into the file: at a million articles, reading, rendering and
        // copying one after another left a core idle for half the dossier's time.
        // A document is copied from the JSON the store keeps (CompactJsonCopy), not parsed and written again; only one
        // whose publication date is inferred is parsed, to fill it in as Documents() does.
        WriteItems(writer, OrderedParallel.Ahead(source.DocumentsJson(), d => RenderedDocument(d, writer.Options, context.Document)));
        writer.WriteEndArray();
        // Each part streamed from the store in its turn: the whole-store dossier never sits in memory. Their items are
        // written on any core as the documents are (the relations and entities are 120 and 90 MB at 100k articles).
        WriteArray(writer, "relations", source.Relations(), context.Relation);
        WriteArray(writer, "stories", source.Stories, context.Story);
        WriteArray(writer, "entities", source.Entities(), e => e.ForContract(), context.Entity);
        WriteArray(writer, "claims", source.Claims(), context.Claim);
        WriteArray(writer, "quotes", source.Quotes(), context.Quote);
        WriteArray(writer, "contradictions", source.Contradictions(), context.Contradiction);
        WriteArray(writer, "timeline", source.Timeline(), context.TimelineEntry);
        WriteArray(writer, "series", source.Series(), context.FigureSeries);
        WriteArray(writer, "problems", source.Problems, context.Problem);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>Items up to this size are handed to the file's thread in a pooled array (returned once copied), larger ones in their own.</summary>
    /// <remarks>
    /// An array a rendered item was copied into was about the file's size again in garbage (177 MB of 857 at 20k
    /// articles). The bound keeps what the shared pool may hold on to small: items are mostly documents of a few KB.
    /// </remarks>
    private const int MaxPooledItem = 64 * 1024;

    /// <summary>
    /// The bytes a writer with <paramref name="options"/> writes for <paramref name="item"/> as an element of an array
    /// one level into the top object (its line break and indent first, no separator): written alone, byte for byte
    /// what it is in the whole file.
    /// </summary>
    internal static byte[] Indented<T>(T item, JsonWriterOptions options, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var rendered = Rendered(item, options, type);
        var bytes = rendered.Span.ToArray();
        rendered.Release();
        return bytes;
    }

    /// <summary>As <see cref="Indented"/>, in an <see cref="Item"/> for <see cref="WriteItems"/>.</summary>
    private static Item Rendered<T>(T item, JsonWriterOptions options, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        RenderedBy(options, writer => JsonSerializer.Serialize(writer, item, type));

    /// <summary>
    /// As <see cref="Rendered"/>, a document kept as compact JSON: copied token by token, or, with a date inferred for
    /// it, parsed and that date filled in where it states none (as <see cref="DossierSource.Documents"/> does).
    /// </summary>
    private static Item RenderedDocument((byte[] Json, DateEstimate? Inferred) document, JsonWriterOptions options, System.Text.Json.Serialization.Metadata.JsonTypeInfo<Document> type)
    {
        if (document.Inferred is not { } estimate) return RenderedBy(options, writer => CompactJsonCopy.Write(document.Json, writer));
        var parsed = JsonSerializer.Deserialize(document.Json, ModelJson.Compact.Document)!;
        return Rendered(DossierSource.WithInferred(parsed, estimate), options, type);
    }

    private static Item RenderedBy(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        // One buffer a thread, kept: a new one per item cleared 16 KB for each of a few hundred thousand items.
        var buffer = t_buffer ??= new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(buffer, options);
        writer.WriteStartObject();
        writer.WritePropertyName("_"u8);
        writer.WriteStartArray();
        writer.Flush();
        var start = buffer.WrittenCount;
        write(writer);
        writer.Flush();
        var written = buffer.WrittenSpan[start..];
        var item = written.Length <= MaxPooledItem ? Item.Pooled(written) : new Item(written.ToArray(), written.Length, false);
        // A very large item's buffer is not kept: what each thread holds stays small.
        if (buffer.Capacity > 1 << 20) t_buffer = null;
        return item;
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, string name, IEnumerable<T> items, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        WriteArray(writer, name, items, item => item, type);

    /// <summary>The array <paramref name="name"/> of <paramref name="shape"/> of each item, each read and written on any core ahead of this thread, in order.</summary>
    private static void WriteArray<TItem, T>(Utf8JsonWriter writer, string name, IEnumerable<TItem> items, Func<TItem, T> shape, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        var options = writer.Options;
        WriteItems(writer, OrderedParallel.Ahead(items, item => Rendered(shape(item), options, type)));
        writer.WriteEndArray();
    }

    /// <summary>Copies items written by <see cref="Rendered"/> into the open array, in order, and gives their arrays back.</summary>
    private static void WriteItems(Utf8JsonWriter writer, IEnumerable<Item> items)
    {
        foreach (var item in items)
        {
            writer.WriteRawValue(item.Span, skipInputValidation: true);
            item.Release();
            // Keep the buffer small: a large corpus must not sit in memory before it reaches the file.
            if (writer.BytesPending > 1 << 20) writer.Flush();
        }
    }

    /// <summary>One rendered item's bytes: the first <paramref name="Length"/> of <paramref name="Array"/>, pooled or its own.</summary>
    private readonly record struct Item(byte[] Array, int Length, bool FromPool)
    {
        public ReadOnlySpan<byte> Span => Array.AsSpan(0, Length);

        public static Item Pooled(ReadOnlySpan<byte> bytes)
        {
            var array = System.Buffers.ArrayPool<byte>.Shared.Rent(bytes.Length);
            bytes.CopyTo(array);
            return new Item(array, bytes.Length, true);
        }

        /// <summary>Gives a pooled array back (after its bytes are copied; an item is released once).</summary>
        public void Release()
        {
            if (FromPool) System.Buffers.ArrayPool<byte>.Shared.Return(Array);
        }
    }
}
