using System.Collections.Frozen;
using System.Reflection;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// The furniture cue phrases of <c>Data/furniture-cues.tsv</c> ("most popular", "leave a comment", "lees ook") and the
/// masthead words of <c>Data/masthead-words.txt</c>, loaded once. Phrases are general page vocabulary in several
/// languages, so the classifier learns nothing about any one site.
/// </summary>
internal static class FurnitureLexicon
{
    /// <summary>Byline openers ("by", "door", "von") are kept apart: they are not a kind of block on their own.</summary>
    public static readonly FrozenSet<string> BylineOpeners;

    /// <summary>Phrase (lower case) → the block kind it announces.</summary>
    public static readonly FrozenDictionary<string, BlockKind> Cues;

    /// <summary>Words that name a newspaper in its masthead.</summary>
    public static readonly FrozenSet<string> MastheadWords;

    /// <summary>Words of section labels and menu links (<c>Data/masthead-furniture.tsv</c>, "section"): a masthead line of these and masthead words only is no name.</summary>
    public static readonly FrozenSet<string> SectionWords;

    /// <summary>Words that open a link to do something ("search", "support", "about"; "action"): stripped from the front of a masthead name.</summary>
    public static readonly FrozenSet<string> ActionWords;

    /// <summary>The longest cue in words: how long an n-gram is worth looking up.</summary>
    public static readonly int LongestCue;

    static FurnitureLexicon()
    {
        var cues = new Dictionary<string, BlockKind>(StringComparer.Ordinal);
        var openers = new HashSet<string>(StringComparer.Ordinal);
        var longest = 1;
        foreach (var line in Lines("furniture-cues.tsv"))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0) continue;
            var kind = line[..tab];
            var phrase = line[(tab + 1)..].Trim();
            if (kind == "byline")
            {
                openers.Add(phrase);
                continue;
            }
            cues[phrase] = kind switch
            {
                "advert" => BlockKind.Advert,
                "related" => BlockKind.Related,
                "teaser" => BlockKind.Teaser,
                "comment" => BlockKind.Comment,
                "navigation" => BlockKind.Navigation,
                "credit" => BlockKind.Credit,
                _ => throw new InvalidDataException($"furniture-cues.tsv: unknown kind '{kind}'"),
            };
            longest = Math.Max(longest, phrase.Split(' ').Length);
        }
        Cues = cues.ToFrozenDictionary(StringComparer.Ordinal);
        BylineOpeners = openers.ToFrozenSet(StringComparer.Ordinal);
        MastheadWords = Lines("masthead-words.txt").Select(l => l.Trim()).ToFrozenSet(StringComparer.Ordinal);
        LongestCue = longest;
        var sections = new HashSet<string>(StringComparer.Ordinal);
        var actions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Lines("masthead-furniture.tsv"))
        {
            var parts = line.Split('\t');
            if (parts.Length != 2) continue;
            (parts[0] switch
            {
                "section" => sections,
                "action" => actions,
                _ => throw new InvalidDataException($"masthead-furniture.tsv: unknown kind '{parts[0]}'"),
            }).Add(parts[1].Trim());
        }
        SectionWords = sections.ToFrozenSet(StringComparer.Ordinal);
        ActionWords = actions.ToFrozenSet(StringComparer.Ordinal);
    }

    private static List<string> Lines(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Triangulate.Data." + name)
            ?? throw new InvalidOperationException($"embedded resource Triangulate.Data.{name} is missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') lines.Add(line);
        return lines;
    }
}
