namespace Triangulate.Model;

/// <summary>A pair of passages that say the same thing in two documents: the evidence for a relation.</summary>
public sealed record AlignedPassage(TextSpan From, TextSpan To);
