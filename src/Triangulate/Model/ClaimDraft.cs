namespace Triangulate.Model;

/// <summary>A claim as one document makes it, before matching across documents.</summary>
public sealed record ClaimDraft
{
    /// <summary>What sort of assertion.</summary>
    public required ClaimKind Kind { get; init; }

    /// <summary>The claim restated plainly.</summary>
    public required string Text { get; init; }

    /// <summary>Entity key or plain description of what it is about.</summary>
    public string? Subject { get; init; }

    /// <summary>For quantities: what is measured.</summary>
    public string? Measure { get; init; }

    /// <summary>For quantities: the value with bounds.</summary>
    public QuantityValue? Value { get; init; }

    /// <summary>For status claims: the status.</summary>
    public string? Status { get; init; }

    /// <summary>The time it holds for, when the text gives one.</summary>
    public DateRange? Time { get; init; }

    /// <summary>The time expression the time came from, so it can be re-resolved.</summary>
    public TimeExpression? TimeSource { get; init; }

    /// <summary>Where and by whom it is made.</summary>
    public required Mention Mention { get; init; }

    /// <summary>Content words that identify what the claim is about (lemmas, numbers, names), for matching across documents.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];
}
