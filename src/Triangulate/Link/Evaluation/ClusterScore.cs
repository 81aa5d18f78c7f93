namespace Triangulate.Link.Evaluation;

/// <summary>B-cubed precision and recall of a clustering, and their harmonic mean.</summary>
public sealed record ClusterScore(double Precision, double Recall, int Items)
{
    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
