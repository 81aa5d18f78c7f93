using System.Diagnostics;
using Triangulate.Model;

namespace Triangulate.Cluster;

/// <summary>
/// A corpus reader that sums the time spent in the reads of the reader it wraps (thread time: the story stages read
/// on several threads at once), so a story grain can tell its store reads apart from its compute.
/// </summary>
internal sealed class TimedCorpusReader(ICorpusReader inner) : ICorpusReader
{
    private long _ticks;

    /// <summary>Time spent reading so far, summed over threads.</summary>
    public TimeSpan Spent => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    /// <inheritdoc />
    public int DocumentCount => inner.DocumentCount;

    /// <inheritdoc />
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses()
    {
        using var rows = inner.ReadAnalyses().GetEnumerator();
        while (Timed(rows.MoveNext)) yield return rows.Current;
    }

    /// <inheritdoc />
    public Document? FindDocument(string id) => Timed(() => inner.FindDocument(id));

    /// <inheritdoc />
    public DocumentAnalysis? FindAnalysis(string id) => Timed(() => inner.FindAnalysis(id));

    private T Timed<T>(Func<T> read)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return read();
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        }
    }
}
