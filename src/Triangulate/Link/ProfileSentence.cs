namespace Triangulate.Link;

/// <summary>
/// One body sentence: its characters in the document's text, its content-word hashes, its anchor hashes (numbers,
/// names), its <see cref="Wording"/> (content words that are neither names nor numbers: what a writer chose, not what
/// the event fixed) and whether it is mostly quoted speech (a quote is verbatim in every independent report).
/// </summary>
internal sealed record ProfileSentence(int Start, int End, ulong[] Content, ulong[] Anchors, ulong[] Wording, bool Quoted);
