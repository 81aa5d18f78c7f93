using System.Diagnostics;
using System.Globalization;

namespace Triangulate.CorpusGen;

/// <summary>Command line: <c>--articles N --seed S --out DIR [--html SHARE]</c>.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        long articles = 2000;
        ulong seed = 1;
        string? output = null;
        var html = 0.0;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--articles" when value is not null && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0:
                    articles = n;
                    i++;
                    break;
                case "--seed" when value is not null && ulong.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                case "--html" when value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1:
                    html = share;
                    i++;
                    break;
                case "--out" when value is not null:
                    output = value;
                    i++;
                    break;
                default:
                    return Usage($"unexpected argument '{args[i]}'");
            }
        }
        if (output is null) return Usage("--out DIR is required");
        var clock = Stopwatch.StartNew();
        var summary = new CorpusGenerator(new GeneratorOptions(articles, seed, output) { HtmlShare = html }).Run();
        Console.WriteLine(summary);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {Path.Combine(output, "corpus.jsonl")} and gold.json in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine("usage: Triangulate.CorpusGen --articles N --seed S --out DIR [--html SHARE]");
        return 2;
    }
}
