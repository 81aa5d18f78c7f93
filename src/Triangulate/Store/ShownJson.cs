using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// The stored JSON read as a story page shows it: the members the page does not show are stepped over by the reader,
/// never turned into strings or objects, and come back empty. The row is read as stored (no database-side JSON rewrite): stepping over a
/// value costs a scan of its bytes, much less than parsing it, and far less than the database parsing and rewriting the
/// row to empty it first.
/// </summary>
internal static class ShownJson
{
    private static readonly JsonSerializerOptions Options = SkippedJson.Options(Skip);

    /// <summary>A document without its text, blocks, body and comments (each empty).</summary>
    public static JsonTypeInfo<Document> Document { get; } = (JsonTypeInfo<Document>)Options.GetTypeInfo(typeof(Document));

    /// <summary>A relation without its aligned passages (<see cref="Relation.Evidence"/> empty).</summary>
    public static JsonTypeInfo<Relation> Relation { get; } = (JsonTypeInfo<Relation>)Options.GetTypeInfo(typeof(Relation));

    /// <summary>A story's findings without its inferred dates, its entities' mentions without their excerpts.</summary>
    public static JsonTypeInfo<StoryFindings> StoryFindings { get; } = (JsonTypeInfo<StoryFindings>)Options.GetTypeInfo(typeof(StoryFindings));

    private static void Skip(JsonTypeInfo type)
    {
        if (type.Type == typeof(StoryFindings))
        {
            foreach (var property in type.Properties)
                if (property.Name == "inferredPublished") property.CustomConverter = SkippedJson<IReadOnlyDictionary<string, DateEstimate>>.Empty(new Dictionary<string, DateEstimate>());
        }
        else if (type.Type == typeof(Entity))
        {
            foreach (var property in type.Properties)
                if (property.Name == "mentions") property.CustomConverter = MentionsWithoutExcerpts.Instance;
        }
        else if (type.Type == typeof(Document))
        {
            foreach (var property in type.Properties)
                property.CustomConverter = property.Name switch
                {
                    "text" or "body" => SkippedJson<string>.Empty(""),
                    "blocks" => SkippedJson<IReadOnlyList<Block>>.Empty([]),
                    "comments" => SkippedJson<IReadOnlyList<Comment>>.Empty([]),
                    _ => property.CustomConverter,
                };
        }
        else if (type.Type == typeof(Relation))
        {
            foreach (var property in type.Properties)
                if (property.Name == "evidence") property.CustomConverter = SkippedJson<IReadOnlyList<AlignedPassage>>.Empty([]);
        }
    }

    /// <summary>
    /// An entity's mentions as spans without their excerpts; the document ids of consecutive mentions of one document
    /// (they are stored in document order) share one string.
    /// </summary>
    private sealed class MentionsWithoutExcerpts : JsonConverter<IReadOnlyList<TextSpan>>
    {
        public static readonly MentionsWithoutExcerpts Instance = new();

        public override IReadOnlyList<TextSpan> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("An entity's mentions are an array.");
            var mentions = new List<TextSpan>();
            string? last = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A mention is an object.");
                string? document = null;
                int start = 0, end = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.ValueTextEquals("document") ? 1 : reader.ValueTextEquals("start") ? 2 : reader.ValueTextEquals("end") ? 3 : 0;
                    reader.Read();
                    switch (name)
                    {
                        case 1:
                            document = last is not null && reader.ValueTextEquals(last) ? last : reader.GetString();
                            last = document;
                            break;
                        case 2: start = reader.GetInt32(); break;
                        case 3: end = reader.GetInt32(); break;
                        default: reader.Skip(); break;
                    }
                }
                mentions.Add(new TextSpan(document ?? throw new JsonException("A mention names its document."), start, end));
            }
            return mentions;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<TextSpan> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("A value read to be shown is never written back.");
    }
}
