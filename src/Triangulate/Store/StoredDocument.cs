using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// What the store keeps for one document: the document, its analysis, the bytes it was read from, which pipeline
/// version made it, and its place in the order documents arrived (0: after everything stored, in the order saved).
/// </summary>
public sealed record StoredDocument(Document Document, DocumentAnalysis Analysis, ReadOnlyMemory<byte> Raw, string Format, string PipelineVersion, long Arrival = 0);
