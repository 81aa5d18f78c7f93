namespace Triangulate.Link.Provenance;

/// <summary>
/// What the pages up to a document's arrival say of its words, against which its pairs with earlier documents are
/// judged, so that what arrives after it never changes how it is read: its names that are common nouns of its language
/// (<see cref="Provenance.CommonNames"/>) and its lines that are its site's furniture (<see cref="SiteFurniture"/>).
/// </summary>
/// <param name="CommonNames">Its capitalised words that state no fact in its language; null when none.</param>
/// <param name="Furniture">Hashes (<see cref="ProfileSentence.Line"/>) of its lines that many pages of its site carry; null when none.</param>
internal readonly record struct ArrivalCounts(IReadOnlySet<ulong>? CommonNames, IReadOnlySet<ulong>? Furniture);
