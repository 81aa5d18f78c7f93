using Triangulate.Model;
using Triangulate.Store;

namespace Triangulate;

/// <summary>
/// Runs corpus and story stages so that one that throws is isolated and loud: the first exception of each stage
/// becomes a problem with its stack trace (stored, and shown with --verbose), and <see cref="Summarise"/> gives one
/// <see cref="StageFailure"/> per failed stage, with how many stories it failed on. Thread-safe: story stages run in parallel.
/// </summary>
internal sealed class StageFailures(IStore store, IPipelineObserver observer, Action<Problem>? problems)
{
    private readonly Lock _lock = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (StageFailure First, int Stories)> _failed = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="stage"/> on <paramref name="context"/>; an exception is recorded, never thrown. False when it threw.</summary>
    public bool Run(ICorpusStage stage, CorpusContext context, string? story)
    {
        try
        {
            stage.Run(context);
            return true;
        }
#pragma warning disable CA1031 // One failing stage must not lose the work of the others (Serilog's SafeAggregateSink does the same).
        catch (Exception e)
#pragma warning restore CA1031
        {
            Record(stage.Name, story, e.GetType().Name, e.Message, e.ToString());
            return false;
        }
    }

    /// <summary>Records a story stage's exception thrown elsewhere (on a worker), as if it had been thrown here.</summary>
    public void Record(StoryStageError error, string story) => Record(error.Stage, story, error.Type, error.Message, error.Detail);

    private void Record(string stage, string? story, string type, string message, string detail)
    {
        var error = $"{type}: {OneLine(message)}";
        StageFailure failure;
        lock (_lock)
        {
            if (_failed.TryGetValue(stage, out var known))
            {
                _failed[stage] = (known.First, known.Stories + (story is null ? 0 : 1));
                return;
            }
            _order.Add(stage);
            failure = new StageFailure(stage, story is null ? error : $"{error} (story {story})");
            _failed[stage] = (failure, story is null ? 0 : 1);
        }
        // One line that names the stage and the exception; the stack trace follows on the next lines, so the store
        // keeps it and a verbose console shows it. Only a stage's first exception: the rest repeat it per story.
        var problem = new Problem($"stage {stage}", $"failed: {failure.Error}; {failure.Consequence}{Environment.NewLine}{detail}");
        observer.OnProblem(problem);
        problems?.Invoke(problem);
        store.SaveProblems([problem]);
    }

    /// <summary>One failure per failed stage, in the order they first failed; a story stage's says on how many stories.</summary>
    public IReadOnlyList<StageFailure> Summarise()
    {
        lock (_lock)
        {
            return [.. _order.Select(stage => _failed[stage] is var (first, stories) && stories > 1
                ? first with { Error = $"{first.Error} and {stories - 1} more stories" }
                : first)];
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
