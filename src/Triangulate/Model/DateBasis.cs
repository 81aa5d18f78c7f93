using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>What a publication date rests on.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DateBasis>))]
public enum DateBasis
{
    /// <summary>From the file or the page markup.</summary>
    Metadata,
    /// <summary>Written in the text as a date.</summary>
    Stated,
    /// <summary>Reasoned from relative expressions and reference events.</summary>
    Inferred,
}
