namespace Triangulate;

/// <summary>Where a run is: the stage, and counts so far.</summary>
public sealed record PipelineProgress(string Stage, int DocumentsRead, int DocumentsStored, int DocumentsKnown, int Problems);
