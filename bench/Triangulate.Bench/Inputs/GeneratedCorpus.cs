using Triangulate.Model;

namespace Triangulate.Bench.Inputs;

/// <summary>A generated corpus and its truth: derivation family and story of every document, and the derivation edges (derived, source).</summary>
internal sealed record GeneratedCorpus(
    List<(Document Document, DocumentAnalysis Analysis)> Items,
    Dictionary<string, string> Family,
    Dictionary<string, int> Story,
    List<(string Derived, string Source)> Edges);
