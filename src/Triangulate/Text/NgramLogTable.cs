using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Triangulate.Text;

/// <summary>
/// Lingua's unigram, bigram and trigram models of several languages merged into one table: an n-gram (packed into a
/// 64-bit key, 16 bits a character) finds one row holding the natural log of its probability in every language, NaN
/// where a language's model lacks it. One lookup per n-gram serves every language, where Lingua looks each n-gram up
/// once per language (a string key each time). The files are Lingua's own (brotli JSON, "numerator/denominator" →
/// space-separated n-grams), read the way Lingua reads them, so each log is of the very double Lingua computes.
/// Loaded once per language list and shared: immutable after loading.
/// <para>
/// What a trigram adds is Lingua's back-off (<see cref="Find"/>): per language the trigram's log, else its two-letter
/// prefix's, else its first letter's. That choice depends on the models alone, so it is made once when loading: each
/// trigram's and bigram's row holds, where its own model lacks it, what the back-off would pick (the same double),
/// and a lookup is then one probe of an open-addressed table of (key, row) pairs, not up to three dictionary lookups
/// (the scorer's lookups were a tenth of the per-document analysis's CPU, most of it cache misses).
/// </para>
/// </summary>
internal sealed class NgramLogTable
{
    private static readonly ConcurrentDictionary<string, Lazy<NgramLogTable>> Cache = new(StringComparer.Ordinal);
    private static readonly string[] Names = ["unigram", "bigram", "trigram"];

    /// <summary>A packed key of n characters carries n in its top 16 bits (three characters take the 48 below): keys of every length share one table, and 0 marks an empty slot.</summary>
    private const int LengthShift = 48;

    private readonly Entry[] _entries;
    private readonly int _shift;
    private readonly double[] _logs;

