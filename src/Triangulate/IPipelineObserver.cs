using Triangulate.Model;

namespace Triangulate;

/// <summary>Hears what a run does, for progress displays and logs. Called from several threads.</summary>
public interface IPipelineObserver
{
    /// <summary>An input or record had a problem.</summary>
    void OnProblem(Problem problem);

    /// <summary>Counts moved or the stage changed.</summary>
    void OnProgress(PipelineProgress progress);

    /// <summary>The run waits for another run that holds the writer lease of <paramref name="store"/> (said once per wait).</summary>
    void OnWaitingForStore(string store) { }

    /// <summary>Hears nothing.</summary>
    public static IPipelineObserver None { get; } = new NullObserver();

    private sealed class NullObserver : IPipelineObserver
    {
        public void OnProblem(Problem problem) { }
        public void OnProgress(PipelineProgress progress) { }
    }
}
