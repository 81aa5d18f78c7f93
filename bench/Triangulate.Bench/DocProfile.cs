using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Triangulate.Extract;
using Triangulate.Ingest;
using Triangulate.Model;
using Lingua;
using Triangulate.Text;

namespace Triangulate.Bench;

/// <summary>
/// <c>doc-profile [--rounds N] [--warmup SECONDS] [--parallel] [--channels] [--alloc] SET...</c>: the per-document phase of <c>analyze</c>
/// (read → assemble: blocks, metadata, language → sentences → each extractor → the store's JSON and gzip) over every document
/// of each set (a file or a folder), on one thread, with the thread's CPU clock per step (time spent waiting behind other processes is not counted). The default pipeline's own parts are
/// used, the assembler's wrapped in timing decorators, so what is timed is what <c>analyze</c> runs.
/// <para>
/// Warms up first (tiered JIT and PGO settle), then runs the set <c>--rounds</c> times and keeps each step's fastest
/// round: on a machine shared with other builds most rounds are interrupted, and the minimum is closest to the code's
/// own cost. Also prints the calling thread's CPU time per article (fastest round) and a SHA-256 digest of every
/// document's and analysis's compact JSON as <see cref="Pipeline.AnalyzeOne(SourceDocument)"/> makes them: a change
/// meant to be speed only must leave the digest as it was. <c>--parallel</c> adds one pass of <c>AnalyzeOne</c> over
/// the set on every core, against the same pass on one thread; <c>--channels</c> the set through the pipeline's own
/// channels without corpus stages, into a store that keeps nothing and into SQLite.
/// </para>
/// </summary>
internal static class DocProfile
{
    private const string Read = "read", Classify = "classify", Language = "language", Metadata = "metadata",
        Assemble = "assemble (rest)", Split = "split (context)", ToAnalysis = "to analysis", Json = "json (store)",
        Gzip = "gzip raw (store)";

