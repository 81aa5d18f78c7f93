using Orleans.Placement;

namespace Triangulate.Cluster;

/// <summary>
/// <see cref="IStoryGrain"/>: placed on the silo with the fewest activations. It remembers the outcome of the inputs
/// it last analysed, so a call repeated with the same fingerprint (a client that retried after a lost reply) costs
/// nothing; inputs that changed are analysed anew.
/// </summary>
[ActivationCountBasedPlacement]
internal sealed class StoryGrain(Worker worker) : Grain, IStoryGrain
{
    private (string Fingerprint, StoryReply Reply)? _last;

    public async Task<StoryReply> Analyze(StoryWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Story.Id != this.GetPrimaryKeyString())
            throw new ArgumentException($"story {work.Story.Id} sent to the grain of story {this.GetPrimaryKeyString()}", nameof(work));
        // A failed stage leaves an empty fingerprint: such an outcome is never reused.
        if (_last is { } last && last.Fingerprint == work.Fingerprint && work.Fingerprint.Length > 0)
            return last.Reply with { Read = TimeSpan.Zero, Compute = TimeSpan.Zero, Reused = true };
        var (outcome, read, compute) = await Task.Run(() => worker.AnalyzeStory(work, worker.Store)).ConfigureAwait(true);
        var reply = StoryReply.Of(outcome, read, compute, reused: false);
        _last = (work.Fingerprint, reply);
        return reply;
    }
}
