namespace Triangulate.Ingest.Evaluation;

/// <summary>Which part of a tuning set an item falls in (see <see cref="EvaluationSplit"/>).</summary>
public enum EvaluationPart
{
    /// <summary>Pages one may look at while studying errors.</summary>
    Look,
    /// <summary>Pages one only scores.</summary>
    HeldBack,
}
