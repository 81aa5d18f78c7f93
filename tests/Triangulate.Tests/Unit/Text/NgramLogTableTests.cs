using System.IO.Compression;
using System.Text;
using Triangulate.Text;

namespace Triangulate.Tests.Unit.Text;

/// <summary>
/// The merged table answers a trigram with Lingua's back-off per language (the trigram's log, else its two-letter
/// prefix's, else its first letter's), resolved when loading: checked on two small models written here in Lingua's
/// file format.
/// </summary>
public sealed class NgramLogTableTests : IDisposable
{
    private readonly string _models = Path.Combine(Path.GetTempPath(), "ngram-table-" + Guid.NewGuid().ToString("N"));

    public NgramLogTableTests()
    {
        // Language "xa" holds the trigram "abc" and the letters; language "xb" holds the bigram "ab" and the letter "a" only.
        Write("xa", "unigrams", ("1/2", "a b"), ("1/4", "c"));
        Write("xa", "trigrams", ("1/8", "abc"));
        Write("xb", "unigrams", ("1/3", "a"));
        Write("xb", "bigrams", ("1/5", "ab"), ("0/5", "ax"));
    }

    public void Dispose() => Directory.Delete(_models, recursive: true);

    [Fact]
    public void A_trigram_takes_its_own_log_where_held_and_backs_off_per_language_elsewhere()
    {
        var table = NgramLogTable.For(_models, ["xa", "xb"]);
        Assert.Equal([Math.Log(1.0 / 8), Math.Log(1.0 / 5)], table.Find(NgramLogTable.Pack("abc")).ToArray());
    }

    [Fact]
    public void A_trigram_whose_bigram_no_language_holds_backs_off_to_its_first_letter()
    {
        var table = NgramLogTable.For(_models, ["xa", "xb"]);
        // "bca": no row for "bca" nor "bc"; "b" is held by "xa" only.
        var row = table.Find(NgramLogTable.Pack("bca")).ToArray();
        Assert.Equal(Math.Log(1.0 / 2), row[0]);
        Assert.True(double.IsNaN(row[1]));
        // "abd": no row for "abd"; "ab" is held by "xb", and "xa" falls through to its "a".
        Assert.Equal([Math.Log(1.0 / 2), Math.Log(1.0 / 5)], table.Find(NgramLogTable.Pack("abd")).ToArray());
    }

    [Fact]
    public void A_trigram_of_letters_no_model_holds_finds_nothing_and_a_zero_probability_is_not_held()
    {
        var table = NgramLogTable.For(_models, ["xa", "xb"]);
        Assert.True(table.Find(NgramLogTable.Pack("zzz")).IsEmpty);
        // "ax" has probability 0 in "xb": Lingua counts it as absent, so "axe" backs off to "a" in both languages.
        Assert.Equal([Math.Log(1.0 / 2), Math.Log(1.0 / 3)], table.Find(NgramLogTable.Pack("axe")).ToArray());
    }

    private void Write(string code, string name, params (string Fraction, string Ngrams)[] rows)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_models, code)).FullName;
        var json = new StringBuilder("{\"language\":\"X\",\"ngrams\":{");
        json.AppendJoin(',', rows.Select(r => $"\"{r.Fraction}\":\"{r.Ngrams}\""));
        json.Append("}}");
        using var file = File.Create(Path.Combine(folder, name + ".json.br"));
        using var brotli = new BrotliStream(file, CompressionLevel.Fastest);
        brotli.Write(Encoding.UTF8.GetBytes(json.ToString()));
    }
}
