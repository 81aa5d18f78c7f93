namespace Triangulate.Model;

/// <summary>When something (usually a document's publication) most likely happened: an interval, a best day when one stands out, and the spans it rests on.</summary>
public sealed record DateEstimate
{
    /// <summary>Best single guess, when there is one.</summary>
    public PartialDate? Date { get; init; }

    /// <summary>The earliest date the evidence allows.</summary>
    public required PartialDate Earliest { get; init; }

    /// <summary>The latest date the evidence allows.</summary>
    public required PartialDate Latest { get; init; }

    /// <summary>What the estimate rests on.</summary>
    public required DateBasis Basis { get; init; }

    /// <summary>The characters the estimate rests on.</summary>
    public IReadOnlyList<TextSpan> Evidence { get; init; } = [];

    /// <summary>An estimate of one known day.</summary>
    public static DateEstimate Exact(PartialDate date, DateBasis basis, IReadOnlyList<TextSpan>? evidence = null) =>
        new() { Date = date, Earliest = date, Latest = date, Basis = basis, Evidence = evidence ?? [] };
}
