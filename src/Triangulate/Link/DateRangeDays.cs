namespace Triangulate.Link;

/// <summary>A publication interval in whole days.</summary>
internal readonly record struct DateRangeDays(DateOnly Earliest, DateOnly Latest);
