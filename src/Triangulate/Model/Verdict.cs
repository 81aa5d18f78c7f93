using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>How well a claim stands: carried by two or more independent sources, by one, or contradicted.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>Two or more independent sources carry it.</summary>
    Corroborated,
    /// <summary>One independent source carries it.</summary>
    SingleSource,
    /// <summary>Part of a contradiction.</summary>
    Contested,
}
