using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>How one document relates to another document or to an outside source.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<RelationKind>))]
public enum RelationKind
{
    /// <summary>The same text, copied.</summary>
    Copy,
    /// <summary>The same text under another outlet's name, as agreed.</summary>
    Syndication,
    /// <summary>The same content reworded.</summary>
    Rewrite,
    /// <summary>The same content in another language.</summary>
    Translation,
    /// <summary>Credits or quotes an outside source.</summary>
    Cites,
}
