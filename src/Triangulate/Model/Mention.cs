namespace Triangulate.Model;

/// <summary>One place a claim is made: its characters, who it is attributed to, and the hedge written with it.</summary>
public sealed record Mention
{
    /// <summary>The characters that make the claim.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>Who the text attributes it to.</summary>
    public Attribution? Attribution { get; init; }

    /// <summary>Approximators and bounds as written: about, more than, as many as.</summary>
    public string? Hedge { get; init; }

    /// <summary>
    /// What the text does with the claim when it is not a reported fact: "order", "plan", "hypothetical" or "denial";
    /// null for a reported fact. Only reported facts corroborate or contradict.
    /// </summary>
    public string? Modality { get; init; }
}
