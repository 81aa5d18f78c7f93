using Triangulate.Store;

namespace Triangulate.Cluster;

/// <summary>
/// One story's findings on their way from a worker to the client's save, as the store will write them: its keys, its
/// JSON columns as UTF-8, its entities' rows and its full-text rows. Serialized by Orleans' own codec (byte arrays and
/// strings copied as they are), not as JSON: the client saves the columns without parsing the findings from one JSON
/// and encoding them into another.
/// </summary>
[GenerateSerializer]
[Alias("Triangulate.Cluster.EncodedStoryRow")]
public sealed record EncodedStoryRow(
    [property: Id(0)] string Id,
    [property: Id(1)] string FirstDocument,
    [property: Id(2)] string Fingerprint,
    [property: Id(3)] byte[] Story,
    [property: Id(4)] byte[] Findings,
    [property: Id(5)] string[] EntityIds,
    [property: Id(6)] byte[][] Entities,
    [property: Id(7)] SearchEntry[] Search)
{
    /// <summary>The row of <paramref name="encoded"/> (its arrays, not copies).</summary>
    public static EncodedStoryRow Of(EncodedStory encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return new(encoded.Id, encoded.FirstDocument, encoded.Fingerprint, encoded.StoryUtf8, encoded.FindingsUtf8,
            [.. encoded.Entities.Select(e => e.Id)], [.. encoded.Entities.Select(e => e.Utf8)],
            [.. encoded.SearchEntries.Select(r => new SearchEntry(r.Kind, r.Id, r.Document, r.Text))]);
    }

    /// <summary>The story as the store takes it (the arrays kept, not copied).</summary>
    public EncodedStory ToEncoded() =>
        new(Id, FirstDocument, Fingerprint, Story, Findings, [.. EntityIds.Zip(Entities)], Search.Select(r => (r.Kind, r.Id, r.Document, r.Text)));
}

/// <summary>One full-text row of a story: what it is (entity, claim, quote), its id, the document a hit links to, the text.</summary>
[GenerateSerializer]
[Alias("Triangulate.Cluster.SearchEntry")]
public sealed record SearchEntry(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] string Document,
    [property: Id(3)] string Text);

/// <summary>A story stage's exception as text (<see cref="StoryStageError"/>), in Orleans' own codec.</summary>
[GenerateSerializer]
[Alias("Triangulate.Cluster.StageErrorRow")]
public sealed record StageErrorRow(
    [property: Id(0)] string Stage,
    [property: Id(1)] string Type,
    [property: Id(2)] string Message,
    [property: Id(3)] string Detail)
{
    /// <summary>The row of <paramref name="error"/>.</summary>
    public static StageErrorRow Of(StoryStageError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.Stage, error.Type, error.Message, error.Detail);
    }

    /// <summary>The error as the pipeline records it.</summary>
    public StoryStageError ToError() => new(Stage, Type, Message, Detail);
}
