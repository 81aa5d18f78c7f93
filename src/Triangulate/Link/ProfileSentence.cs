namespace Triangulate.Link;

/// <summary>One body sentence: its characters in the document's text, its content-word hashes and its anchor hashes (numbers, names).</summary>
internal sealed record ProfileSentence(int Start, int End, ulong[] Content, ulong[] Anchors);
