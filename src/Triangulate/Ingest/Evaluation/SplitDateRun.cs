using Triangulate.Model;

namespace Triangulate.Ingest.Evaluation;

/// <summary>A date evaluation counted over the whole set and over each part of its look/held-back split (<see cref="EvaluationSplit"/>).</summary>
public sealed class SplitDateRun
{
    /// <summary>Every page.</summary>
    public DateRun All { get; } = new();
    /// <summary>The pages one may look at.</summary>
    public DateRun Look { get; } = new();
    /// <summary>The pages one only scores.</summary>
    public DateRun HeldBack { get; } = new();

    /// <summary>Scores one page into the whole and into its part.</summary>
    public void Add(string key, PartialDate? gold, DateEstimate? found)
    {
        All.Add(gold, found);
        (EvaluationSplit.PartOf(key) == EvaluationPart.Look ? Look : HeldBack).Add(gold, found);
    }
}
