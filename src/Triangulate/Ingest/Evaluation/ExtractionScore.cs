namespace Triangulate.Ingest.Evaluation;

/// <summary>Precision and recall of extracted article text against a person's, as shingle overlap (see <see cref="ExtractionScorer"/>).</summary>
public readonly record struct ExtractionScore(double Precision, double Recall)
{
    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
