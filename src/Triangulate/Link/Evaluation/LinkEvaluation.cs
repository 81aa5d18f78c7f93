using Triangulate.Extract;
using Triangulate.Model;

namespace Triangulate.Link.Evaluation;

/// <summary>What linking scores on an annotated corpus: stories against the topics, and entities resolved across documents against the gold instances.</summary>
public sealed record LinkEvaluationResult
{
    /// <summary>Articles read.</summary>
    public required int Documents { get; init; }

    /// <summary>Gold topics (folders).</summary>
    public required int Topics { get; init; }

    /// <summary>Stories the clusterer formed.</summary>
    public required int Stories { get; init; }

    /// <summary>B-cubed of the stories, with the topic folders as the true stories.</summary>
    public required ClusterScore StoryScore { get; init; }

    /// <summary>Gold named mentions that refer to an instance.</summary>
    public required int GoldNames { get; init; }

    /// <summary>Of those, how many an extracted entity mention overlaps (the items the coreference score is over).</summary>
    public required int FoundNames { get; init; }

    /// <summary>B-cubed of the corpus-wide entities over the found gold mentions, with the gold instances as truth.</summary>
    public ClusterScore EntityScore => BCubed.Score(EntityItems.Select(i => (i.Instance, i.Identity)).ToList());

    /// <summary>The same over mentions of instances that occur in two or more articles: cross-document coreference alone.</summary>
    public ClusterScore CrossDocumentEntityScore => BCubed.Score(EntityItems.Where(i => i.CrossDocument).Select(i => (i.Instance, i.Identity)).ToList());

    /// <summary>The entities each story resolved (one row per story an id is in), for listing errors by name.</summary>
    public required IReadOnlyList<Entity> StoryEntities { get; init; }

    /// <summary>Every found gold mention with the entity the pipeline put it in, for scores over a part of the corpus.</summary>
    public required IReadOnlyList<EntityItem> EntityItems { get; init; }
}

/// <summary>
/// One found gold named mention: its gold instance, the article file it is in, its text, whether its instance occurs in
/// two or more articles, and the entity it landed in: <see cref="StoryEntity"/> is the id its story resolved it to,
/// <see cref="Identity"/> that id's corpus identity (<see cref="Extract.Entities.EntityIndex"/>).
/// </summary>
public sealed record EntityItem(string Instance, string File, string Text, bool CrossDocument, string StoryEntity, string Identity);

/// <summary>
/// Runs extraction and every corpus-wide stage of a pipeline over MEANTIME articles held in memory (no store, no
/// ingest: the text and creation dates are given) and scores the stories and the cross-document entities.
/// </summary>
public static class LinkEvaluation
{
    /// <summary>Evaluates <paramref name="builder"/>'s extractors and corpus stages on the MEANTIME folder <paramref name="folder"/>.</summary>
    public static LinkEvaluationResult RunMeantime(string folder, PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var articles = MeantimeReader.Read(folder).ToList();
        var extractor = new DocumentExtractor(builder.SentenceSplitter, builder.Extractors);
        var items = new List<(Document, DocumentAnalysis)>(articles.Count);
        foreach (var article in articles) items.Add((article.Document, extractor.Extract(article.Document)));
        var context = new CorpusContext(new InMemoryCorpusReader(items));
        foreach (var stage in builder.CorpusStages) stage.Run(context);
        // Entities are resolved within each story, as the pipeline does, then joined across stories by the corpus index.
        var relations = context.RelationsByDocument();
        var storyEntities = new List<Entity>();
        foreach (var story in context.Stories)
        {
            var scoped = context.ForStory(story, relations);
            new Extract.Entities.EntityResolutionStage().Run(scoped);
            foreach (var (local, global) in scoped.EntityIds) context.EntityIds[local] = global;
            storyEntities.AddRange(scoped.Entities);
        }
        var identities = Extract.Entities.EntityIndex.Identities(storyEntities);

        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in context.Stories)
            foreach (var document in story.Documents) storyOf[document] = story.Id;
        var stories = new List<(string, string)>(articles.Count);
        var topics = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            topics.Add(article.Topic);
            stories.Add((article.Topic, storyOf.GetValueOrDefault(article.Document.Id, "alone:" + article.Document.Id)));
        }

        var (names, entityItems) = Entities(articles, items, context, identities);
        return new LinkEvaluationResult
        {
            Documents = articles.Count,
            Topics = topics.Count,
            Stories = context.Stories.Count,
            StoryScore = BCubed.Score(stories),
            GoldNames = names,
            FoundNames = entityItems.Count,
            EntityItems = entityItems,
            StoryEntities = storyEntities,
        };
    }

    private static (int Names, List<EntityItem> Items) Entities(
        List<MeantimeArticle> articles, List<(Document Document, DocumentAnalysis Analysis)> items, CorpusContext context, IReadOnlyDictionary<string, string> identities)
    {
        var documentsOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var article in articles)
            foreach (var name in article.Names)
                if (name.Instance.Length > 0)
                {
                    if (!documentsOf.TryGetValue(name.Instance, out var set)) documentsOf[name.Instance] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(article.Document.Id);
                }
        var found = new List<EntityItem>();
        var names = 0;
        for (var a = 0; a < articles.Count; a++)
        {
            var document = articles[a].Document;
            var entities = items[a].Analysis.Entities;
            foreach (var name in articles[a].Names)
            {
                if (name.Instance.Length == 0) continue;
                names++;
                if (Overlapping(entities, name) is not { } local) continue;
                var predicted = context.EntityIds.GetValueOrDefault(document.Id + "/" + local, document.Id + "/" + local);
                found.Add(new EntityItem(name.Instance, document.Source, document.Text[name.Start..name.End], documentsOf[name.Instance].Count >= 2,
                    predicted, identities.GetValueOrDefault(predicted, predicted)));
            }
        }
        return (names, found);
    }

    /// <summary>The local id of the entity with the mention overlapping the gold range most, or null.</summary>
    private static string? Overlapping(IReadOnlyList<Entity> entities, MeantimeMention name)
    {
        string? best = null;
        var bestOverlap = 0;
        foreach (var entity in entities)
            foreach (var mention in entity.Mentions)
            {
                var overlap = Math.Min(mention.End, name.End) - Math.Max(mention.Start, name.Start);
                if (overlap > bestOverlap) (best, bestOverlap) = (entity.Id, overlap);
            }
        return best;
    }
}
