using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Triangulate.Ingest;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Fuzz;

/// <summary>
/// Fuzzes every reader and the whole per-document pipeline (assemble, extract) with mutated real inputs: the example
/// captures, the test fixtures, pages of ../shared/datasets when present, each also wrapped as JSONL, WARC and gzip.
/// Asserts no unhandled exception, no document over 30 s, and every span round-trips to its excerpt. The budget is
/// small in CI; set TRIANGULATE_FUZZ_SECONDS to fuzz longer by hand. An input that fails is written to
/// tests/Triangulate.Tests/Fixtures/fuzz/ (or TRIANGULATE_FUZZ_FAILURES) and replayed by
/// <see cref="Every_input_that_ever_failed_is_read_and_analysed_cleanly"/> from then on.
/// </summary>
public class PipelineFuzzTests
{
    private static readonly TimeSpan PerDocument = TimeSpan.FromSeconds(30);

    private static readonly Lazy<Pipeline> SharedPipeline = new(() => Some.PipelineBuilder().Build());

    private static readonly Lazy<List<(string Extension, byte[] Bytes)>> Seeds = new(LoadSeeds);

    // Markup and text fragments that reach the readers' edge cases: tag soup, comments, raw text, charsets, entities,
    // invalid UTF-8, record headers, line breaks.
    private static readonly byte[][] Fragments =
    [
        "<div>"u8.ToArray(), "</div>"u8.ToArray(), "<b><i><span>"u8.ToArray(), "<!--"u8.ToArray(), "-->"u8.ToArray(), "<script>"u8.ToArray(),
        "</p>"u8.ToArray(), "<p>"u8.ToArray(), "<meta charset=\"shift_jis\">"u8.ToArray(), "&amp;&#x0;&#xD800;&nbsp;"u8.ToArray(),
        [0xC3, 0x28], [0xFF, 0xFE], [0xE2, 0x80], [0x00], "\r\n\r\n"u8.ToArray(), "\n"u8.ToArray(), "WARC/1.0\r\n"u8.ToArray(),
        "Content-Length: 99999999\r\n"u8.ToArray(), "{\"text\":\""u8.ToArray(), "\"}\n"u8.ToArray(), "“"u8.ToArray(), ". "u8.ToArray(),
        "Mr. "u8.ToArray(), "said on Monday that 12,000 "u8.ToArray(), "<table><tr><td>"u8.ToArray(), "<h1>"u8.ToArray(),
    ];

    private static string FailuresFolder =>
        Environment.GetEnvironmentVariable("TRIANGULATE_FUZZ_FAILURES") is { Length: > 0 } folder
            ? folder : Path.Combine(TestPaths.RepoRoot, "tests", "Triangulate.Tests", "Fixtures", "fuzz");

