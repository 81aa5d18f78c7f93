namespace Triangulate;

/// <summary>A corpus-wide stage (linking, clustering, reconciling): reads the stored corpus and what earlier stages found, adds its own results.</summary>
public interface ICorpusStage
{
    /// <summary>A short name for progress and logs.</summary>
    string Name { get; }

    /// <summary>Adds this stage's results to <paramref name="context"/>.</summary>
    void Run(CorpusContext context);
}
