namespace Triangulate.Model;

/// <summary>A quote as one document gives it, before matching across documents.</summary>
public sealed record QuoteDraft
{
    /// <summary>Entity key of the speaker, or a description for unnamed speakers.</summary>
    public string? Speaker { get; init; }

    /// <summary>How the speaker is identified.</summary>
    public SpeakerKind SpeakerKind { get; init; } = SpeakerKind.Unknown;

    /// <summary>The quote in this document.</summary>
    public required QuoteVariant Variant { get; init; }

    /// <summary>Channels it passed through.</summary>
    public IReadOnlyList<string> Via { get; init; } = [];
}