    private NgramLogTable(int languages, Dictionary<ulong, int> rows, List<double> logs)
    {
        Languages = languages;
        // At most half full: a probe mostly ends at its first slot.
        var bits = Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(1, rows.Count) * 2.0)));
        _entries = new Entry[1 << bits];
        _shift = 64 - bits;
        foreach (var (key, start) in rows)
        {
            var slot = Slot(key);
            while (_entries[slot].Key != 0) slot = (slot + 1) & (_entries.Length - 1);
            _entries[slot] = new Entry(key, start);
        }
        _logs = [.. logs];
    }

    /// <summary>Columns per row: the languages, in the order given when loading.</summary>
    public int Languages { get; }

    /// <summary>The shared table of Lingua's models under <paramref name="directory"/> for <paramref name="codes"/> (ISO 639-1), in that column order.</summary>
    public static NgramLogTable For(string directory, IReadOnlyList<string> codes)
    {
        var key = directory + "|" + string.Join(',', codes);
        return Cache.GetOrAdd(key, _ => new Lazy<NgramLogTable>(() => Load(directory, codes))).Value;
    }

    /// <summary>The packed key of an n-gram of one to three characters.</summary>
    public static ulong Pack(ReadOnlySpan<char> ngram)
    {
        ulong key = 0;
        foreach (var c in ngram) key = (key << 16) | c;
        return key;
    }

    /// <summary>
    /// What the trigram packed in <paramref name="key"/> adds to each language's sum, Lingua's back-off applied: per
    /// language the log-probability of the longest of the trigram, its two-letter prefix and its first letter that the
    /// language's model holds, NaN where none. Empty when no language holds any of them.
    /// </summary>
    public ReadOnlySpan<double> Find(ulong key)
    {
        for (var length = 3; length >= 1; length--, key >>= 16)
        {
            var start = StartOf(((ulong)length << LengthShift) | key);
            if (start >= 0) return _logs.AsSpan(start, Languages);
        }
        return default;
    }

    private int StartOf(ulong tagged)
    {
        var mask = _entries.Length - 1;
        for (var slot = Slot(tagged); ; slot = (slot + 1) & mask)
        {
            ref readonly var entry = ref _entries[slot];
            if (entry.Key == tagged) return entry.Start;
            if (entry.Key == 0) return -1;
        }
    }

    // Fibonacci hashing: the packed keys differ in their low characters, which the multiplication spreads to the top bits.
    private int Slot(ulong tagged) => (int)((tagged * 0x9E3779B97F4A7C15UL) >> _shift);

    private static NgramLogTable Load(string directory, IReadOnlyList<string> codes)
    {
        var rows = new Dictionary<ulong, int>();
        var logs = new List<double>();
        for (var length = 1; length <= Names.Length; length++)
            for (var column = 0; column < codes.Count; column++)
                Read(Path.Combine(directory, codes[column], Names[length - 1] + "s.json.br"), length, column, codes.Count, rows, logs);
        BackOff(rows, logs, codes.Count);
        return new NgramLogTable(codes.Count, rows, logs);
    }

    /// <summary>
    /// Fills each bigram's and then each trigram's missing cells with those of its longest prefix that has a row (filled
    /// already): afterwards a row found holds the back-off's choice for every language, and an n-gram without a row
    /// backs off to its prefix's row.
    /// </summary>
    private static void BackOff(Dictionary<ulong, int> rows, List<double> logs, int languages)
    {
        for (var length = 2; length <= 3; length++)
            foreach (var (tagged, start) in rows)
            {
                if ((int)(tagged >> LengthShift) != length) continue;
                // The longest prefix the models hold: its row is filled already (shorter ones first).
                var from = -1;
                var key = tagged & ((1UL << LengthShift) - 1);
                for (var shorter = length - 1; shorter >= 1 && from < 0; shorter--)
                    if (!rows.TryGetValue(((ulong)shorter << LengthShift) | (key >>= 16), out from)) from = -1;
                if (from < 0) continue;
                for (var i = 0; i < languages; i++)
                    if (double.IsNaN(logs[start + i])) logs[start + i] = logs[from + i];
            }
    }

    private static void Read(string path, int length, int column, int languages, Dictionary<ulong, int> rows, List<double> logs)
    {
        // A model Lingua does not ship for a language is an empty model to Lingua too.
        if (!File.Exists(path)) return;
        using var memory = new MemoryStream();
        using (var file = File.OpenRead(path))
        using (var brotli = new BrotliStream(file, CompressionMode.Decompress))
            brotli.CopyTo(memory);
        var reader = new Utf8JsonReader(memory.GetBuffer().AsSpan(0, (int)memory.Length));
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            if (!reader.ValueTextEquals("ngrams"u8))
            {
                reader.Read();
                reader.TrySkip();
                continue;
            }
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var fraction = reader.GetString()!;
                var slash = fraction.IndexOf('/', StringComparison.Ordinal);
                // As Lingua computes it: numerator as a double over the denominator as an int.
                var probability = double.Parse(fraction.AsSpan(0, slash), CultureInfo.InvariantCulture)
                    / int.Parse(fraction.AsSpan(slash + 1), CultureInfo.InvariantCulture);
                reader.Read();
                // Lingua counts an n-gram as found only when its probability is above zero.
                if (!(probability > 0)) continue;
                var log = Math.Log(probability);
                foreach (var ngram in reader.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (ngram.Length == length) Set(rows, logs, languages, ((ulong)length << LengthShift) | Pack(ngram), column, log);
            }
        }
    }

    private static void Set(Dictionary<ulong, int> rows, List<double> logs, int languages, ulong tagged, int column, double log)
    {
        if (!rows.TryGetValue(tagged, out var start))
        {
            start = logs.Count;
            rows[tagged] = start;
            for (var i = 0; i < languages; i++) logs.Add(double.NaN);
        }
        logs[start + column] = log;
    }

    /// <summary>One slot: a tagged key (0 when empty) and where its row starts in the logs.</summary>
    private readonly record struct Entry(ulong Key, int Start);
}
