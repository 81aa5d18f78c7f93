namespace Triangulate.Web;

/// <summary>
/// The store-wide lists the web app shows, as of one look at the store: the stories (in the store's order), the
/// documents in no story, and every entity ranked by mentions (one row per corpus identity, <see cref="Identities"/>
/// giving the identity of each story entity id joined with another). Never changed once made; a newer one replaces it.
/// </summary>
internal sealed record StoreSnapshot(
    IReadOnlyList<StoryRow> Stories,
    IReadOnlyList<(string Id, string Label)> Unstoried,
    IReadOnlyList<EntityTally> Entities,
    IReadOnlyDictionary<string, string> Identities)
{
    private ILookup<string, string>? _joined;

    /// <summary>The story entity ids that are one identity with <paramref name="id"/>, the identity's own first (itself alone when joined with none).</summary>
    public IReadOnlyList<string> Members(string id)
    {
        var identity = Identities.GetValueOrDefault(id, id);
        _joined ??= Identities.ToLookup(p => p.Value, p => p.Key, StringComparer.Ordinal);
        return [identity, .. _joined[identity].Order(StringComparer.Ordinal)];
    }
}
