using System.Diagnostics;
using System.Globalization;
using Triangulate.Extract;

namespace Triangulate.Bench;

/// <summary>
/// <c>extract-profile</c>: time per extractor on the whole-article benchmark's input, to find the slow one. Warms up
/// for two seconds first (tiered JIT and PGO settle; without it the figures are tier-0 code's, several times slower),
/// then reports each step's wall-clock median over the measured rounds, which a busy machine disturbs less than a
/// mean, and the process CPU time per article over all rounds, which other processes on the machine do not inflate.
/// </summary>
internal static class ExtractProfile
{
    public static int Run()
    {
        var bench = new ExtractBenchmarks();
        bench.Setup();
        var document = bench.Article;
        var builder = PipelineBuilder.CreateDefault();
        const int Rounds = 400;
        var steps = builder.Extractors.Count + 1;
        var times = new double[steps][];
        for (var i = 0; i < steps; i++) times[i] = new double[Rounds];
        var whole = new double[Rounds];
        var bytes = new long[steps];
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 2) Round(document, builder, null, 0, null);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var threadCpu = ThreadCpu.Nanoseconds();
        for (var round = 0; round < Rounds; round++) whole[round] = Round(document, builder, times, round, bytes);
        var threadCpuPerArticle = (ThreadCpu.Nanoseconds() - threadCpu) / 1e6 / Rounds;
        process.Refresh();
        var cpuPerArticle = (process.TotalProcessorTime - cpu).TotalMilliseconds / Rounds;
        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / Rounds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"split: {Median(times[0]):0.000} ms median, {Percentile(times[0], 0.1):0.000} ms p10, {bytes[0] / Rounds / 1024.0:0.0} KB"));
        for (var i = 0; i < builder.Extractors.Count; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{builder.Extractors[i].GetType().Name}: {Median(times[i + 1]):0.000} ms median, {Percentile(times[i + 1], 0.1):0.000} ms p10, {bytes[i + 1] / Rounds / 1024.0:0.0} KB"));
        var kb = document.Text.Length / 1024.0;
        var median = Median(whole);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole: {median:0.000} ms median, {Percentile(whole, 0.1):0.000} ms p10, {whole.Min():0.000} ms best wall clock; {kb:0.0} KB, {allocated / 1024.0:0} KB allocated"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per article: {threadCpuPerArticle:0.000} ms on the extracting thread = {threadCpuPerArticle / kb:0.000} ms/KB, {1000 / threadCpuPerArticle:0} articles/s/core; {cpuPerArticle:0.000} ms for the whole process (JIT, GC threads)"));
        return 0;
    }

    private static double Round(Triangulate.Model.Document document, PipelineBuilder builder, double[][]? times, int round, long[]? bytes)
    {
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var context = new ExtractionContext(document, builder.SentenceSplitter);
        if (times is not null) times[0][round] = watch.Elapsed.TotalMilliseconds;
        if (bytes is not null) bytes[0] += GC.GetAllocatedBytesForCurrentThread() - allocated;
        for (var i = 0; i < builder.Extractors.Count; i++)
        {
            allocated = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            builder.Extractors[i].Extract(context);
            if (times is not null) times[i + 1][round] = watch.Elapsed.TotalMilliseconds;
            if (bytes is not null) bytes[i + 1] += GC.GetAllocatedBytesForCurrentThread() - allocated;
        }
        _ = context.ToAnalysis();
        return total.Elapsed.TotalMilliseconds;
    }

    private static double Median(double[] values) => Percentile(values, 0.5);

    // On a shared machine most rounds are interrupted: the 10th percentile is closer to the code's own cost.
    private static double Percentile(double[] values, double p)
    {
        var copy = (double[])values.Clone();
        Array.Sort(copy);
        return copy[(int)(p * (copy.Length - 1))];
    }
}
