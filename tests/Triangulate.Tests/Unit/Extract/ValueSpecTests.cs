using System.Text.Json;
using System.Text.Json.Nodes;
using Triangulate.Extract;
using Triangulate.Extract.Quantities;
using Triangulate.Extract.Time;
using Triangulate.Model;
using Triangulate.Tests.Support;
using Triangulate.Text;

namespace Triangulate.Tests.Unit.Extract;

/// <summary>Runs Specs/Extract/Quantities.md and Time.md: every field given in an expected item must match the item found at the same position.</summary>
public class ValueSpecTests
{
    public static IEnumerable<object[]> QuantityExamples() => SpecFile.Load("Extract", "Quantities.md");

    public static IEnumerable<object[]> TimeExamples() => SpecFile.Load("Extract", "Time.md");

    [Theory]
    [MemberData(nameof(QuantityExamples))]
    public void Quantities_match_the_spec(SpecFile.Example example)
    {
        var analysis = Analyse(example);
        var actual = new JsonArray();
        foreach (var c in analysis.Claims)
        {
            if (c.Kind != ClaimKind.Quantity) continue;
            actual.Add(new JsonObject
            {
                ["excerpt"] = c.Mention.Span.Excerpt,
                ["measure"] = c.Measure,
                ["low"] = c.Value?.Low,
                ["high"] = c.Value?.High,
                ["unit"] = c.Value?.Unit,
                ["hedge"] = c.Mention.Hedge,
                ["subject"] = c.Subject,
                ["time"] = c.TimeSource?.Span.Excerpt,
                ["text"] = c.Text,
            });
        }
        AssertMatches(example, actual);
    }

    [Theory]
    [MemberData(nameof(TimeExamples))]
    public void Time_expressions_match_the_spec(SpecFile.Example example)
    {
        var analysis = Analyse(example);
        var actual = new JsonArray();
        foreach (var t in analysis.Times)
        {
            actual.Add(new JsonObject
            {
                ["excerpt"] = t.Span.Excerpt,
                ["value"] = t.Value,
                ["anchor"] = t.Anchor.ToString().ToLowerInvariant(),
                ["start"] = t.Start?.ToString(),
                ["end"] = t.End?.ToString(),
                ["rule"] = t.Rule,
                ["anchorEvent"] = t.AnchorEvent,
                ["offsetDays"] = t.OffsetDays,
                ["tolerance"] = t.Tolerance,
            });
        }
        AssertMatches(example, actual);
    }

    internal static DocumentAnalysis Analyse(SpecFile.Example example)
    {
        var document = example.Published is { } p ? Some.DatedDocument(example.Text, p) : Some.Document(example.Text);
        var extractor = new DocumentExtractor(new NewsSentenceSplitter(), [new TimeExtractor(), new QuantityExtractor()]);
        return extractor.Extract(document);
    }

    private static void AssertMatches(SpecFile.Example example, JsonArray actual)
    {
        var expected = JsonNode.Parse(example.Expected)!.AsArray();
        var shown = actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        Assert.True(expected.Count == actual.Count, $"Expected {expected.Count} items, found {actual.Count}:\n{shown}");
        for (var i = 0; i < expected.Count; i++)
        {
            foreach (var (key, value) in expected[i]!.AsObject())
            {
                var got = actual[i]![key];
                Assert.True(JsonNode.DeepEquals(Normalise(value), Normalise(got)), $"Item {i} field '{key}': expected {value?.ToJsonString() ?? "null"}, found {got?.ToJsonString() ?? "null"}\n{shown}");
            }
        }
    }

    // Numbers compare by value (500 and 500.0 are the same figure).
    private static JsonNode? Normalise(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) ? JsonValue.Create(Math.Round(d, 4)) : node?.DeepClone();
}
