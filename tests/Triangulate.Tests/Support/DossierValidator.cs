using System.Text.RegularExpressions;
using NJsonSchema;

namespace Triangulate.Tests.Support;

/// <summary>Validates dossier JSON against the repo's copy of the contract with NJsonSchema.</summary>
public static class DossierValidator
{
    // NJsonSchema reads drafts 4 to 7: it resolves "definitions" but not 2020-12 "$defs", and ignores "const".
    // Renaming the container (and the references into it) and writing each const as a one-value enum keep the
    // schema's meaning exactly.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(
        Regex.Replace(
            File.ReadAllText(TestPaths.Schema)
                .Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal)
                .Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal),
            "\"const\"\\s*:\\s*(\"[^\"]*\")", "\"enum\": [$1]")).GetAwaiter().GetResult());

    /// <summary>The validation errors, as "path: kind" lines; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string json) =>
        [.. Schema.Value.Validate(json).Select(e => $"{e.Path}: {e.Kind}")];
}