    [Fact]
    public void Mutated_real_inputs_are_read_and_analysed_without_a_crash_a_hang_or_a_broken_span()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("TRIANGULATE_FUZZ_SECONDS"), out var s) && s > 0 ? s : 20;
        var seeds = Seeds.Value;
        var checkedInputs = 0;
        Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[0, 5], Gen.Int.Array[0, 24])
            .Sample((seed, wrap, ops) =>
            {
                var (extension, bytes) = Wrap(seeds[seed].Extension, Mutate(seeds[seed].Bytes, ops), wrap);
                Check(extension, bytes, keepFailure: true);
                Interlocked.Increment(ref checkedInputs);
            }, time: seconds, threads: 1);
        Assert.True(checkedInputs > 0);
    }

    /// <summary>
    /// The whole pipeline, corpus and story stages included, over small corpora of mutated real inputs: no stage may
    /// fail, no document may make an analyser throw, and every span of the dossier must round-trip. Half the CI budget
    /// of the per-document fuzz; TRIANGULATE_FUZZ_SECONDS sets both by hand.
    /// </summary>
    [Fact]
    public void Corpora_of_mutated_inputs_go_through_every_stage_without_a_failure()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("TRIANGULATE_FUZZ_SECONDS"), out var s) && s > 0 ? s : 10;
        var seeds = Seeds.Value;
        var corpora = 0;
        Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[0, 5], Gen.Int.Array[0, 24]).Array[2, 5]
            .Sample(inputs =>
            {
                var files = inputs.Select(i => Wrap(seeds[i.Item1].Extension, Mutate(seeds[i.Item1].Bytes, i.Item3), i.Item2)).ToList();
                CheckCorpus(files);
                Interlocked.Increment(ref corpora);
            }, time: seconds, threads: 1);
        Assert.True(corpora > 0);
    }

    private static void CheckCorpus(List<(string Extension, byte[] Bytes)> files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "triangulate-fuzz", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "in"));
        try
        {
            for (var i = 0; i < files.Count; i++) File.WriteAllBytes(Path.Combine(folder, "in", $"input{i}{files[i].Extension}"), files[i].Bytes);
            var work = Task.Run(() =>
            {
                var pipeline = SharedPipeline.Value;
                using var store = Triangulate.Store.SqliteStore.Open(Path.Combine(folder, "t.db"));
                var summary = pipeline.Analyze([Path.Combine(folder, "in")], store);
                if (summary.FailedStages.Count > 0) throw new InvalidOperationException($"stage {summary.FailedStages[0].Stage} failed: {summary.FailedStages[0].Error}");
                if (summary.Problems.FirstOrDefault(p => p.Error.Contains("failed", StringComparison.Ordinal)) is { } failed)
                    throw new InvalidOperationException($"{failed.Source}: {failed.Error}");
                pipeline.WriteReports(store, Path.Combine(folder, "out"), ["json"], DateTimeOffset.UnixEpoch);
                var dossier = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "dossier.json")))!;
                var texts = dossier["documents"]!.AsArray().ToDictionary(d => (string)d!["id"]!, d => (string)d!["text"]!);
                if (SpanChecks.Broken(dossier, texts).FirstOrDefault() is { } broken) throw new InvalidOperationException(broken);
            });
            if (!work.Wait(PerDocument * (files.Count + 2))) throw new TimeoutException("a corpus did not finish (hang)");
            work.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            foreach (var (extension, bytes) in files) Keep(extension, bytes);
            throw;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }
    }

    [Fact]
    public void Every_input_that_ever_failed_is_read_and_analysed_cleanly()
    {
        var folder = Path.Combine(TestPaths.Fixtures, "fuzz");
        var files = Directory.GetFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files) Check(FormatExtension(Path.GetFileName(file)), File.ReadAllBytes(file), keepFailure: false);
    }

    [Fact]
    public void The_mutator_changes_inputs_and_the_seeds_cover_every_container()
    {
        var seeds = Seeds.Value;
        var (_, bytes) = seeds[0];
        Assert.NotEqual(bytes, Mutate(bytes, [1, 5, 9, 2, 77, 3, 1000, 40]));
        var wrapped = Enumerable.Range(0, 6).Select(w => Wrap(".txt", bytes, w).Extension).ToHashSet();
        Assert.Superset(new HashSet<string> { ".txt", ".jsonl", ".warc", ".txt.gz", ".warc.gz", ".jsonl.gz" }, wrapped);
        Assert.Equal(6, wrapped.Count);
    }

    /// <summary>Reads the bytes as a file with <paramref name="extension"/>, analyses every document, checks time and spans.</summary>
    private static void Check(string extension, byte[] bytes, bool keepFailure)
    {
        var pipeline = SharedPipeline.Value;
        var folder = Path.Combine(Path.GetTempPath(), "triangulate-fuzz", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "input" + extension);
        File.WriteAllBytes(path, bytes);
        try
        {
            var work = Task.Run(() =>
            {
                var clock = Stopwatch.StartNew();
                foreach (var result in pipeline.Read(new InputFile(path, path, bytes.Length)))
                {
                    if (result.Problem is { } problem && problem.Error.Contains('\n', StringComparison.Ordinal))
                        throw new InvalidOperationException($"a problem spans lines: {problem.Error}");
                    if (result.Document is not { } source) continue;
                    var (document, analysis) = pipeline.AnalyzeOne(source);
                    foreach (var span in AnalysisSpans.Of(analysis))
                    {
                        if (span.Start < 0 || span.End > document.Text.Length || span.Start > span.End || span.Excerpt != document.Text[span.Start..span.End])
                            throw new InvalidOperationException($"span {span.Start}..{span.End} does not round-trip to its excerpt");
                    }
                    if (clock.Elapsed > PerDocument) throw new TimeoutException($"a document took {clock.Elapsed.TotalSeconds:0} s");
                    clock.Restart();
                }
            });
            if (!work.Wait(PerDocument * 4)) throw new TimeoutException("reading and analysing did not finish (hang)");
            work.GetAwaiter().GetResult();
        }
        catch (Exception) when (keepFailure)
        {
            Keep(extension, bytes);
            throw;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }
    }

    private static void Keep(string extension, byte[] bytes)
    {
        Directory.CreateDirectory(FailuresFolder);
        var name = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + extension;
        File.WriteAllBytes(Path.Combine(FailuresFolder, name), bytes);
    }

    private static string FormatExtension(string name)
    {
        foreach (var extension in new[] { ".warc.gz", ".jsonl.gz", ".html.gz", ".txt.gz", ".warc", ".jsonl", ".html", ".txt" })
            if (name.EndsWith(extension, StringComparison.Ordinal)) return extension;
        return ".txt";
    }

    /// <summary>Applies mutations coded by <paramref name="ops"/> (each int: what, where, how much), deterministically.</summary>
    private static byte[] Mutate(byte[] input, int[] ops)
    {
        var bytes = new List<byte>(input);
        foreach (var op in ops)
        {
            var u = (uint)op;
            var at = bytes.Count == 0 ? 0 : (int)((u >> 4) % (uint)bytes.Count);
            var size = (int)((u >> 20) % 2048) + 1;
            switch (u % 9)
            {
                case 0: if (bytes.Count > 0) bytes[at] ^= (byte)(1 << (int)((u >> 8) % 8)); break;
                case 1: bytes.RemoveRange(at, Math.Min(size, bytes.Count - at)); break;
                case 2: bytes.InsertRange(at, Fragments[(u >> 8) % (uint)Fragments.Length]); break;
                case 3: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(size, bytes.Count - at))); break;
                case 4: if (bytes.Count > 0) bytes.RemoveRange(at, bytes.Count - at); break;
                case 5: bytes.InsertRange(at, Enumerable.Repeat(Fragments[(u >> 8) % (uint)Fragments.Length], size / 8 + 1).SelectMany(f => f)); break;
                case 6: bytes.InsertRange(at, Enumerable.Repeat((byte)(u >> 8), size)); break;
                case 7: if (bytes.Count > 0) bytes[at] = (byte)(u >> 12); break;
                default: ReplaceLineBreaks(bytes, at, size * 16); break;
            }
        }
        return [.. bytes];
    }

    /// <summary>Joins lines into one (the one-line-file case) over a stretch.</summary>
    private static void ReplaceLineBreaks(List<byte> bytes, int at, int length)
    {
        for (var i = at; i < Math.Min(bytes.Count, at + length); i++)
            if (bytes[i] is (byte)'\n' or (byte)'\r') bytes[i] = (byte)' ';
    }

    /// <summary>The input as a file of one of six shapes: itself, JSONL, WARC, or each gzipped.</summary>
    private static (string Extension, byte[] Bytes) Wrap(string extension, byte[] bytes, int wrap)
    {
        var isHtml = extension.StartsWith(".html", StringComparison.Ordinal);
        return wrap switch
        {
            0 => (extension, bytes),
            1 => (".jsonl", AsJsonl(bytes, isHtml)),
            2 => (".warc", AsWarc(bytes, isHtml)),
            3 => (extension + ".gz", Gzip(bytes)),
            4 => (".warc.gz", Gzip(AsWarc(bytes, isHtml))),
            _ => (".jsonl.gz", Gzip(AsJsonl(bytes, isHtml))),
        };
    }

    private static byte[] AsJsonl(byte[] bytes, bool isHtml)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var record = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = "https://example.org/fuzz", [isHtml ? "html" : "text"] = text });
        return Encoding.UTF8.GetBytes(record + "\n" + record.Replace("/fuzz", "/fuzz2", StringComparison.Ordinal) + "\n");
    }

    private static byte[] AsWarc(byte[] bytes, bool isHtml)
    {
        byte[] block = [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/{(isHtml ? "html" : "plain")}; charset=utf-8\r\n\r\n"), .. bytes];
        byte[] Record(string url) => [.. Encoding.ASCII.GetBytes($"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {block.Length}\r\n\r\n"), .. block, .. "\r\n\r\n"u8];
        return [.. Record("https://example.org/a"), .. Record("https://example.org/b")];
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(bytes);
        return output.ToArray();
    }

    private static List<(string Extension, byte[] Bytes)> LoadSeeds()
    {
        var seeds = new List<(string, byte[])>();
        foreach (var file in Directory.GetFiles(TestPaths.KurskExample).Order(StringComparer.Ordinal)) seeds.Add((".txt", File.ReadAllBytes(file)));
        foreach (var file in Directory.GetFiles(TestPaths.Fixtures, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}fuzz{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var name = Path.GetFileName(file);
            if (name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal)) seeds.Add((Path.GetExtension(name), File.ReadAllBytes(file)));
        }
        // Real pages from the evaluation sets beside the repository, when they are there: a few from each, so the fuzz stays varied and fast to start.
        var datasets = Path.Combine(TestPaths.RepoRoot, "..", "shared", "datasets");
        if (Directory.Exists(datasets))
        {
            foreach (var set in Directory.GetDirectories(datasets).Order(StringComparer.Ordinal))
                foreach (var page in Directory.GetFiles(set, "*.html.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(8))
                {
                    using var gz = new GZipStream(File.OpenRead(page), CompressionMode.Decompress);
                    using var copy = new MemoryStream();
                    gz.CopyTo(copy);
                    seeds.Add((".html", copy.ToArray()));
                }
        }
        return seeds;
    }
}
