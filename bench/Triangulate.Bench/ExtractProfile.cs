using System.Diagnostics;
using System.Globalization;
using Triangulate.Extract;

namespace Triangulate.Bench;

/// <summary><c>extract-profile</c>: CPU time per extractor on the whole-article benchmark's input, to find the slow one.</summary>
internal static class ExtractProfile
{
    public static int Run()
    {
        var bench = new ExtractBenchmarks();
        bench.Setup();
        var document = bench.Article;
        var builder = PipelineBuilder.CreateDefault();
        var times = new double[builder.Extractors.Count + 1];
        const int Rounds = 200;
        for (var round = 0; round < Rounds + 20; round++)
        {
            var watch = Stopwatch.StartNew();
            var context = new ExtractionContext(document, builder.SentenceSplitter);
            if (round >= 20) times[0] += watch.Elapsed.TotalMilliseconds;
            for (var i = 0; i < builder.Extractors.Count; i++)
            {
                watch.Restart();
                builder.Extractors[i].Extract(context);
                if (round >= 20) times[i + 1] += watch.Elapsed.TotalMilliseconds;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"split: {times[0] / Rounds:0.000} ms"));
        for (var i = 0; i < builder.Extractors.Count; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{builder.Extractors[i].GetType().Name}: {times[i + 1] / Rounds:0.000} ms"));
        return 0;
    }
}
