using System.Globalization;
using System.Text.Json;

namespace Triangulate.Cli;

/// <summary>
/// A TIMEX3 gold file over a corpus of real articles (JSON Lines, or an article-extraction ground truth) (<c>{"documents": [{"url", "part", "dct", "timex":
/// [{"start", "end", "type", "value"}]}]}</c>, offsets into the text of the corpus record with that url), read as
/// <see cref="MeantimeTimexEval.Article"/>s so that one scorer, the MEANTIME table's, judges both sets alike. The gold
/// covers the whole text, so every line is annotated; the gold DCT is handed to the extractor as publication date.
/// </summary>
internal static class TimexGoldFile
{
    /// <summary>An article of the gold with its half: <c>look</c> or <c>held</c>, as the gold's <c>part</c> says.</summary>
    internal sealed record Part(MeantimeTimexEval.Article Article, string Half);

    // A date line sits above the body: the title, a byline or a source line may come first, not a paragraph of text.
    private const int DateLineLines = 4;

    /// <summary>Reads the gold's documents with their texts from <paramref name="corpus"/>, in the gold's order.</summary>
    public static List<Part> Read(string goldPath, string corpus)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(goldPath));
        var wanted = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var doc in json.RootElement.GetProperty("documents").EnumerateArray())
            wanted[doc.GetProperty("url").GetString()!] = doc.Clone();
        var texts = Texts(corpus, wanted);
        var parts = new List<Part>(wanted.Count);
        foreach (var (url, doc) in wanted)
        {
            if (!texts.TryGetValue(url, out var text)) throw new InvalidDataException($"{url}: not in {corpus}");
            parts.Add(new Part(ToArticle(url, text, doc), HalfOf(doc)));
        }
        return parts;
    }

    /// <summary>
    /// The texts of the gold's documents, by the key the gold names them with. A corpus is either JSON Lines of
    /// <c>{"url", "text"}</c> records, or (a name ending in <c>.json</c>) an article-extraction ground truth
    /// <c>{"id": {"articleBody", "url"}}</c> such as extraction-dev's, whose person-marked bodies a gold over real news
    /// pages is written on: a document there is found by its url or its id, so the set needs no copy of the texts.
    /// </summary>
    private static Dictionary<string, string> Texts(string corpus, Dictionary<string, JsonElement> wanted)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (corpus.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            using var truth = JsonDocument.Parse(File.ReadAllText(corpus));
            if (truth.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{corpus}: not an object of {{id: {{articleBody, url}}}} records");
            foreach (var record in truth.RootElement.EnumerateObject())
            {
                if (record.Value.ValueKind != JsonValueKind.Object || !record.Value.TryGetProperty("articleBody", out var body)) continue;
                var text = body.GetString() ?? "";
                if (wanted.ContainsKey(record.Name)) texts[record.Name] = text;
                if (record.Value.TryGetProperty("url", out var url) && url.GetString() is { } u && wanted.ContainsKey(u)) texts[u] = text;
            }
            return texts;
        }
        foreach (var line in File.ReadLines(corpus))
        {
            if (line.Length == 0) continue;
            using var record = JsonDocument.Parse(line);
            var url = record.RootElement.GetProperty("url").GetString()!;
            if (wanted.ContainsKey(url)) texts[url] = record.RootElement.GetProperty("text").GetString()!;
        }
        return texts;
    }

    private static string HalfOf(JsonElement doc) =>
        doc.TryGetProperty("part", out var p) && p.GetString() == EvalHalf.Held ? EvalHalf.Held : EvalHalf.Look;

    /// <summary>
    /// One gold document as an article. The date line's TIMEX3 (the first gold on the first lines whose value is the
    /// DCT) is marked as the creation time, as MEANTIME's date line is, so the table's row without it means the same.
    /// </summary>
    internal static MeantimeTimexEval.Article ToArticle(string url, string text, JsonElement doc)
    {
        DateOnly? created = doc.TryGetProperty("dct", out var d) && d.GetString() is { } dct
            && DateOnly.TryParseExact(dct, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        var sentences = new List<(int Start, int End, bool Annotated)>();
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            sentences.Add((lineStart, i, true));
            lineStart = i + 1;
        }
        var gold = new List<MeantimeTimexEval.Gold>();
        foreach (var t in doc.GetProperty("timex").EnumerateArray())
        {
            // The gold counts code points (Python's str indices); a character beyond the BMP is two UTF-16 units here.
            int start = Utf16(text, t.GetProperty("start").GetInt32()), end = Utf16(text, t.GetProperty("end").GetInt32());
            if (start < 0 || end > text.Length || start >= end
                || (t.TryGetProperty("text", out var said) && !text.AsSpan(start, end - start).SequenceEqual(said.GetString())))
                throw new InvalidDataException($"{url}: TIMEX3 at {start}..{end} does not hold its text in the corpus record");
            var type = t.TryGetProperty("type", out var ty) ? ty.GetString() ?? "" : "";
            gold.Add(new MeantimeTimexEval.Gold(start, end, type, t.TryGetProperty("value", out var v) ? v.GetString() ?? "" : ""));
        }
        gold.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var dateLineEnd = sentences.Count > DateLineLines ? sentences[DateLineLines - 1].End : text.Length;
        var creation = created?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 0; i < gold.Count && gold[i].End <= dateLineEnd; i++)
            if (gold[i].Value == creation)
            {
                gold[i] = gold[i] with { Creation = true };
                break;
            }
        return new MeantimeTimexEval.Article(url, text, created, sentences, gold);
    }

    // The UTF-16 index of code point number <paramref name="codePoint"/>; past the end of the text it stays past the end.
    private static int Utf16(string text, int codePoint)
    {
        if (codePoint < 0) return codePoint;
        var i = 0;
        var n = 0;
        for (; n < codePoint && i < text.Length; n++) i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
        return i + (codePoint - n);
    }
}
