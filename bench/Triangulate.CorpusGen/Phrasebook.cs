using System.Reflection;

namespace Triangulate.CorpusGen;

/// <summary>
/// The sentence frames of one kind of event, read from an embedded <c>Phrases/*.txt</c> file of
/// <c>key.lang: template</c> lines. Several lines with one key are variants of one sentence: the same facts in
/// other words, which is what a rewrite switches between and what two independent reporters differ by.
/// </summary>
internal sealed class Phrasebook
{
    private readonly Dictionary<string, List<string>[]> _phrases = new(StringComparer.Ordinal);

    private Phrasebook()
    {
    }

    public static Phrasebook Load(string name)
    {
        var book = new Phrasebook();
        var assembly = typeof(Phrasebook).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Phrases.{name}.txt")
            ?? throw new InvalidOperationException($"no embedded phrasebook '{name}' ({string.Join(", ", assembly.GetManifestResourceNames())})");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var dot = line.LastIndexOf('.', colon);
            if (colon < 0 || dot < 0) throw new InvalidDataException($"{name}: bad phrase line '{line}'");
            var key = line[..dot];
            var lang = line[(dot + 1)..colon] switch
            {
                "en" => Lang.En,
                "de" => Lang.De,
                "fr" => Lang.Fr,
                "es" => Lang.Es,
                var other => throw new InvalidDataException($"{name}: unknown language '{other}'"),
            };
            if (!book._phrases.TryGetValue(key, out var byLang)) book._phrases[key] = byLang = [[], [], [], []];
            byLang[(int)lang].Add(line[(colon + 2)..]);
        }
        return book;
    }

    public int Count(string key, Lang lang) => _phrases.TryGetValue(key, out var byLang) ? byLang[(int)lang].Count : 0;

    public bool Has(string key, Lang lang) => Count(key, lang) > 0;

    /// <summary>The variant's template; the variant number wraps, so one choice made in English picks some wording in every language.</summary>
    public string Get(string key, Lang lang, int variant)
    {
        var list = _phrases[key][(int)lang];
        return list[variant % list.Count];
    }

    public IEnumerable<string> Keys => _phrases.Keys;
}
