namespace Triangulate.Link;

/// <summary>Sentence <see cref="A"/> of one document aligned with sentence <see cref="B"/> of the other.</summary>
internal readonly record struct AlignedPair(int A, int B, float Similarity);
