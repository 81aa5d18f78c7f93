namespace Triangulate.CorpusGen;

/// <summary>One sentence of a body: a phrase key and the chosen wording, or literal text added by an editor.</summary>
internal sealed record Sentence(string? Key, int Variant, string? Literal = null);
