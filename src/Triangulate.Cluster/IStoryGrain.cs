namespace Triangulate.Cluster;

/// <summary>
/// One story, keyed by its id: runs the story stages on the story's inputs (<see cref="StoryWork"/>) and reads its
/// documents from the shared store. A story's findings depend on its inputs alone, so the grain can run on any silo,
/// and again on another when its silo dies mid-call.
/// </summary>
[Alias("Triangulate.Cluster.IStoryGrain")]
public interface IStoryGrain : IGrainWithStringKey
{
    /// <summary>The findings of the story stages on <paramref name="work"/>, and the worker's time on them.</summary>
    [Alias("Analyze")]
    Task<StoryReply> Analyze(StoryWork work);
}
