using System.Text.Json;

namespace Triangulate.Report;

/// <summary>
/// Writes a value stored as compact JSON (<see cref="Model.ModelJson.Compact"/>) to a writer token by token, so the
/// writer's own layout (the dossier's indentation) applies, without making the value's objects or strings: the JSON
/// dossier's documents are most of its bytes, and parsing each into a <see cref="Model.Document"/> only to serialise it
/// again made every text, block and span anew. The bytes are those the serialiser writes for the parsed value: the two
/// JSON shapes differ only in indentation, numbers are copied as written, a string without escapes needed none under the
/// same encoder, and an escaped one is unescaped and written as the serialiser writes a string.
/// </summary>
internal static class CompactJsonCopy
{
    /// <summary>Writes the one JSON value in <paramref name="json"/> to <paramref name="writer"/>.</summary>
    public static void Write(ReadOnlySpan<byte> json, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                case JsonTokenType.PropertyName:
                    if (reader.ValueIsEscaped) writer.WritePropertyName(reader.GetString()!);
                    else writer.WritePropertyName(reader.ValueSpan);
                    break;
                case JsonTokenType.String:
                    if (reader.ValueIsEscaped) writer.WriteStringValue(reader.GetString());
                    else writer.WriteStringValue(reader.ValueSpan);
                    break;
                case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                case JsonTokenType.Null: writer.WriteNullValue(); break;
                default: throw new JsonException($"unexpected {reader.TokenType} in stored JSON");
            }
        }
    }
}
