using System.Text.Json.Nodes;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

/// <summary>The Foundation's acceptance: `triangulate analyze examples/kursk` end to end, through the CLI entry point.</summary>
public class AnalyzeExampleTests
{
    private static (int Exit, JsonObject Dossier, string Json) Analyze(TempFolder temp, params string[] inputs)
    {
        var args = new List<string> { "analyze" };
        args.AddRange(inputs);
        args.AddRange(["--out", temp.File("out"), "--db", temp.File("t.db"), "--quiet"]);
        var exit = Triangulate.Cli.TriangulateCli.Run([.. args]);
        var json = File.ReadAllText(temp.File("out/dossier.json"));
        return (exit, JsonNode.Parse(json)!.AsObject(), json);
    }

    [Fact]
    public void The_example_dossier_validates_against_the_contract()
    {
        using var temp = new TempFolder();
        var (exit, _, json) = Analyze(temp, TestPaths.KurskExample);
        Assert.Equal(0, exit);
        Assert.Empty(DossierValidator.Errors(json));
    }

    [Fact]
    public void Every_example_file_becomes_a_document_whose_text_is_the_input()
    {
        using var temp = new TempFolder();
        var (_, dossier, _) = Analyze(temp, TestPaths.KurskExample);
        var documents = dossier["documents"]!.AsArray();
        var files = Directory.GetFiles(TestPaths.KurskExample);
        Assert.Equal(files.Length, documents.Count);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Contains(documents, d => (string)d!["text"]! == text && (string)d["source"]! == file);
        }
    }

    [Fact]
    public void Blocks_cover_every_non_blank_character_exactly_once()
    {
        using var temp = new TempFolder();
        var (_, dossier, _) = Analyze(temp, TestPaths.KurskExample);
        foreach (var document in dossier["documents"]!.AsArray())
        {
            var text = (string)document!["text"]!;
            var covered = new int[text.Length];
            foreach (var block in document["blocks"]!.AsArray())
                for (var i = (int)block!["start"]!; i < (int)block["end"]!; i++) covered[i]++;
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsWhiteSpace(text[i])) Assert.True(covered[i] <= 1);
                else Assert.True(covered[i] == 1, $"character {i} of {document["source"]} covered {covered[i]} times");
            }
        }
    }

    [Fact]
    public void A_second_run_adds_nothing_and_writes_the_same_dossier()
    {
        using var temp = new TempFolder();
        var (_, first, _) = Analyze(temp, TestPaths.KurskExample);
        var (exit, second, _) = Analyze(temp, TestPaths.KurskExample);
        Assert.Equal(0, exit);
        first.Remove("generated");
        second.Remove("generated");
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }
}
