namespace Triangulate.Link.Stories;

/// <summary>
/// One story that <see cref="StoryClusterer"/> scored exactly for a document placed by its words (diagnostics): the
/// document, the clusterer's story, that story's members when it was scored (a live list: copy it to keep it), the
/// cosine with its centroid, the similarity needed, the features shared and the gap in days (-1 unknown). A document
/// joins the candidate with the highest <c>Cosine / Required</c> when that is at least 1.
/// </summary>
internal sealed record StoryCandidate(string Document, int Story, IReadOnlyList<string> Members, double Cosine, double Required, int Shared, int Gap);
