using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>How the text identifies a speaker.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SpeakerKind>))]
public enum SpeakerKind
{
    /// <summary>By name.</summary>
    Named,
    /// <summary>By a name the article says is not real.</summary>
    Pseudonym,
    /// <summary>By a description ("one soldier").</summary>
    Anonymous,
    /// <summary>Not at all.</summary>
    Unknown,
}
