using System.Reflection;

namespace Triangulate.Text;

/// <summary>Reads the lexicons embedded from Data/: one entry a line, '#' comments and blank lines skipped, tab-separated fields.</summary>
internal static class EmbeddedData
{
    /// <summary>The non-comment lines of Data/<paramref name="fileName"/>, each split on tabs.</summary>
    public static List<string[]> ReadRows(string fileName)
    {
        var name = "Triangulate.Data." + fileName;
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded data file '{name}' is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line)) continue;
            rows.Add(line.Split('\t'));
        }
        return rows;
    }

    /// <summary>The non-comment lines of Data/<paramref name="fileName"/>, trimmed, whole (tabs kept).</summary>
    public static List<string> ReadLines(string fileName)
    {
        var name = "Triangulate.Data." + fileName;
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded data file '{name}' is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            lines.Add(trimmed);
        }
        return lines;
    }

    /// <summary>The assembly holding the data, for callers that list resources.</summary>
    public static Assembly Assembly => typeof(EmbeddedData).Assembly;
}
