using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>Saving a whole <see cref="CorpusResult"/> made elsewhere (tools, tests, benchmarks) as the store's per-story rows.</summary>
public static class StoreCorpusExtensions
{
    /// <summary>
    /// Replaces everything the corpus and story stages found with <paramref name="result"/>: each finding goes to the story
    /// it names, or else to the story of its first document, or else to the first story; every story is written anew.
    /// </summary>
    public static void SaveCorpus(this IStore store, CorpusResult result)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(result);
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in result.Stories)
            foreach (var document in story.Documents) storyOf.TryAdd(document, story.Id);
        var fallback = result.Stories.Count > 0 ? result.Stories[0].Id : null;
        string? Place(string? story, string? document) => story ?? (document is not null && storyOf.TryGetValue(document, out var s) ? s : fallback);
        var claims = result.Claims.ToLookup(c => Place(c.Story, c.Mentions.Count > 0 ? c.Mentions[0].Span.Document : (c.Sources.Count > 0 ? c.Sources[0] : null)));
        var quotes = result.Quotes.ToLookup(q => Place(q.Story, q.Variants.Count > 0 ? q.Variants[0].Span.Document : null));
        var claimStory = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var group in claims)
            foreach (var claim in group) claimStory.TryAdd(claim.Id, group.Key);
        var contradictions = result.Contradictions.ToLookup(c => c.Story ?? (c.Claims.Count > 0 ? claimStory.GetValueOrDefault(c.Claims[0]) : null) ?? fallback);
        var timeline = result.Timeline.ToLookup(t => Place(t.Story, t.Documents.Count > 0 ? t.Documents[0] : null));
        var series = result.Series.ToLookup(s => s.Story ?? (s.Points.Count > 0 ? claimStory.GetValueOrDefault(s.Points[0].Claim) : null) ?? fallback);
        var entities = result.Entities.ToLookup(e => Place(null, e.Mentions.Count > 0 ? e.Mentions[0].Document : null));
        var findings = result.Stories.Select(story => new StoryFindings
        {
            Story = story,
            Entities = [.. entities[story.Id]],
            Claims = [.. claims[story.Id]],
            Quotes = [.. quotes[story.Id]],
            Contradictions = [.. contradictions[story.Id]],
            Timeline = [.. timeline[story.Id]],
            Series = [.. series[story.Id]],
            InferredPublished = result.InferredPublished
                .Where(p => storyOf.TryGetValue(p.Key, out var s) ? s == story.Id : story.Id == fallback)
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        }).ToList();
        store.SaveCorpus(new CorpusLinks
        {
            Relations = result.Relations,
            IndependenceGroups = result.IndependenceGroups,
            FailedStages = result.FailedStages,
        }, result.Stories, findings);
    }

    /// <summary>
    /// Replaces the stories, relations and groups with these (made elsewhere, not by the linking stages, whose state is
    /// dropped: the next relink starts from scratch): the stories keep the order given, those in
    /// <paramref name="changed"/> get these findings, the others keep what was stored for them, stories not listed are removed.
    /// </summary>
    public static void SaveCorpus(this IStore store, CorpusLinks links, IReadOnlyList<Story> stories, IReadOnlyList<StoryFindings> changed)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(links);
        store.SaveCorpus(new CorpusUpdate
        {
            Rebuild = true,
            Stories = stories,
            Relations = links.Relations,
            IndependenceGroups = links.IndependenceGroups,
            Findings = changed,
            FailedStages = links.FailedStages,
        });
    }
}
