namespace Triangulate.Ingest.Evaluation;

/// <summary>The outcome of an extraction evaluation: averaged score, pages scored, and the process CPU time extraction took (reading and scoring excluded).</summary>
public sealed record ExtractionRun(ExtractionScore Score, int Pages, TimeSpan Elapsed)
{
    /// <summary>Pages extracted per CPU second (per core).</summary>
    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? Pages / Elapsed.TotalSeconds : 0;
}
