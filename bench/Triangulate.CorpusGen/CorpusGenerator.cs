using Triangulate.CorpusGen.Kinds;

namespace Triangulate.CorpusGen;

/// <summary>
/// Generates a corpus day by day: each day starts new stories (and the second events of earlier ones), plans their
/// articles into a queue ordered by publication time, and writes every article due before the next day. Only the
/// articles of the last days' stories are held, so a million articles stream in bounded memory.
/// </summary>
public sealed class CorpusGenerator(GeneratorOptions options)
{
    /// <summary>Expected articles per story, measured on generated corpora; sets how many stories a day starts.</summary>
    private const double ArticlesPerStory = 6.5;

    public GenerationSummary Run()
    {
        var seed = options.Seed;
        var pools = new NamePools(seed, options.Articles);
        var outlets = new OutletCatalog(seed, pools);
        var planner = new StoryPlanner(seed, pools, outlets);
        var renderer = new ArticleRenderer();
        EventKind[] kinds = [new QuakeKind(), new EarningsKind(), new MatchKind(), new ElectionKind(), new SentencingKind(), new FireKind(), new ProductKind(), new NominationKind()];
        var totalWeight = kinds.Sum(k => k.Weight);
        var daily = options.Articles / (options.Days * ArticlesPerStory);
        var queue = new PriorityQueue<Article, (long, long)>();
        var siblings = new PriorityQueue<(Event First, int Day), int>();
        var summary = new GenerationSummary();
        using var writer = new GoldWriter(options.OutputDirectory);
        var start = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        long stories = 0;
        for (var day = 0; summary.Articles < options.Articles; day++)
        {
            var dayStart = start.AddDays(day);
            var dayRng = Rng.For(seed, "day", day);
            // News is quieter at weekends.
            var weekend = dayStart.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var count = (int)Math.Round(daily * (weekend ? 0.6 : 1.15) * dayRng.Between(0.75, 1.25));
            var events = new List<Event>();
            while (siblings.TryPeek(out var due, out var dueDay) && dueDay <= day)
            {
                siblings.Dequeue();
                var rng = Rng.For(seed, "sibling", stories + events.Count);
                events.Add(due.First.Kind.Sibling(due.First, rng, pools, DateOnly.FromDateTime(dayStart)));
            }
            for (var i = 0; i < count; i++)
            {
                var x = dayRng.NextDouble() * totalWeight;
                var kind = kinds[^1];
                foreach (var k in kinds)
                {
                    if (x < k.Weight)
                    {
                        kind = k;
                        break;
                    }
                    x -= k.Weight;
                }
                var first = kind.Create(Rng.For(seed, "event", stories + events.Count), pools, DateOnly.FromDateTime(dayStart));
                events.Add(first);
                if (dayRng.Chance(kind.SiblingChance))
                    siblings.Enqueue((first, day), day + (kind is ElectionKind ? 0 : dayRng.Between(3, 14)));
            }
            foreach (var e in events)
            {
                var story = new Story($"s{stories:D6}", e);
                foreach (var article in planner.Plan(story, dayStart, Rng.For(seed, "story", stories)))
                    queue.Enqueue(article, (article.Time.Ticks, article.Sequence));
                stories++;
            }
            var end = dayStart.AddDays(1).Ticks;
            while (summary.Articles < options.Articles && queue.TryPeek(out var next, out var key) && key.Item1 < end)
            {
                queue.Dequeue();
                var rng = Rng.For(seed, "render", next.Sequence);
                var page = renderer.Render(next, rng);
                writer.Write(next, page, asHtml: rng.Chance(options.HtmlShare));
                summary.Count(next);
            }
        }
        writer.Finish();
        return summary;
    }
}
