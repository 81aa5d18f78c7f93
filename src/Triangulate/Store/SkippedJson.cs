using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>The store's JSON read with some members stepped over (<see cref="ShownJson"/>, <see cref="LinkingJson"/>).</summary>
internal static class SkippedJson
{
    /// <summary>The store's options (<see cref="ModelJson.Compact"/>) with <paramref name="skip"/> changing the members it steps over.</summary>
    public static JsonSerializerOptions Options(Action<JsonTypeInfo> skip) => new(ModelJson.Compact.Options)
    {
        TypeInfoResolver = ((IJsonTypeInfoResolver)ModelJson.Compact).WithAddedModifier(skip),
    };
}

/// <summary>Steps over a value and gives <c>empty</c> in its place; never writes.</summary>
internal sealed class SkippedJson<T>(T empty) : JsonConverter<T>
{
    public static SkippedJson<T> Empty(T empty) => new(empty);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        reader.Skip();
        return empty;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException("A value read without this member is never written back.");
}
