namespace Triangulate.Link.Stories;

/// <summary>
/// One placement of a document by <see cref="StoryClusterer"/> (diagnostics): the document, the clusterer's story it
/// went to, how (<see cref="New"/>, <see cref="Words"/>, <see cref="Follow"/> a derivation partner, or <see cref="Moved"/>
/// with its family), its cosine with that story's centroid before joining, the similarity needed, the features shared,
/// the gap in days (-1 unknown), the story's size before, its centroid's norm over its size (near the root of its members' mean pairwise cosine), and the shared features that carry the cosine (each its share).
/// </summary>
internal sealed record StoryPlacement(string Document, int Story, string How, double Cosine, double Required, int Shared, int Gap, int Size, double Cohesion, List<(ulong Feature, double Share)> Evidence)
{
    /// <summary>The share of the document's own squared weight on features the story has.</summary>
    public double Coverage { get; init; }

    /// <summary>How many of the document's four heaviest features the story has.</summary>
    public int TopShared { get; init; }

    /// <summary>The share of the dot product with the story carried by plain words (neither names, numbers nor days).</summary>
    public double WordShare { get; init; }

    /// <summary>The share of the document's squared weight on plain words that falls on plain words the story has.</summary>
    public double WordCoverage { get; init; }

    /// <summary>The share of the dot product with the story carried by named days.</summary>
    public double DayShare { get; init; }

    /// <summary>The largest share of the dot product with the story carried by one feature.</summary>
    public double TopShare { get; init; }

    /// <summary>The share of the document's squared weight on names and numbers that falls on those the story has.</summary>
    public double AnchorCoverage { get; init; }

    /// <summary>The share of the document's squared weight on numbers that falls on numbers the story has (-1: none).</summary>
    public double NumberCoverage { get; init; } = -1;

    /// <summary>
    /// The share of the document's squared weight on names and numbers other than the shared one that carries most of
    /// the dot product (the protagonist) that falls on names and numbers the story has (-1: it has no other).
    /// </summary>
    public double RestCoverage { get; init; } = -1;

    /// <summary>The share of the document's squared weight on names and numbers that is not on the protagonist (see <see cref="RestCoverage"/>).</summary>
    public double RestAnchors { get; init; }

    /// <summary>What the shared feature carrying most of the dot product is: name, number, day or word.</summary>
    public string TopKind { get; init; } = "-";

    /// <summary>Days the document names that the story's centroid has.</summary>
    public int SharedDays { get; init; }

    /// <summary>Days the document names that the story's centroid lacks and that fall after its last dated report.</summary>
    public int NewDays { get; init; }

    /// <summary>Days between the document and the day the story began (-1 unknown).</summary>
    public int Since { get; init; } = -1;

    /// <summary>The document started a story.</summary>
    public const string New = "new";

    /// <summary>The document joined by its words.</summary>
    public const string Words = "words";

    /// <summary>The document followed a derivation partner's story.</summary>
    public const string Follow = "follow";

    /// <summary>The document moved with its derived family into the story its words fit.</summary>
    public const string Moved = "moved";
}
