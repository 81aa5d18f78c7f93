using System.Text.Json;
using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>Writes enum members as the contract spells them: lower case, words joined by hyphens (SingleSource → "single-source").</summary>
public sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
