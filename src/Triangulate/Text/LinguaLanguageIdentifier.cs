using System.Collections.Frozen;
using Lingua;

namespace Triangulate.Text;

/// <summary>
/// Language identification with Lingua over a bounded set of languages. Loading all 75 models takes 2.4 GB and
/// 17 s; a handful takes a few hundred MB and models load lazily, only for languages the rule filter cannot exclude.
/// Low-accuracy mode (trigrams only) is used because article bodies are long: Lingua's own accuracy report shows
/// the two modes agree on texts of more than a sentence or two. Texts in Latin script are scored by
/// <see cref="LatinLanguageScorer"/>, which gives Lingua's answer at a small part of its cost; Lingua itself reads the rest.
/// </summary>
public sealed class LinguaLanguageIdentifier : ILanguageIdentifier
{
    /// <summary>Languages loaded when none are configured: the most common languages of international news.</summary>
    public static readonly IReadOnlyList<string> DefaultLanguages = ["en", "de", "fr", "es", "nl", "it", "pt", "ru", "uk", "pl"];

    /// <summary>Characters looked at: enough for a reliable answer on news prose, bounded for speed.</summary>
    private const int SampleLength = 2000;

    private static readonly FrozenDictionary<string, Language> ByCode = LanguageInfo.All()
        .ToFrozenDictionary(l => LanguageInfo.IsoCode6391(l).ToString().ToLowerInvariant(), l => l, StringComparer.Ordinal);

    private readonly LanguageDetector _detector;
    private readonly LatinLanguageScorer? _latin;

    /// <summary>Builds a detector for the given ISO 639-1 codes (at least two).</summary>
    public LinguaLanguageIdentifier(IEnumerable<string>? languages = null)
    {
        var codes = (languages ?? DefaultLanguages).Select(c => c.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var selected = new List<Language>(codes.Count);
        foreach (var code in codes)
        {
            if (!ByCode.TryGetValue(code, out var language))
                throw new ArgumentException($"unknown language code '{code}' (use ISO 639-1 codes such as en, de, uk)", nameof(languages));
            selected.Add(language);
        }
        if (selected.Count < 2) throw new ArgumentException("at least two languages are needed to tell them apart", nameof(languages));
        Languages = codes;
        _detector = LanguageDetectorBuilder.FromLanguages([.. selected]).WithLowAccuracyMode().Build();
        _latin = LatinLanguageScorer.Create(selected);
    }

    /// <summary>The configured ISO 639-1 codes.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <inheritdoc />
    public string Identify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Math.Min(text.Length, SampleLength);
        if (_latin?.TryIdentify(text.AsSpan(0, length)) is { } code) return code;
        var sample = length < text.Length ? text[..length] : text;
        var language = _detector.DetectLanguageOf(sample);
        return language == Language.Unknown ? "und" : LanguageInfo.IsoCode6391(language).ToString().ToLowerInvariant();
    }
}
