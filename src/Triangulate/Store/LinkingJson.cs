using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// A stored analysis read as the linking stages use it: its entities, times and citations, with its claims and quotes
/// (most of its JSON, read by the story stages alone) stepped over and left empty. Each linking stage reads every new
/// document, so what it does not use is not parsed.
/// </summary>
internal static class LinkingJson
{
    private static readonly JsonSerializerOptions Options = SkippedJson.Options(Skip);

    /// <summary>An analysis without its claims and quotes (each empty).</summary>
    public static JsonTypeInfo<DocumentAnalysis> DocumentAnalysis { get; } = (JsonTypeInfo<DocumentAnalysis>)Options.GetTypeInfo(typeof(DocumentAnalysis));

    private static void Skip(JsonTypeInfo type)
    {
        if (type.Type != typeof(DocumentAnalysis)) return;
        foreach (var property in type.Properties)
            property.CustomConverter = property.Name switch
            {
                "claims" => SkippedJson<IReadOnlyList<ClaimDraft>>.Empty([]),
                "quotes" => SkippedJson<IReadOnlyList<QuoteDraft>>.Empty([]),
                _ => property.CustomConverter,
            };
    }
}
