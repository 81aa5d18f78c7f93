using System.Text.Json;
using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>
/// Reads and writes a <see cref="Block"/> field by field (<c>kind</c>, <c>start</c>, <c>end</c>; the kind by its own
/// converter), as the serializer's contract shapes it: about eleven blocks a stored document, each otherwise read by the
/// serializer's general path for records with a constructor (see <see cref="TextSpanJsonConverter"/>).
/// </summary>
internal sealed class BlockJsonConverter : JsonConverter<Block>
{
    /// <inheritdoc />
    public override Block Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A block is an object.");
        // A block without its kind is what the serializer's own path makes of one: the enum's default.
        var kind = default(BlockKind);
        int start = 0, end = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var field = reader.ValueTextEquals("kind"u8) ? 1 : reader.ValueTextEquals("start"u8) ? 2 : reader.ValueTextEquals("end"u8) ? 3 : 0;
            reader.Read();
            switch (field)
            {
                case 1: kind = Kinds(options).Read(ref reader, typeof(BlockKind), options); break;
                case 2: start = reader.GetInt32(); break;
                case 3: end = reader.GetInt32(); break;
                default: reader.Skip(); break;
            }
        }
        return new Block(kind, start, end);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Block value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("kind"u8);
        Kinds(options).Write(writer, value.Kind, options);
        writer.WriteNumber("start"u8, value.Start);
        writer.WriteNumber("end"u8, value.End);
        writer.WriteEndObject();
    }

    private static JsonConverter<BlockKind> Kinds(JsonSerializerOptions options) => (JsonConverter<BlockKind>)options.GetConverter(typeof(BlockKind));
}
