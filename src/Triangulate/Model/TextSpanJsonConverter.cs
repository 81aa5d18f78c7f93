using System.Text.Json;
using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>
/// Reads and writes a <see cref="TextSpan"/> field by field, in the shape the serializer's own contract gives it
/// (<c>document</c>, <c>start</c>, <c>end</c>, then <c>excerpt</c> unless null and nulls are left out). A span is the
/// most frequent object of a stored analysis (about 17 a document), and a record with a constructor is read by the
/// serializer's general path, which buffers each property as a constructor argument and looks it up by name: the stored
/// documents and analyses read back by the linking and story stages spent about a tenth of a whole run's CPU there
/// (docs/benchmarks.md, "session 37, scale37").
/// </summary>
internal sealed class TextSpanJsonConverter : JsonConverter<TextSpan>
{
    /// <inheritdoc />
    public override TextSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A span is an object.");
        string? document = null, excerpt = null;
        int start = 0, end = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var field = reader.ValueTextEquals("document"u8) ? 1 : reader.ValueTextEquals("start"u8) ? 2 : reader.ValueTextEquals("end"u8) ? 3 : reader.ValueTextEquals("excerpt"u8) ? 4 : 0;
            reader.Read();
            switch (field)
            {
                case 1: document = reader.GetString(); break;
                case 2: start = reader.GetInt32(); break;
                case 3: end = reader.GetInt32(); break;
                case 4: excerpt = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }
        return new TextSpan(document!, start, end) { Excerpt = excerpt };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TextSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var writeNulls = options.DefaultIgnoreCondition != JsonIgnoreCondition.WhenWritingNull;
        writer.WriteStartObject();
        if (value.Document is not null || writeNulls) writer.WriteString("document"u8, value.Document);
        writer.WriteNumber("start"u8, value.Start);
        writer.WriteNumber("end"u8, value.End);
        if (value.Excerpt is not null || writeNulls) writer.WriteString("excerpt"u8, value.Excerpt);
        writer.WriteEndObject();
    }
}
