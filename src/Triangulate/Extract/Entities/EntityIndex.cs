using Triangulate.Model;

namespace Triangulate.Extract.Entities;

/// <summary>
/// The corpus-level identity of the entities the stories resolved: an entity resolved in several stories keeps one id
/// per story spelling ("GM" in one, "General Motors" in another), and this index joins those ids with the rules a story
/// uses for its own documents (folded names, acronym and expansion, surname and full name, firm and maker heads), each
/// join requiring the partner to be unique across the whole corpus. It only names identities: no story's claims,
/// quotes or verdicts read it, so one story's evidence never changes what another story says.
/// </summary>
public static class EntityIndex
{
    /// <summary>
    /// The corpus identity of every entity id in <paramref name="storyEntities"/> (rows of one id from several stories
    /// count once): the id of the most mentioned entity it was joined with, ties to the ordinal-first id; an entity
    /// joined with nothing is its own identity. The same rows give the same map whatever their order.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Identities(IEnumerable<Entity> storyEntities)
    {
        ArgumentNullException.ThrowIfNull(storyEntities);
        return Identities(EntityMerge.Merge(storyEntities), e => e.Mentions.Count);
    }

    /// <summary>
    /// The same over entities of distinct ids whose mentions are counted elsewhere (<paramref name="mentions"/>): what
    /// a reader that keeps counts, not mention lists, has.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Identities(IReadOnlyCollection<Entity> entities, Func<Entity, int> mentions)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(mentions);
        // In id order, so the clusters and the identities do not depend on the order of the stories.
        var ordered = entities.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var identities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cluster in EntityResolutionStage.Resolve(ordered.Select(e => (e.Id, e, mentions(e))), joinByAliases: true))
        {
            var members = cluster.Members().Select(m => m.Entity).ToList();
            var identity = members.OrderByDescending(mentions).ThenBy(e => e.Id, StringComparer.Ordinal).First().Id;
            foreach (var member in members) identities[member.Id] = identity;
        }
        foreach (var entity in ordered) identities.TryAdd(entity.Id, entity.Id);
        return identities;
    }
}
