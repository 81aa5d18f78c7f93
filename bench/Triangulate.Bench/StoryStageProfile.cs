using System.Diagnostics;
using System.Globalization;
using Triangulate.Store;

namespace Triangulate.Bench;

/// <summary>
/// <c>story-profile --db FILE [--story ID] [--largest N] [--alloc]</c>: each story stage timed on one story of an analysed
/// store (by default the N largest): where the story phase of a relink that touches a large story spends its time (issue
/// 16). With <c>--alloc</c>, also the bytes each stage allocates over those stories and the types they go to
/// (<see cref="AllocationSampler"/>). Read-only: the store is not written.
/// </summary>
internal static class StoryStageProfile
{
    public static int Run(string[] args)
    {
        string? db = null, only = null;
        var largest = 3;
        using var sampler = args.Contains("--alloc") ? new AllocationSampler() : null;
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--db") db = args[i + 1];
            if (args[i] == "--story") only = args[i + 1];
            if (args[i] == "--largest") largest = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }
        if (db is null)
        {
            Console.Error.WriteLine("usage: story-profile --db FILE [--story ID] [--largest N]   (an analysed store; it is only read)");
            return 2;
        }
        using var store = StoreFactory.Open(db);
        var pipeline = PipelineBuilder.CreateDefault().Build();
        var stories = store.ReadStories().Where(s => only is null || s.Id == only).OrderByDescending(s => s.Documents.Count).Take(only is null ? largest : 1);
        foreach (var story in stories)
        {
            var context = new CorpusContext(store);
            var members = new HashSet<string>(story.Documents, StringComparer.Ordinal);
            foreach (var relation in store.RelationsOf(story.Documents))
                if (members.Contains(relation.From)) context.Relations.Add(relation);
            foreach (var (document, group) in store.IndependenceGroupsOf(story.Documents)) context.IndependenceGroups[document] = group;
            var scoped = context.ForStory(story, context.RelationsByDocument());
            var line = $"{story.Id}: {story.Documents.Count} documents";
            var reading = Stopwatch.StartNew();
            var read = scoped.Corpus.ReadAnalyses().Count();
            line += $", one read of its {read} documents {reading.Elapsed.TotalSeconds:F2} s";
            foreach (var stage in pipeline.StoryStages)
            {
                var clock = Stopwatch.StartNew();
                if (sampler is null) stage.Run(scoped);
                else sampler.Measure(stage.Name, () => stage.Run(scoped));
                line += $", {stage.Name} {clock.Elapsed.TotalSeconds:F2} s";
            }
            Console.WriteLine(line + $" ({scoped.Claims.Count} claims, {scoped.Quotes.Count} quotes)");
        }
        sampler?.Print(top: 15);
        return 0;
    }
}
