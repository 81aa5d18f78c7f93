using System.Text.Json;
using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// A story's findings as every store writes them: its keys, the story and the findings as compact JSON, each entity's
/// row and the full-text rows of its entities, claims and quotes. Made where the findings were made (a store's save
/// encodes on every core; a cluster worker encodes its story's before it replies), so the process that saves only
/// executes statements. Holds bytes and strings only, so it can be made elsewhere and sent here: the client of a
/// cluster saves a story's findings without parsing them from one JSON and writing them to another.
/// </summary>
public sealed class EncodedStory
{
    /// <summary>Encodes <paramref name="findings"/> (on the calling thread).</summary>
    public EncodedStory(StoryFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        (Id, FirstDocument, Fingerprint) = (findings.Story.Id, StoreRows.FirstDocument(findings.Story), findings.Fingerprint);
        StoryUtf8 = JsonSerializer.SerializeToUtf8Bytes(findings.Story, ModelJson.Compact.Story);
        FindingsUtf8 = JsonSerializer.SerializeToUtf8Bytes(findings, ModelJson.Compact.StoryFindings);
        Entities = [.. findings.Entities.Select(e => (e.Id, JsonSerializer.SerializeToUtf8Bytes(e, ModelJson.Compact.Entity)))];
        Search = [.. SearchRow.Of(findings)];
    }

    /// <summary>
    /// A story encoded elsewhere, from its parts as another <see cref="EncodedStory"/> held them (the arrays are kept,
    /// not copied); every full-text row is the story's.
    /// </summary>
    public EncodedStory(string id, string firstDocument, string fingerprint, byte[] storyUtf8, byte[] findingsUtf8,
        IReadOnlyList<(string Id, byte[] Utf8)> entities, IEnumerable<(string Kind, string Id, string Document, string Text)> search)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(firstDocument);
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(storyUtf8);
        ArgumentNullException.ThrowIfNull(findingsUtf8);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(search);
        (Id, FirstDocument, Fingerprint, StoryUtf8, FindingsUtf8, Entities) = (id, firstDocument, fingerprint, storyUtf8, findingsUtf8, entities);
        Search = [.. search.Select(r => new SearchRow(r.Kind, r.Id, id, r.Document, r.Text))];
    }

    /// <summary>The story's id.</summary>
    public string Id { get; }

    /// <summary>What orders the story among the others (<see cref="StoreRows.FirstDocument"/>).</summary>
    public string FirstDocument { get; }

    /// <summary>The fingerprint of the inputs the findings were made from (empty when a stage failed).</summary>
    public string Fingerprint { get; }

    /// <summary>The story's column as UTF-8.</summary>
    public byte[] StoryUtf8 { get; }

    /// <summary>The findings' column as UTF-8.</summary>
    public byte[] FindingsUtf8 { get; }

    /// <summary>Each entity's id and row (its JSON as UTF-8), in the findings' order.</summary>
    public IReadOnlyList<(string Id, byte[] Utf8)> Entities { get; }

    /// <summary>The story's full-text rows: what each is, its id, the document a hit links to and the text searched.</summary>
    public IEnumerable<(string Kind, string Id, string Document, string Text)> SearchEntries => Search.Select(r => (r.Kind, r.Id, r.Document, r.Text));

    /// <summary>The story's full-text rows.</summary>
    internal IReadOnlyList<SearchRow> Search { get; }

    /// <summary>The story's column as text, for a store whose driver binds strings.</summary>
    public string StoryJson => System.Text.Encoding.UTF8.GetString(StoryUtf8);

    /// <summary>The findings' column as text.</summary>
    public string FindingsJson => System.Text.Encoding.UTF8.GetString(FindingsUtf8);

    /// <summary>
    /// The rows of <paramref name="findings"/> encoded on every core a chunk at a time, in order, then those of
    /// <paramref name="encoded"/> as they came: what a save writes.
    /// </summary>
    public static IEnumerable<EncodedStory> All(IEnumerable<StoryFindings> findings, IEnumerable<EncodedStory> encoded) =>
        OrderedParallel.Map(findings, f => new EncodedStory(f)).Concat(encoded);
}
