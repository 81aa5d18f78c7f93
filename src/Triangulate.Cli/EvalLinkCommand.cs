using System.CommandLine;
using System.Globalization;
using Triangulate.Link.Evaluation;

namespace Triangulate.Cli;

/// <summary><c>triangulate eval link DIR</c>: story clustering and cross-document entities scored on a MEANTIME folder.</summary>
internal static class EvalLinkCommand
{
    private static readonly string[] Halves = [EvalHalf.Look, EvalHalf.Held, "all"];

    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "A MEANTIME folder (one sub-folder of CAT XML articles per topic)" };
        var verbose = new Option<bool>("--verbose") { Description = "List the looked-at half's entity errors: gold instances split over entities, entities holding several instances" };
        var command = new Command("link", "Score stories (B-cubed against the topic folders) and cross-document entities (B-cubed against the gold instances)") { folder, verbose };
        command.SetAction(result =>
        {
            var dir = result.GetValue(folder)!;
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"error: {dir}: no such folder (the MEANTIME data is not part of the repository)");
                return ExitCodes.Usage;
            }
            // A folder with no CAT XML would score nothing and print zeros as if it were a result.
            if (!Directory.EnumerateFiles(dir, "*.xml", SearchOption.AllDirectories).Any())
            {
                Console.Error.WriteLine($"error: {dir}: no CAT XML articles (a MEANTIME folder holds one sub-folder of .xml articles per topic)");
                return ExitCodes.Usage;
            }
            var r = LinkEvaluation.RunMeantime(dir, PipelineBuilder.CreateDefault());
            var invariant = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(invariant, $"documents {r.Documents}  topics {r.Topics}  stories {r.Stories}"));
            Console.WriteLine(string.Create(invariant, $"stories   B3 P {r.StoryScore.Precision:F3}  R {r.StoryScore.Recall:F3}  F1 {r.StoryScore.F1:F3}"));
            Console.WriteLine(string.Create(invariant, $"entities  gold names {r.GoldNames}  found {r.FoundNames}  B3 P {r.EntityScore.Precision:F3}  R {r.EntityScore.Recall:F3}  F1 {r.EntityScore.F1:F3}"));
            Console.WriteLine(string.Create(invariant, $"cross-doc mentions {r.CrossDocumentEntityScore.Items}  B3 P {r.CrossDocumentEntityScore.Precision:F3}  R {r.CrossDocumentEntityScore.Recall:F3}  F1 {r.CrossDocumentEntityScore.F1:F3}"));
            // The halves of EvalHalf (by article file): the clusters are the whole run's, each half scores its own mentions.
            // "story" is the entity each story resolved (no join across stories), "corpus" its identity in the corpus index.
            Console.WriteLine("entities B3\thalf\tmentions\tstory P\tstory R\tstory F1\tcorpus P\tcorpus R\tcorpus F1");
            foreach (var crossDocument in (bool[])[false, true])
                foreach (var half in Halves)
                {
                    var items = r.EntityItems.Where(i => (!crossDocument || i.CrossDocument) && (half == "all" || EvalHalf.Of(i.File) == half)).ToList();
                    var story = BCubed.Score(items.Select(i => (i.Instance, i.StoryEntity)).ToList());
                    var corpus = BCubed.Score(items.Select(i => (i.Instance, i.Identity)).ToList());
                    Console.WriteLine(string.Create(invariant, $"{(crossDocument ? "cross-doc" : "all names")}\t{half}\t{items.Count}\t{story.Precision:F3}\t{story.Recall:F3}\t{story.F1:F3}\t{corpus.Precision:F3}\t{corpus.Recall:F3}\t{corpus.F1:F3}"));
                }
            if (result.GetValue(verbose)) ListErrors(r.EntityItems.Where(i => EvalHalf.Of(i.File) == EvalHalf.Look).ToList(), r.StoryEntities);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The looked-at half's errors: each gold instance spread over several identities, each identity over several instances.</summary>
    private static void ListErrors(List<EntityItem> items, IReadOnlyList<Model.Entity> storyEntities)
    {
        var named = storyEntities.ToLookup(e => e.Id, StringComparer.Ordinal);
        string Resolved(IEnumerable<EntityItem> group) =>
            string.Join("; ", group.Select(i => i.StoryEntity).Distinct(StringComparer.Ordinal).SelectMany(id => named[id]).Select(e => $"{e.Name} ({e.Type.ToString().ToLowerInvariant()})").Distinct(StringComparer.Ordinal));
        static string Spellings(IEnumerable<EntityItem> group) =>
            string.Join(" | ", group.GroupBy(i => i.Text, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}"));
        foreach (var gold in items.GroupBy(i => i.Instance, StringComparer.Ordinal).Where(g => g.Select(i => i.Identity).Distinct().Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"split {gold.Key}:");
            foreach (var part in gold.GroupBy(i => i.Identity, StringComparer.Ordinal)) Console.WriteLine($"    {part.Key} [{Resolved(part)}]: {Spellings(part)}");
        }
        foreach (var found in items.GroupBy(i => i.Identity, StringComparer.Ordinal).Where(g => g.Select(i => i.Instance).Distinct().Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"joined {found.Key}:");
            foreach (var part in found.GroupBy(i => i.Instance, StringComparer.Ordinal)) Console.WriteLine($"    {part.Key}: {Spellings(part)}");
        }
    }
}
