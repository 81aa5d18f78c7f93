namespace Triangulate.CorpusGen;

/// <summary>Which sentences an article is made of: a headline key and paragraphs of sentence keys.</summary>
internal sealed record Shape(string TitleKey, IReadOnlyList<string[]> Paragraphs);
