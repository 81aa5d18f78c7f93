using System.Text.Encodings.Web;
using System.Text.Json;

namespace Triangulate.Model;

/// <summary>The two JSON shapes Triangulate writes: indented for people (reports), compact for the store.</summary>
public static class ModelJson
{
    /// <summary>Indented, with non-ASCII letters kept as they are so excerpts stay readable.</summary>
    public static ModelJsonContext Readable { get; } = new(new JsonSerializerOptions(ModelJsonContext.Default.Options)
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Compact, for the store.</summary>
    public static ModelJsonContext Compact { get; } = new(new JsonSerializerOptions(ModelJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
