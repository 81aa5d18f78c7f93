using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>What sort of assertion a claim is.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ClaimKind>))]
public enum ClaimKind
{
    /// <summary>A figure: a count, an area, a share.</summary>
    Quantity,
    /// <summary>Something happened at a time and place.</summary>
    Event,
    /// <summary>The state of a person or thing: killed, wounded, captured, unharmed.</summary>
    Status,
    /// <summary>A quoted statement.</summary>
    Statement,
}
