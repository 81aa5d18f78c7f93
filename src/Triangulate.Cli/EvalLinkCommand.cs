using System.CommandLine;
using System.Globalization;
using Triangulate.Link.Evaluation;

namespace Triangulate.Cli;

/// <summary><c>triangulate eval link DIR</c>: story clustering and cross-document entities scored on a MEANTIME folder.</summary>
internal static class EvalLinkCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "A MEANTIME folder (one sub-folder of CAT XML articles per topic)" };
        var command = new Command("link", "Score stories (B-cubed against the topic folders) and cross-document entities (B-cubed against the gold instances)") { folder };
        command.SetAction(result =>
        {
            var dir = result.GetValue(folder)!;
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"error: {dir}: no such folder (the MEANTIME data is not part of the repository)");
                return ExitCodes.Usage;
            }
            var r = LinkEvaluation.RunMeantime(dir, PipelineBuilder.CreateDefault());
            var invariant = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(invariant, $"documents {r.Documents}  topics {r.Topics}  stories {r.Stories}"));
            Console.WriteLine(string.Create(invariant, $"stories   B3 P {r.StoryScore.Precision:F3}  R {r.StoryScore.Recall:F3}  F1 {r.StoryScore.F1:F3}"));
            Console.WriteLine(string.Create(invariant, $"entities  gold names {r.GoldNames}  found {r.FoundNames}  B3 P {r.EntityScore.Precision:F3}  R {r.EntityScore.Recall:F3}  F1 {r.EntityScore.F1:F3}"));
            Console.WriteLine(string.Create(invariant, $"cross-doc mentions {r.CrossDocumentEntityScore.Items}  B3 P {r.CrossDocumentEntityScore.Precision:F3}  R {r.CrossDocumentEntityScore.Recall:F3}  F1 {r.CrossDocumentEntityScore.F1:F3}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
