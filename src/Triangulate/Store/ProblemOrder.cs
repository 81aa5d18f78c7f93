using System.Globalization;
using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// The order problems are listed in: by source (ordinal), then by error with each run of digits compared by its value
/// (.NET's numeric string ordering), so that a file's "line 2" comes before its "line 11", as a reader going down the
/// file expects; errors that still compare equal ("line 02" and "line 2") fall back to ordinal, so the order is total.
/// </summary>
internal sealed class ProblemOrder : IComparer<Problem>
{
    public static readonly ProblemOrder Instance = new();

    private static readonly StringComparer Numeric = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.NumericOrdering);

    public int Compare(Problem? x, Problem? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var bySource = string.CompareOrdinal(x.Source, y.Source);
        if (bySource != 0) return bySource;
        var byError = Numeric.Compare(x.Error, y.Error);
        return byError != 0 ? byError : string.CompareOrdinal(x.Error, y.Error);
    }
}