    public static int Run(string[] args)
    {
        var rounds = 5;
        var warmup = 3.0;
        var parallel = false;
        var channels = false;
        var alloc = false;
        var sets = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--parallel": parallel = true; break;
                case "--channels": channels = true; break;
                case "--alloc": alloc = true; break;
                default: sets.Add(args[i]); break;
            }
        }
        if (sets.Count == 0)
        {
            Console.Error.WriteLine("usage: doc-profile [--rounds N] [--warmup SECONDS] [--parallel] [--channels] [--alloc] SET...");
            return 2;
        }
        foreach (var set in sets)
        {
            Profile(set, rounds, warmup, parallel, alloc);
            if (channels) Channels(set);
        }
        return 0;
    }

    private static void Profile(string set, int rounds, double warmup, bool parallel, bool alloc)
    {
        var builder = PipelineBuilder.CreateDefault();
        var pipeline = builder.Build();
        var clocks = new Clocks();
        var assembler = new DocumentAssembler(
            new TimedClassifier(builder.Classifier, clocks),
            new TimedMetadata(builder.Metadata, clocks),
            new TimedLanguage(builder.Language ?? new LinguaLanguageIdentifier(builder.Languages), clocks));
        var files = InputDiscovery.Enumerate([set], p => Console.Error.WriteLine($"{p.Source}: {p.Error}")).ToList();
        var documents = ReadAll(pipeline, files);
        var chars = documents.Sum(d => (long)d.Text.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== {set}: {files.Count} files, {documents.Count} documents, {chars / 1024.0 / documents.Count:0.0} KB of text each"));

        var warm = Stopwatch.StartNew();
        do Round(pipeline, builder, assembler, files, clocks);
        while (warm.Elapsed.TotalSeconds < warmup);

        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        var bestWhole = double.MaxValue;
        var bestCpu = double.MaxValue;
        var bestProcessCpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        long allocated = 0, jsonBytes = 0;
        for (var round = 0; round < rounds; round++)
        {
            clocks.Reset();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpu.Nanoseconds();
            process.Refresh();
            var processCpu = process.TotalProcessorTime;
            var whole = Stopwatch.StartNew();
            jsonBytes = Round(pipeline, builder, assembler, files, clocks);
            bestWhole = Math.Min(bestWhole, whole.Elapsed.TotalMilliseconds);
            bestCpu = Math.Min(bestCpu, (ThreadCpu.Nanoseconds() - cpu) / 1e6);
            process.Refresh();
            bestProcessCpu = Math.Min(bestProcessCpu, (process.TotalProcessorTime - processCpu).TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
            foreach (var (step, ms) in clocks.Milliseconds())
                best[step] = Math.Min(best.GetValueOrDefault(step, double.MaxValue), ms);
        }

        var n = documents.Count;
        foreach (var (step, ms) in best)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {step,-22} {ms / n,8:0.000} ms/article of thread CPU, {clocks.Bytes.GetValueOrDefault(step) / (double)n / 1024:0.0} KB/article allocated"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"whole (wall, best)",-22} {bestWhole / n,8:0.000} ms/article = {n * 1000 / bestWhole:0} articles/s on one thread; {allocated / n / 1024.0:0} KB allocated, {jsonBytes / n / 1024.0:0.0} KB of JSON per article"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"whole (thread CPU)",-22} {bestCpu / n,8:0.000} ms/article; {bestProcessCpu / n:0.000} ms/article for the whole process (JIT, GC, pool threads)"));
        Console.WriteLine($"  digest {Digest(pipeline, documents)}; {LinguaShare(builder, documents)}");
        if (parallel) Scale(pipeline, documents);
        if (alloc)
        {
            // One more round under the allocation sampler: the types the per-document phase's bytes go to.
            using var sampler = new AllocationSampler();
            sampler.Measure("per-document round", () => Round(pipeline, builder, assembler, files, clocks));
            sampler.Print(top: 30);
        }
    }

    /// <summary>Every document the readers make of <paramref name="files"/>, once each by content, as <c>analyze</c> keeps them.</summary>
    private static List<SourceDocument> ReadAll(Pipeline pipeline, List<InputFile> files)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var documents = new List<SourceDocument>();
        foreach (var file in files)
            foreach (var result in pipeline.Read(file))
                if (result.Document is { } document && seen.Add(document.Sha256)) documents.Add(document);
        return documents;
    }

    /// <summary>One pass over the set: read every file, then analyse every document step by step; returns the JSON bytes written.</summary>
    private static long Round(Pipeline pipeline, PipelineBuilder builder, DocumentAssembler assembler, List<InputFile> files, Clocks clocks)
    {
        var start = ThreadCpu.Now();
        var documents = ReadAll(pipeline, files);
        start = clocks.Add(Read, start);
        long json = 0;
        foreach (var source in documents)
        {
            var inner = clocks.Inner;
            var innerBytes = clocks.InnerBytes;
            var document = assembler.Assemble(source);
            start = clocks.Add(Assemble, start, clocks.Inner - inner, clocks.InnerBytes - innerBytes);
            var context = new ExtractionContext(document, builder.SentenceSplitter, pipeline.Limits);
            start = clocks.Add(Split, start);
            foreach (var extractor in builder.Extractors)
            {
                extractor.Extract(context);
                start = clocks.Add(extractor.GetType().Name, start);
            }
            var analysis = context.ToAnalysis();
            start = clocks.Add(ToAnalysis, start);
            json += JsonSerializer.SerializeToUtf8Bytes(document, ModelJson.Compact.Document).Length
                + JsonSerializer.SerializeToUtf8Bytes(analysis, ModelJson.Compact.DocumentAnalysis).Length;
            start = clocks.Add(Json, start);
            // What the store writer does with the raw bytes, under its lock (SqliteStore.Compress).
            using (var gzip = new GZipStream(Stream.Null, CompressionLevel.Fastest)) gzip.Write(source.Raw.Span);
            start = clocks.Add(Gzip, start);
        }
        return json;
    }

    /// <summary>SHA-256 of every document's and analysis's compact JSON, in set order, as the store would hold them.</summary>
    private static string Digest(Pipeline pipeline, List<SourceDocument> documents)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in documents)
        {
            var (document, analysis) = pipeline.AnalyzeOne(source);
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(document, ModelJson.Compact.Document));
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(analysis, ModelJson.Compact.DocumentAnalysis));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>How many documents' language the Latin-script scorer leaves to Lingua (its slow path), on the sample the identifier reads.</summary>
    private static string LinguaShare(PipelineBuilder builder, List<SourceDocument> documents)
    {
        var languages = builder.Languages.Select(c => LanguageInfo.All().Single(l => l.IsoCode6391().ToString().Equals(c, StringComparison.OrdinalIgnoreCase))).ToList();
        var scorer = LatinLanguageScorer.Create(languages);
        var left = 0;
        foreach (var source in documents)
        {
            var body = DocumentAssembler.JoinBody(source.Text, builder.Classifier.Classify(source));
            var text = body.Length > 0 ? body : source.Text;
            if (source.Metadata.Language is null && scorer?.TryIdentify(text.AsSpan(0, Math.Min(text.Length, 2000))) is null) left++;
        }
        return $"{left} of {documents.Count} documents' language left to Lingua";
    }

    /// <summary>One pass of <c>AnalyzeOne</c> on one thread, then one on every core: the per-document phase's own scaling, without channels or store.</summary>
    private static void Scale(Pipeline pipeline, List<SourceDocument> documents)
    {
        var watch = Stopwatch.StartNew();
        foreach (var source in documents) pipeline.AnalyzeOne(source);
        var one = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, source => pipeline.AnalyzeOne(source));
        var all = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  AnalyzeOne: one thread {documents.Count * 1000 / one:0} articles/s, {Environment.ProcessorCount} threads {documents.Count * 1000 / all:0} articles/s ({one / all:0.00}x)"));
    }

    /// <summary>
    /// The set through <see cref="Pipeline.Analyze(IEnumerable{string}, Store.IStore, IPipelineObserver?, CancellationToken)"/>
    /// with no corpus stages: the real readers, channels, <see cref="Pipeline.Workers"/> analysers and store writer,
    /// into a store that keeps nothing and then into SQLite. The gap between the two is what the store writer costs the
    /// per-document phase.
    /// </summary>
    private static void Channels(string set)
    {
        foreach (var sqlite in new[] { false, true })
        {
            var builder = PipelineBuilder.CreateDefault();
            builder.CorpusStages.Clear();
            builder.StoryStages.Clear();
            var pipeline = builder.Build();
            var folder = Directory.CreateTempSubdirectory("doc-profile-");
            try
            {
                using var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                int stored;
                using (Store.IStore store = sqlite ? Store.SqliteStore.Open(Path.Combine(folder.FullName, "t.db")) : new DiscardingStore())
                    stored = pipeline.Analyze([set], store).DocumentsStored;
                var wall = watch.Elapsed.TotalSeconds;
                process.Refresh();
                var used = (process.TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  Analyze, {pipeline.Workers} workers, into {(sqlite ? "SQLite" : "nothing")}: {stored} documents in {wall:0.00} s = {stored / wall:0} articles/s; {used / stored * 1000:0.000} ms of process CPU per article"));
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }
    }

    /// <summary>Thread CPU time per step of the current round; the decorators add to it from inside the assembler.</summary>
    private sealed class Clocks
    {
        private readonly Dictionary<string, long> _nanoseconds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
        private long _markBytes;

        /// <summary>Bytes the decorators have counted (the thread's allocations), subtracted as <see cref="Inner"/> is.</summary>
        public long InnerBytes { get; private set; }

        /// <summary>Nanoseconds the decorators have counted: subtracted from the assembler's whole to leave its own part.</summary>
        public long Inner { get; private set; }

        /// <summary>Adds the time since <paramref name="start"/> (less <paramref name="less"/>) to <paramref name="step"/>; returns now, the next step's start.</summary>
        public long Add(string step, long start, long less = 0, long lessBytes = 0)
        {
            var now = ThreadCpu.Now();
            _nanoseconds[step] = _nanoseconds.GetValueOrDefault(step) + now - start - less;
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            _bytes[step] = _bytes.GetValueOrDefault(step) + bytes - _markBytes - lessBytes;
            _markBytes = bytes;
            return now;
        }

        public T Inside<T>(string step, Func<T> work)
        {
            var start = ThreadCpu.Now();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = work();
            var spent = ThreadCpu.Now() - start;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            _nanoseconds[step] = _nanoseconds.GetValueOrDefault(step) + spent;
            _bytes[step] = _bytes.GetValueOrDefault(step) + allocated;
            Inner += spent;
            InnerBytes += allocated;
            return result;
        }

        public void Reset()
        {
            _nanoseconds.Clear();
            _bytes.Clear();
            Inner = 0;
            InnerBytes = 0;
            _markBytes = GC.GetAllocatedBytesForCurrentThread();
        }

        public IEnumerable<(string Step, double Milliseconds)> Milliseconds() => _nanoseconds.Select(t => (t.Key, t.Value / 1e6));

        /// <summary>The bytes each step allocated on the calling thread (the last round's).</summary>
        public IReadOnlyDictionary<string, long> Bytes => _bytes;
    }

    private sealed class TimedClassifier(IBlockClassifier inner, Clocks clocks) : IBlockClassifier
    {
        public IReadOnlyList<Block> Classify(SourceDocument document) => clocks.Inside(DocProfile.Classify, () => inner.Classify(document));
    }

    private sealed class TimedMetadata(IMetadataExtractor inner, Clocks clocks) : IMetadataExtractor
    {
        public Document Extract(Document document, SourceDocument source) => clocks.Inside(DocProfile.Metadata, () => inner.Extract(document, source));
    }

    private sealed class TimedLanguage(ILanguageIdentifier inner, Clocks clocks) : ILanguageIdentifier
    {
        public string Identify(string text) => clocks.Inside(DocProfile.Language, () => inner.Identify(text));
    }
}
