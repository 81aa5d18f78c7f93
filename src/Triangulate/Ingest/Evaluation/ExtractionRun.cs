namespace Triangulate.Ingest.Evaluation;

/// <summary>The outcome of an extraction evaluation: averaged score, pages scored, and the process CPU time extraction took (reading and scoring excluded).</summary>
public sealed record ExtractionRun(ExtractionScore Score, int Pages, TimeSpan Elapsed)
{
    /// <summary>With several rounds over the same pages: each round's CPU time, the first including the JIT's warm-up.</summary>
    public IReadOnlyList<TimeSpan> Rounds { get; init; } = [];

    /// <summary>What was extracted from each page (id → text); empty when a peer's file was scored.</summary>
    public IReadOnlyDictionary<string, string> Texts { get; init; } = new Dictionary<string, string>();

    /// <summary>The score and page count of the part of the set one looks at (see <see cref="EvaluationSplit"/>).</summary>
    public (ExtractionScore Score, int Pages) Look { get; init; }

    /// <summary>The score and page count of the part one only scores.</summary>
    public (ExtractionScore Score, int Pages) HeldBack { get; init; }

    /// <summary>Pages per CPU second in steady state: the median round after the first (the single round when there is one).</summary>
    public double SteadyPagesPerSecond
    {
        get
        {
            if (Rounds.Count < 2) return PagesPerSecond;
            var later = new List<double>(Rounds.Count - 1);
            for (var i = 1; i < Rounds.Count; i++) later.Add(Rounds[i].TotalSeconds);
            later.Sort();
            var median = later.Count % 2 == 1 ? later[later.Count / 2] : (later[later.Count / 2 - 1] + later[later.Count / 2]) / 2;
            return median > 0 ? Pages / median : 0;
        }
    }

    /// <summary>Pages extracted per CPU second (per core).</summary>
    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? Pages / Elapsed.TotalSeconds : 0;
}
