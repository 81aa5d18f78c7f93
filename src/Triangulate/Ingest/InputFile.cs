namespace Triangulate.Ingest;

/// <summary>A file to read: the path as the user gave it (what the dossier shows) and where it is on disk.</summary>
public sealed record InputFile(string Source, string FullPath, long Length);
