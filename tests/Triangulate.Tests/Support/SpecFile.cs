using System.Text.RegularExpressions;

namespace Triangulate.Tests.Support;

/// <summary>
/// Reads a spec of examples (Markdig's Specs/*.md): each example is a ```text block (first line optionally
/// "@published YYYY-MM-DD") followed by a ```json block of the expected items; prose between explains the rules.
/// </summary>
public static partial class SpecFile
{
    public sealed record Example(string Heading, int Number, string Text, DateOnly? Published, string Expected)
    {
        public override string ToString() => $"{Number}: {Heading}";
    }

    public static IEnumerable<object[]> Load(params string[] path)
    {
        var content = File.ReadAllText(Path.Combine([TestPaths.Specs, .. path])).Replace("\r\n", "\n");
        var heading = "";
        var number = 0;
        string? text = null;
        foreach (Match m in Blocks().Matches(content))
        {
            if (m.Groups["h"].Success) { heading = m.Groups["h"].Value.Trim(); continue; }
            var body = m.Groups["body"].Value;
            if (m.Groups["lang"].Value == "text") { text = body; continue; }
            if (text is null) continue;
            DateOnly? published = null;
            if (text.StartsWith("@published ", StringComparison.Ordinal))
            {
                var nl = text.IndexOf('\n');
                published = DateOnly.Parse(text[11..nl]);
                text = text[(nl + 1)..];
            }
            yield return [new Example(heading, ++number, text.TrimEnd('\n'), published, body)];
            text = null;
        }
    }

    [GeneratedRegex(@"^#+ (?<h>[^\n]*)$|^```(?<lang>text|json)\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Blocks();
}
