using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>What the store keeps for one document: the document, its analysis, the bytes it was read from, and which pipeline version made it.</summary>
public sealed record StoredDocument(Document Document, DocumentAnalysis Analysis, ReadOnlyMemory<byte> Raw, string Format, string PipelineVersion);
