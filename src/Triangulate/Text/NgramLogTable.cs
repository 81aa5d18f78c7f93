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
/// </summary>
internal sealed class NgramLogTable
{
    private static readonly ConcurrentDictionary<string, Lazy<NgramLogTable>> Cache = new(StringComparer.Ordinal);
    private static readonly string[] Names = ["unigram", "bigram", "trigram"];

    // By n-gram length - 1: key → index of the row's first cell in _logs.
    private readonly Dictionary<ulong, int>[] _rows = [new(), new(), new()];
    private readonly List<double> _logs = [];

    private NgramLogTable(int languages) => Languages = languages;

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

    /// <summary>The log-probability row of the n-gram of <paramref name="length"/> characters packed in <paramref name="key"/>; empty when no language has it.</summary>
    public ReadOnlySpan<double> Find(int length, ulong key) =>
        _rows[length - 1].TryGetValue(key, out var start)
            ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_logs).Slice(start, Languages)
            : default;

    private static NgramLogTable Load(string directory, IReadOnlyList<string> codes)
    {
        var table = new NgramLogTable(codes.Count);
        for (var length = 1; length <= Names.Length; length++)
            for (var column = 0; column < codes.Count; column++)
                table.Read(Path.Combine(directory, codes[column], Names[length - 1] + "s.json.br"), length, column);
        return table;
    }

    private void Read(string path, int length, int column)
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
                    if (ngram.Length == length) Set(length, Pack(ngram), column, log);
            }
        }
    }

    private void Set(int length, ulong key, int column, double log)
    {
        var rows = _rows[length - 1];
        if (!rows.TryGetValue(key, out var start))
        {
            start = _logs.Count;
            rows[key] = start;
            for (var i = 0; i < Languages; i++) _logs.Add(double.NaN);
        }
        _logs[start + column] = log;
    }
}
