namespace Triangulate.Link;

/// <summary>A publication interval in whole days; <see cref="Latest"/> is <see cref="DateOnly.MaxValue"/> when only a lower bound is known.</summary>
internal readonly record struct DateRangeDays(DateOnly Earliest, DateOnly Latest)
{
    /// <summary>On or after <paramref name="earliest"/>, no later bound known.</summary>
    public static DateRangeDays From(DateOnly earliest) => new(earliest, DateOnly.MaxValue);

    /// <summary>Only a lower bound is known: the interval orders the page after what came before it, never before anything.</summary>
    public bool OpenEnded => Latest == DateOnly.MaxValue;
}
