using System.Text.Encodings.Web;
using System.Text.Json;

namespace Triangulate.CorpusGen;

/// <summary>Serializer settings for gold records: readable UTF-8, compact.</summary>
internal static class GoldJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
