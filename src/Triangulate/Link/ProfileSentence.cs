namespace Triangulate.Link;

/// <summary>
/// One body sentence: its characters in the document's text, its content-word hashes, its anchor hashes (numbers,
/// names), its <see cref="Wording"/> (content words that are neither names nor numbers: what a writer chose, not what
/// the event fixed), whether it is mostly quoted speech (a quote is verbatim in every independent report), and its
/// <see cref="Figures"/>: its numbers, which tell one event's report from another's written on one template.
/// </summary>
internal sealed record ProfileSentence(int Start, int End, ulong[] Content, ulong[] Anchors, ulong[] Wording, bool Quoted)
{
    /// <summary>
    /// Hashes of the sentence's numbers: its number anchors and its lone digits (too common to be anchors), less the
    /// numbers of a wire dateline opening it (the day it was filed).
    /// </summary>
    public ulong[] Figures { get; init; } = [];

    /// <summary>
    /// Hash of the sentence's characters as they stand: equal for a line a site prints on many of its pages ("Sign up
    /// for our morning briefing…"), which <see cref="Provenance.SiteFurniture"/> counts.
    /// </summary>
    public ulong Line { get; init; }
}
