using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>
/// Characters [<see cref="Start"/>, <see cref="End"/>) of one document's <c>text</c>, in UTF-16 code units.
/// The unit of evidence: every extracted item carries one, and users see its excerpt.
/// </summary>
[JsonConverter(typeof(TextSpanJsonConverter))]
public sealed record TextSpan(
    [property: JsonPropertyName("document")] string Document,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End)
{
    /// <summary>A copy of the characters, for human readers; null when not filled in.</summary>
    [JsonPropertyName("excerpt")]
    public string? Excerpt { get; init; }

    /// <summary>Number of characters covered.</summary>
    [JsonIgnore]
    public int Length => End - Start;

    /// <summary>Returns this span with its excerpt copied from <paramref name="text"/>.</summary>
    public TextSpan WithExcerpt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return this with { Excerpt = text[Start..End] };
    }
}
