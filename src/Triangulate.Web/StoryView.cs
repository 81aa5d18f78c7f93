using Triangulate.Model;
using Triangulate.Report;
using Triangulate.Store;

namespace Triangulate.Web;

/// <summary>
/// One story read from its own rows (its findings, its documents, the relations from them, their independence groups),
/// whatever else the store holds: what a story page, a row of the story list and a document page need of a story.
/// </summary>
internal sealed class StoryView
{
    private EntityNames? _names;

    private StoryView(StoryFindings findings, Dictionary<string, Document> documents, StoryDigest digest)
    {
        Findings = findings;
        Documents = documents;
        Digest = digest;
    }

    /// <summary>What the story stages found for it.</summary>
    public StoryFindings Findings { get; }

    /// <summary>Its documents and those its relations point to, by id.</summary>
    public IReadOnlyDictionary<string, Document> Documents { get; }

    /// <summary>The story with its claims, quotes, relations, outlets and figures gathered.</summary>
    public StoryDigest Digest { get; }

    /// <summary>
    /// The entities its judgments name, as the story resolved them: an entity common to hundreds of stories has a row in
    /// each, and joining them all for every story page would read far more than the story.
    /// </summary>
    public EntityNames Names => _names ??= new EntityNames(Findings.Entities);

    /// <summary>The story <paramref name="id"/>, or null when the store has no such story.</summary>
    public static StoryView? Load(IStore store, string id) => store.LoadStoryToShow(id) is { } findings ? Of(store, findings) : null;

    /// <summary>The view of stored <paramref name="findings"/>.</summary>
    public static StoryView Of(IStore store, StoryFindings findings)
    {
        var story = findings.Story;
        var members = new HashSet<string>(story.Documents, StringComparer.Ordinal);
        var relations = store.RelationsFrom(members);
        // The members and the documents out of the story that its relations point to (named as the whole-store page names
        // them), read in one go, kept in that order.
        var wanted = story.Documents.Concat(relations.Select(r => r.To).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
        var found = store.FindDocumentsToShow(wanted).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var documents = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var id in wanted)
            if (found.TryGetValue(id, out var document)) documents[id] = document;
        // The page quotes a claim's mention by the excerpt its span carries; a span stored without one (the stages
        // write them all) is cut from its document's text, so that document alone is read whole.
        foreach (var claim in findings.Claims)
            foreach (var mention in claim.Mentions)
                if (mention.Span.Excerpt is null && documents.TryGetValue(mention.Span.Document, out var shown) && shown.Text.Length == 0
                    && store.FindDocument(mention.Span.Document) is { } whole)
                    documents[whole.Id] = whole;
        var dossier = new Dossier
        {
            Documents = [.. documents.Values],
            Stories = [story],
            Claims = findings.Claims,
            Quotes = findings.Quotes,
            Relations = relations,
            Contradictions = findings.Contradictions,
            Timeline = findings.Timeline,
            Entities = findings.Entities,
            Series = findings.Series,
        };
        var digest = StoryDigest.Build(dossier, story, documents, store.IndependenceGroupsOf(members));
        return new StoryView(findings, documents, digest);
    }
}
