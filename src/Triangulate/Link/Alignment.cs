namespace Triangulate.Link;

/// <summary>
/// The monotone alignment of two documents' sentences, with the mean similarity of the aligned pairs and, over those
/// pairs, how many anchors (numbers, names) each side has that the other lacks: information loss tells direction.
/// </summary>
internal sealed record Alignment(IReadOnlyList<AlignedPair> Pairs, double MeanSimilarity, int SpecificsOnlyA, int SpecificsOnlyB)
{
    /// <summary>Nothing aligned.</summary>
    public static Alignment Empty { get; } = new([], 0, 0, 0);
}
