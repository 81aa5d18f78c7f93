namespace Triangulate.Ingest.Evaluation;

/// <summary>Counts of a <see cref="DatelineEvaluation"/>, over all records and per part of the look/held-back split.</summary>
public sealed class DatelineRun
{
    private readonly int[,] _counts = new int[3, 5];

    /// <summary>Records read.</summary>
    public int Records(EvaluationPart? part = null) => Count(part, 0);
    /// <summary>Records whose first lines show a date line.</summary>
    public int WithDateLine(EvaluationPart? part = null) => Count(part, 1);
    /// <summary>Of those, records given that day as a stated date with its span in the line.</summary>
    public int StatedFromDateLine(EvaluationPart? part = null) => Count(part, 2);
    /// <summary>Records whose title is their date line.</summary>
    public int DateLineTitles(EvaluationPart? part = null) => Count(part, 3);
    /// <summary>Records given a stated date from somewhere other than a top date line.</summary>
    public int StatedElsewhere(EvaluationPart? part = null) => Count(part, 4);

    /// <summary>Counts one record.</summary>
    public void Add(EvaluationPart part, bool dateLine, bool statedFromLine, bool titleIsDateLine, bool statedElsewhere)
    {
        foreach (var row in (int[])[0, part == EvaluationPart.Look ? 1 : 2])
        {
            _counts[row, 0]++;
            if (dateLine) _counts[row, 1]++;
            if (statedFromLine) _counts[row, 2]++;
            if (titleIsDateLine) _counts[row, 3]++;
            if (statedElsewhere) _counts[row, 4]++;
        }
    }

    private int Count(EvaluationPart? part, int column) => _counts[part switch { EvaluationPart.Look => 1, EvaluationPart.HeldBack => 2, _ => 0 }, column];
}
