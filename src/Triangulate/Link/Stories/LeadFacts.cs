using Triangulate.Model;
using Triangulate.Reconcile;

namespace Triangulate.Link.Stories;

/// <summary>
/// What a report's opening states that reports of two events of one kind disagree on: its headline's figures
/// (<see cref="HeadlineFigures"/>), its lead's places (<see cref="LeadPlaces"/>) and its headline read as a frame
/// (<see cref="HeadlineNames"/>). The clusterer reads them once per document and keeps a story's first reports' for the
/// documents after them and for the splitter.
/// </summary>
internal sealed record LeadFacts(Dictionary<string, HashSet<string>> Figures, Dictionary<string, HashSet<string>> Places, Frame Headline)
{
    /// <summary>A document's lead facts (none when it is missing); its places only when <paramref name="places"/>.</summary>
    public static LeadFacts Of(Document? document, bool places = true) =>
        new(HeadlineFigures.Of(document?.Title), places ? LeadPlaces.Of(document) : [], HeadlineNames.Of(document?.Title));
}
