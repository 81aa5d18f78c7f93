using System.Diagnostics;
using Triangulate.Model;

namespace Triangulate.Bench;

/// <summary>
/// An <see cref="ICorpusReader"/> that counts and times what a corpus stage asks of the store: the streamed pass over
/// every analysis (time spent inside the store's enumerator, so reading and deserialising, not the stage's own work
/// between items) and each single-document lookup.
/// </summary>
internal sealed class TimedCorpusReader(ICorpusReader inner) : ICorpusReader
{
    private readonly Stopwatch _streaming = new();
    private readonly Stopwatch _lookups = new();

    public int DocumentCount => inner.DocumentCount;

    public TimeSpan Streaming => _streaming.Elapsed;

    public int Streamed { get; private set; }

    public TimeSpan Lookups => _lookups.Elapsed;

    public int LookupCount { get; private set; }

    public void Reset()
    {
        _streaming.Reset();
        _lookups.Reset();
        Streamed = 0;
        LookupCount = 0;
    }

    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses()
    {
        _streaming.Start();
        using var items = inner.ReadAnalyses().GetEnumerator();
        while (items.MoveNext())
        {
            Streamed++;
            _streaming.Stop();
            yield return items.Current;
            _streaming.Start();
        }
        _streaming.Stop();
    }

    public Document? FindDocument(string id) => Lookup(() => inner.FindDocument(id));

    public DocumentAnalysis? FindAnalysis(string id) => Lookup(() => inner.FindAnalysis(id));

    private T Lookup<T>(Func<T> find)
    {
        LookupCount++;
        _lookups.Start();
        try
        {
            return find();
        }
        finally
        {
            _lookups.Stop();
        }
    }
}
