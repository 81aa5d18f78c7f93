using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>What a time expression's value depends on, so it can be resolved again when that changes.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<TimeAnchor>))]
public enum TimeAnchor
{
    /// <summary>Complete as written ("20 January 2025").</summary>
    None,
    /// <summary>Relative to the document's publication date ("last weekend", "on Saturday", "20 January" without a year).</summary>
    Publication,
    /// <summary>Relative to a named event ("nine days before the inauguration").</summary>
    Event,
}
