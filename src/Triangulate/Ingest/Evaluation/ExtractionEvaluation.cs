using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Triangulate.Model;

namespace Triangulate.Ingest.Evaluation;

/// <summary>
/// Runs article extraction over a benchmark folder laid out as the Scrapinghub article-extraction-benchmark
/// (<c>html/&lt;id&gt;.html.gz</c> and <c>ground-truth.json</c> mapping ids to <c>articleBody</c>) and scores the
/// document bodies, or a peer's predictions, with <see cref="ExtractionScorer"/>.
/// </summary>
public sealed class ExtractionEvaluation
{
    /// <summary>The folder's ground truth: page id → article text, in id order.</summary>
    public SortedDictionary<string, string> Truth { get; }

    /// <summary>The benchmark folder.</summary>
    public string Folder { get; }

    private ExtractionEvaluation(string folder, SortedDictionary<string, string> truth)
    {
        Folder = folder;
        Truth = truth;
    }

    /// <summary>Opens a benchmark folder; throws <see cref="DirectoryNotFoundException"/> or <see cref="FileNotFoundException"/> when it is not one.</summary>
    public static ExtractionEvaluation Open(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such folder");
        var truthPath = Path.Combine(folder, "ground-truth.json");
        if (!File.Exists(truthPath)) throw new FileNotFoundException($"{truthPath}: no ground truth (expected ground-truth.json and html/<id>.html.gz)", truthPath);
        return new ExtractionEvaluation(folder, ReadTexts(File.ReadAllBytes(truthPath), "articleBody"));
    }

    /// <summary>Reads a JSON object of id → text, or id → object with a <paramref name="field"/> text.</summary>
    public static SortedDictionary<string, string> ReadTexts(byte[] json, string field)
    {
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var value = property.Value;
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()
                : value.ValueKind == JsonValueKind.Object && value.TryGetProperty(field, out var body) && body.ValueKind == JsonValueKind.String ? body.GetString()
                : null;
            texts[property.Name] = text ?? string.Empty;
        }
        return texts;
    }

    /// <summary>The page's bytes, un-gzipped.</summary>
    public byte[] Page(string id)
    {
        using var file = File.OpenRead(Path.Combine(Folder, "html", id + ".html.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>
    /// Reads every page with the HTML reader and <paramref name="classifier"/>, scores the bodies; <paramref name="onPage"/>
    /// sees each page's score. With <paramref name="rounds"/> above 1 the pages are extracted again in the same process,
    /// and <see cref="ExtractionRun.Elapsed"/> is the first (cold) round's time.
    /// </summary>
    public ExtractionRun Run(IBlockClassifier classifier, Action<string, ExtractionScore>? onPage = null, int rounds = 1)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var pages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var id in Truth.Keys) pages[id] = Page(id);
        var predictions = new Dictionary<string, string>(StringComparer.Ordinal);
        // Process CPU time rather than wall time, so a busy machine does not slow the figure down.
        var times = new List<TimeSpan>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var id in Truth.Keys) predictions[id] = Extract(id, pages[id], classifier);
            times.Add(Process.GetCurrentProcess().TotalProcessorTime - cpu);
        }
        return Tally(predictions, times[0], onPage) with { Rounds = times, Texts = predictions };
    }

    /// <summary>Scores a peer's predictions (id → text); a page missing from them counts as extracted empty.</summary>
    public ExtractionRun Score(IReadOnlyDictionary<string, string> predictions, TimeSpan elapsed, Action<string, ExtractionScore>? onPage = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return Tally(predictions, elapsed, onPage);
    }

    // Scores every page into the whole and into its part of the look/held-back split.
    private ExtractionRun Tally(IReadOnlyDictionary<string, string> predictions, TimeSpan elapsed, Action<string, ExtractionScore>? onPage)
    {
        var all = new ExtractionScorer();
        var parts = new Dictionary<EvaluationPart, ExtractionScorer> { [EvaluationPart.Look] = new(), [EvaluationPart.HeldBack] = new() };
        foreach (var (id, expected) in Truth)
        {
            // Not inside onPage?.Invoke(...): its arguments are not evaluated when there is no callback.
            var predicted = predictions.GetValueOrDefault(id) ?? string.Empty;
            var score = all.Add(predicted, expected);
            parts[EvaluationSplit.PartOf(id)].Add(predicted, expected);
            onPage?.Invoke(id, score);
        }
        return new ExtractionRun(all.Total, all.Pages, elapsed)
        {
            Look = (parts[EvaluationPart.Look].Total, parts[EvaluationPart.Look].Pages),
            HeldBack = (parts[EvaluationPart.HeldBack].Total, parts[EvaluationPart.HeldBack].Pages),
        };
    }

    /// <summary>
    /// The blocks wrongly kept or dropped on the look pages only (held-back pages are scored, never studied). Body blocks
    /// take their shingles from the truth's multiset in order, so a repeated summary counts once: a body block that finds
    /// under half of its shingles (tokens, under four) is kept wrongly; a block of another kind that finds half or more
    /// in what the body left is dropped wrongly.
    /// </summary>
    public IEnumerable<ExtractionError> LookErrors(IBlockClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        foreach (var (id, expected) in Truth)
        {
            if (EvaluationSplit.PartOf(id) != EvaluationPart.Look) continue;
            var read = HtmlDocumentReader.FromBytes(id, Page(id));
            if (read.Document is null) continue;
            var left = ExtractionScorer.Shingles(expected);
            var truthTokens = new HashSet<string>(ExtractionScorer.Tokens(expected), StringComparer.Ordinal);
            var blocks = classifier.Classify(read.Document);
            var errors = new List<(int Index, ExtractionError Error)>();
            foreach (var body in new[] { true, false })
            {
                for (var i = 0; i < blocks.Count; i++)
                {
                    if ((blocks[i].Kind == BlockKind.Body) != body) continue;
                    var text = read.Document.Text[blocks[i].Start..blocks[i].End];
                    var tokens = ExtractionScorer.Tokens(text);
                    if (tokens.Count == 0) continue;
                    var shingles = ExtractionScorer.Shingles(text);
                    int found = 0, all = 0;
                    foreach (var (shingle, count) in shingles)
                    {
                        var have = left.GetValueOrDefault(shingle);
                        found += Math.Min(have, count);
                        all += count;
                        if (body && have > 0) left[shingle] = Math.Max(0, have - count);
                    }
                    var inTruth = all > 0 ? (double)found / all : (double)tokens.Count(truthTokens.Contains) / tokens.Count;
                    if (body == inTruth >= 0.5) continue;
                    errors.Add((i, new ExtractionError(id, body, blocks[i].Kind, tokens.Count, read.Document.Segments[i].Path ?? "",
                        text.Length > 160 ? text[..160] : text)));
                }
            }
            foreach (var (_, error) in errors.OrderBy(e => e.Index)) yield return error;
        }
    }

    private static string Extract(string id, byte[] bytes, IBlockClassifier classifier)
    {
        var read = HtmlDocumentReader.FromBytes(id, bytes);
        if (read.Document is null) return string.Empty;
        var blocks = classifier.Classify(read.Document);
        return Ingest.DocumentAssembler.JoinBody(read.Document.Text, blocks);
    }
}
