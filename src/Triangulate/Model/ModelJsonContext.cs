using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>
/// Source-generated System.Text.Json metadata for every record that is written: the dossier contract and what the store keeps.
/// camelCase names, declaration order (stable), nulls left out (the contract's optional fields are optional, not nullable).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(Dossier))]
[JsonSerializable(typeof(Document))]
// A block's kind, read and written by BlockJsonConverter through the options: no longer reached through Block's members.
[JsonSerializable(typeof(BlockKind))]
[JsonSerializable(typeof(DocumentAnalysis))]
[JsonSerializable(typeof(CorpusResult))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(List<Problem>))]
[JsonSerializable(typeof(Relation))]
[JsonSerializable(typeof(Story))]
[JsonSerializable(typeof(Entity))]
[JsonSerializable(typeof(Claim))]
[JsonSerializable(typeof(Quote))]
[JsonSerializable(typeof(Contradiction))]
[JsonSerializable(typeof(TimelineEntry))]
[JsonSerializable(typeof(FigureSeries))]
[JsonSerializable(typeof(StageFailure))]
[JsonSerializable(typeof(List<StageFailure>))]
[JsonSerializable(typeof(StoryFindings))]
[JsonSerializable(typeof(List<Claim>))]
[JsonSerializable(typeof(List<Quote>))]
[JsonSerializable(typeof(List<Contradiction>))]
[JsonSerializable(typeof(List<TimelineEntry>))]
[JsonSerializable(typeof(List<FigureSeries>))]
[JsonSerializable(typeof(Dictionary<string, DateEstimate>))]
public sealed partial class ModelJsonContext : JsonSerializerContext;
