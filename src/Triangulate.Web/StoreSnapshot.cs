namespace Triangulate.Web;

/// <summary>
/// The store-wide lists the web app shows, as of one look at the store: the stories (in the store's order), the
/// documents in no story, and every entity ranked by mentions. Never changed once made; a newer one replaces it.
/// </summary>
internal sealed record StoreSnapshot(
    IReadOnlyList<StoryRow> Stories,
    IReadOnlyList<(string Id, string Label)> Unstoried,
    IReadOnlyList<EntityTally> Entities);
