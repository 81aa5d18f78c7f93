using Triangulate.Model;

namespace Triangulate.Link.Evaluation;

/// <summary>One MEANTIME article as a document: its topic (the folder it sits in), its text rebuilt from the tokens, its creation time as the publication date, and the gold named mentions with the cross-document instance each refers to.</summary>
public sealed record MeantimeArticle(string Topic, Document Document, IReadOnlyList<MeantimeMention> Names);

/// <summary>A gold named-entity mention (syntactic type NAM) as a character range of the rebuilt text, with its cross-document instance id (empty when the annotation links it to none).</summary>
public readonly record struct MeantimeMention(int Start, int End, string Instance, string Type);
