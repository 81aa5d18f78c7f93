using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// The order problems are listed in: by source (ordinal), then by error with each run of digits compared by its value,
/// so that a file's "line 2" comes before its "line 11", as a reader going down the file expects; code-point order
/// elsewhere, as the stores' SQL ordering was.
/// </summary>
internal sealed class ProblemOrder : IComparer<Problem>
{
    public static readonly ProblemOrder Instance = new();

    public int Compare(Problem? x, Problem? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var bySource = string.CompareOrdinal(x.Source, y.Source);
        return bySource != 0 ? bySource : CompareWithNumbers(x.Error, y.Error);
    }

    private static int CompareWithNumbers(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var startA = i;
                var startB = j;
                while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
                // Leading zeros aside, a longer run is a larger number; equal lengths compare digit by digit.
                var digitsA = a.AsSpan(startA, i - startA).TrimStart('0');
                var digitsB = b.AsSpan(startB, j - startB).TrimStart('0');
                var byValue = digitsA.Length != digitsB.Length ? digitsA.Length.CompareTo(digitsB.Length) : digitsA.SequenceCompareTo(digitsB);
                if (byValue != 0) return byValue;
                continue;
            }
            if (a[i] != b[j]) return a[i].CompareTo(b[j]);
            i++;
            j++;
        }
        var byRest = (a.Length - i).CompareTo(b.Length - j);
        // Equal but for leading zeros: fall back to ordinal, so that distinct errors never compare equal.
        return byRest != 0 ? byRest : string.CompareOrdinal(a, b);
    }
}
