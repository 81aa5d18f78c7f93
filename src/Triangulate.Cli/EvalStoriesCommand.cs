using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Triangulate.Link.Evaluation;
using Triangulate.Store;

namespace Triangulate.Cli;

/// <summary>
/// <c>triangulate eval stories INPUT --gold GOLD</c>: analyses INPUT into a fresh store and scores the stories (B-cubed
/// against the gold, beside the TF-IDF + average-linkage baseline) and everything that joins documents, for the look
/// and held parts apart.
/// </summary>
internal static class EvalStoriesCommand
{
    public static Command Create()
    {
        var input = new Argument<string[]>("INPUT") { Description = "Files or folders to analyse (e.g. ecb-dev.jsonl)", Arity = ArgumentArity.OneOrMore };
        var goldOption = new Option<string>("--gold") { Description = "Gold stories: ECB+'s {url: {story, topic}} or the generator's {stories, derivations}", Required = true };
        var db = new Option<string?>("--db") { Description = "Store to analyse into: an SQLite file or a postgres:// URL (default: a temporary file, removed afterwards)" };
        var dump = new Option<string?>("--dump-corroborations") { Description = "Write each claim of the look part carried by 2+ documents (its mentions' sentences, documents, gold stories; cross-story ones marked ACROSS), then each contradiction of the look part with its claims, to this file" };
        var derivationDump = new Option<string?>("--dump-derivations") { Description = "Write each derivation error of the look part against the gold's edges (missed edges with the source chosen instead, false pairs; dates, outlets, credits) to this file" };
        var stories = new Option<string?>("--dump-stories") { Description = "Write each found story of the look part that mixes gold events (its gold-event mix, the joins that brought a second event in, and the features they rest on) to this file" };
        var distance = new Option<double>("--baseline-distance") { Description = "Cosine distance at which the baseline stops merging", DefaultValueFactory = _ => 0.7 };
        var command = new Command("stories", "Score stories, derivations, corroborations and contradictions against gold stories, beside a TF-IDF + average-linkage baseline")
        {
            input, goldOption, db, distance, dump, derivationDump, stories,
        };
        command.SetAction(result =>
        {
            var gold = result.GetValue(goldOption)!;
            if (!File.Exists(gold))
            {
                Console.Error.WriteLine($"error: {gold}: no such gold file (evaluation data is not part of the repository)");
                return ExitCodes.Usage;
            }
            var path = result.GetValue(db) ?? Path.Combine(Path.GetTempPath(), $"triangulate-eval-{Guid.NewGuid():N}.db");
            try
            {
                var clock = Stopwatch.StartNew();
                var builder = PipelineBuilder.CreateDefault();
                var errors = result.GetValue(stories) is null ? null : StoryErrorDump.Record(builder);
                AnalyseAndScore(builder.Build(), result.GetValue(input)!, path, StoryGold.Read(gold), result.GetValue(distance), result.GetValue(dump), clock,
                    result.GetValue(derivationDump) is { } derivationPath ? (derivationPath, gold) : null);
                if (errors is not null)
                {
                    using var store = StoreFactory.Open(path);
                    errors.Write(result.GetValue(stories)!, store, store.LoadCorpus(), StoryGold.Read(gold), gold);
                }
                return ExitCodes.Success;
            }
            finally
            {
                if (result.GetValue(db) is null)
                    foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
            }
        });
        return command;
    }

    private static void AnalyseAndScore(Pipeline pipeline, string[] input, string path, StoryGold gold, double distance, string? dump, Stopwatch clock, (string Path, string Gold)? derivationDump)
    {
        using var store = StoreFactory.Open(path);
        var summary = pipeline.Analyze(input, store);
        var analysed = clock.Elapsed.TotalSeconds;
        var corpus = store.LoadCorpus();
        var r = StoryEvaluation.Run(store, corpus, gold, distance);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"documents {r.Documents}  stories {r.Stories.Found} (gold {r.Stories.Gold})  analyse {analysed:F1} s  problems {summary.Problems.Count}  failed stages {summary.FailedStages.Count}"));
        Console.WriteLine("stories B3           all: P     R     F1     look: P     R     F1     held: P     R     F1");
        Console.WriteLine(Row("triangulate", r.Pipeline));
        if (r.Baseline is { } b) Console.WriteLine(Row(string.Create(inv, $"tfidf+avg@{distance:F2}"), b));
        else Console.WriteLine("tfidf+avg            (skipped: more than " + TfidfAverageLinkage.MaxDocuments + " documents)");
        Console.WriteLine(string.Create(inv, $"derivations {r.Derivations.Found}  across gold stories {r.Derivations.AcrossStories} (look {r.AcrossParts.Derivations.Look}; held {r.AcrossParts.Derivations.Held})  sharing < 5% of 5-grams {r.LowOverlapDerivations}"));
        if (r.DerivationScore is { } d) Console.WriteLine(string.Create(inv, $"derivations vs gold ({d.Gold} pairs): P {d.Precision:F3}  R {d.Recall:F3}"));
        if (r.DerivationParts is { } parts)
            Console.WriteLine(string.Create(inv, $"  look ({parts.Look.Gold}): P {parts.Look.Precision:F3}  R {parts.Look.Recall:F3}   held ({parts.Held.Gold}): P {parts.Held.Precision:F3}  R {parts.Held.Recall:F3}"));
        if (r.DerivationAncestry is { } an)
            Console.WriteLine(string.Create(inv, $"derived-from pairs vs gold ancestry ({an.All.Gold}): P {an.All.Precision:F3}  R {an.All.Recall:F3}   look ({an.Look.Gold}): P {an.Look.Precision:F3}  R {an.Look.Recall:F3}   held ({an.Held.Gold}): P {an.Held.Precision:F3}  R {an.Held.Recall:F3}"));
        Console.WriteLine(string.Create(inv, $"claims with 2+ sources {r.Corroborations.Shared}  across gold stories {r.Corroborations.AcrossStories}"));
        var (look, held) = EvalStoriesDump.Count(store, corpus, gold);
        Console.WriteLine(string.Create(inv, $"  look: claims with 2+ sources {look.Shared}  across gold stories {look.Across}   held: claims with 2+ sources {held.Shared}  across gold stories {held.Across}"));
        if (dump is not null) EvalStoriesDump.Write(dump, store, corpus, gold);
        if (derivationDump is { } d2) EvalDerivationsDump.Write(d2.Path, d2.Gold, store, corpus, gold, new DerivationTrace(store));
        Console.WriteLine(string.Create(inv, $"contradictions {r.Contradictions.Found}  across gold stories {r.Contradictions.AcrossStories} (look {r.AcrossParts.Contradictions.Look}; held {r.AcrossParts.Contradictions.Held})"));
    }

    private static string Row(string name, (ClusterScore All, ClusterScore Look, ClusterScore Held) s) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-20} {s.All.Precision:F3} {s.All.Recall:F3} {s.All.F1:F3}      {s.Look.Precision:F3} {s.Look.Recall:F3} {s.Look.F1:F3}      {s.Held.Precision:F3} {s.Held.Recall:F3} {s.Held.F1:F3}");
}
