using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Ingest.Evaluation;

/// <summary>
/// Scores publication dates read from HTML on a folder laid out as htmldate's evaluation set: <c>html/&lt;key&gt;.html.gz</c>
/// and <c>ground-truth.json</c> mapping keys to <c>{url, date}</c> (date "YYYY-MM-DD", or NaN/null for a page without
/// one). Each page goes through the HTML reader (with the URL as its source, as a WARC record would give it), the
/// block classifier and the text metadata extractor, and the document's <c>published</c> day is compared with the gold.
/// </summary>
public sealed class DateEvaluation
{
    /// <summary>Key → (url, gold day or null), in key order.</summary>
    public SortedDictionary<string, (string? Url, PartialDate? Date)> Truth { get; }

    /// <summary>The folder.</summary>
    public string Folder { get; }

    private DateEvaluation(string folder, SortedDictionary<string, (string?, PartialDate?)> truth)
    {
        Folder = folder;
        Truth = truth;
    }

    /// <summary>Opens a folder; throws <see cref="DirectoryNotFoundException"/> or <see cref="FileNotFoundException"/> when it is not one.</summary>
    public static DateEvaluation Open(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such folder");
        var truthPath = Path.Combine(folder, "ground-truth.json");
        if (!File.Exists(truthPath)) throw new FileNotFoundException($"{truthPath}: no ground truth (expected ground-truth.json and html/<key>.html.gz)", truthPath);
        // Python's json writes a missing date as the bare literal NaN, which is not JSON.
        var json = File.ReadAllText(truthPath, Encoding.UTF8).Replace(": NaN", ": null", StringComparison.Ordinal);
        return new DateEvaluation(folder, ReadTruth(json));
    }

    /// <summary>Parses the ground truth: key → {url, date}.</summary>
    public static SortedDictionary<string, (string?, PartialDate?)> ReadTruth(string json)
    {
        var truth = new SortedDictionary<string, (string?, PartialDate?)>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var page in document.RootElement.EnumerateObject())
        {
            string? url = null;
            PartialDate? date = null;
            if (page.Value.ValueKind == JsonValueKind.Object)
            {
                if (page.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String) url = u.GetString();
                if (page.Value.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String && PartialDate.TryParse(d.GetString(), out var day)) date = day;
            }
            truth[page.Name] = (url, date);
        }
        return truth;
    }

    /// <summary>Reads every page and scores its publication day; <paramref name="onPage"/> sees key, gold, found estimate.</summary>
    public SplitDateRun Run(Action<string, PartialDate?, DateEstimate?>? onPage = null)
    {
        var reader = new HtmlBlockClassifier();
        var assembler = new DocumentAssembler(reader, new TextMetadataExtractor(), new Undetermined());
        var run = new SplitDateRun();
        foreach (var (key, (url, gold)) in Truth)
        {
            var found = Published(assembler, url ?? key, Page(key));
            run.Add(key, gold, found);
            onPage?.Invoke(key, gold, found);
        }
        return run;
    }

    /// <summary>
    /// Scores another tool's days through the same counts: <paramref name="predictions"/> maps keys to a day (a key
    /// missing from them counts as no day found). Their basis is recorded as metadata, the peer's own being unknown.
    /// </summary>
    public SplitDateRun Score(IReadOnlyDictionary<string, PartialDate?> predictions, Action<string, PartialDate?, DateEstimate?>? onPage = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var run = new SplitDateRun();
        foreach (var (key, (_, gold)) in Truth)
        {
            var found = predictions.GetValueOrDefault(key) is { } day ? DateEstimate.Exact(day, DateBasis.Metadata) : null;
            run.Add(key, gold, found);
            onPage?.Invoke(key, gold, found);
        }
        return run;
    }

    /// <summary>
    /// Reads a peer's output: a JSON object of key → "YYYY-MM-DD" (a longer timestamp is cut to its day), null, or an
    /// object with a <c>date</c> field (the layout of the ground truth, as htmldate's evaluation writes its results).
    /// </summary>
    public static Dictionary<string, PartialDate?> ReadPredictions(string json)
    {
        var days = new Dictionary<string, PartialDate?>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json.Replace(": NaN", ": null", StringComparison.Ordinal));
        foreach (var page in document.RootElement.EnumerateObject())
        {
            var value = page.Value.ValueKind == JsonValueKind.Object && page.Value.TryGetProperty("date", out var d) ? d : page.Value;
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            days[page.Name] = text is { Length: >= 10 } && PartialDate.TryParse(text.AsSpan(0, 10), out var day) ? day : null;
        }
        return days;
    }

    /// <summary>The page's bytes, un-gzipped.</summary>
    public byte[] Page(string key)
    {
        using var file = File.OpenRead(Path.Combine(Folder, "html", key + ".html.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    private static DateEstimate? Published(DocumentAssembler assembler, string source, byte[] bytes)
    {
        var read = HtmlDocumentReader.FromBytes(source, bytes);
        return read.Document is null ? null : assembler.Assemble(read.Document).Published;
    }

    /// <summary>Language is not needed to date a page, and loading the models would dominate the run.</summary>
    private sealed class Undetermined : ILanguageIdentifier
    {
        public string Identify(string text) => "und";
    }
}
