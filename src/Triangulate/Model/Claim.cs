namespace Triangulate.Model;

/// <summary>What the sources assert about the world, stated once, with every mention that carries it and how many independent sources those are.</summary>
public sealed record Claim
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>What sort of assertion.</summary>
    public required ClaimKind Kind { get; init; }

    /// <summary>The claim restated plainly.</summary>
    public required string Text { get; init; }

    /// <summary>Entity id or plain description of what it is about.</summary>
    public string? Subject { get; init; }

    /// <summary>For quantities: what is measured (area, count, mass, length, percent, duration, ratio, money).</summary>
    public string? Measure { get; init; }

    /// <summary>For quantities: the value with bounds.</summary>
    public QuantityValue? Value { get; init; }

    /// <summary>For status claims: killed, wounded, captured, unharmed, destroyed.</summary>
    public string? Status { get; init; }

    /// <summary>The time it holds for.</summary>
    public DateRange? Time { get; init; }

    /// <summary>Every place it is made.</summary>
    public required IReadOnlyList<Mention> Mentions { get; init; }

    /// <summary>Documents that carry it.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Sources left after copies, rewrites and shared origins count once.</summary>
    public required int IndependentSources { get; init; }

    /// <summary>Corroborated, single-source or contested.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The story this belongs to (every judgment after per-document analysis reads one story's evidence only).</summary>
    public string? Story { get; init; }
}
