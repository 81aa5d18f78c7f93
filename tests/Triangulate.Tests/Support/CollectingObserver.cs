using System.Collections.Concurrent;
using Triangulate.Model;

namespace Triangulate.Tests.Support;

/// <summary>Keeps every problem and progress report a run sends.</summary>
public sealed class CollectingObserver : IPipelineObserver
{
    public ConcurrentQueue<Problem> Problems { get; } = new();

    public ConcurrentQueue<PipelineProgress> Progress { get; } = new();

    public void OnProblem(Problem problem) => Problems.Enqueue(problem);

    public void OnProgress(PipelineProgress progress) => Progress.Enqueue(progress);
}
