namespace Triangulate;

/// <summary>How long one phase of a run took (wall clock), for logs and benchmarks.</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed);
