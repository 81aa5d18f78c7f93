using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Orleans.Serialization;
using Triangulate.Model;

namespace Triangulate.Cluster;

/// <summary>
/// How the library's records cross between client and silos: as JSON, with the store's own source-generated metadata
/// for the model types (what a worker sends back is read exactly as the store would read it) and reflection for the
/// rest (read documents, story work). The library stays free of Orleans attributes; only this project's messages carry them.
/// </summary>
public static class ClusterSerialization
{
    /// <summary>The JSON options of every library record sent between client and silos.</summary>
    public static JsonSerializerOptions Options { get; } = new(ModelJsonContext.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ModelJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        // Markup features are ratios a reader may leave undefined; JSON has no NaN of its own.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Registers the JSON codec for the library's types (namespace Triangulate and below, this project's excepted).</summary>
    public static ISerializerBuilder AddTriangulateTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(IsLibraryType, Options);

    private static bool IsLibraryType(Type type) =>
        type.Namespace is { } ns
        && (ns == "Triangulate" || ns.StartsWith("Triangulate.", StringComparison.Ordinal))
        && !ns.StartsWith("Triangulate.Cluster", StringComparison.Ordinal);
}
