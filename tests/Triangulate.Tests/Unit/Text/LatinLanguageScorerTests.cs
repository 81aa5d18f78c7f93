using CsCheck;
using Lingua;
using Triangulate.Tests.Support;
using Triangulate.Text;

namespace Triangulate.Tests.Unit.Text;

/// <summary>
/// The fast Latin-script scorer must give exactly Lingua's answer wherever it answers: compared with Lingua itself
/// (same languages, low-accuracy mode, as <see cref="LinguaLanguageIdentifier"/> builds it) on real articles, on
/// sentences of each default language and on random mixtures of letters, accents, symbols, digits and other scripts.
/// </summary>
public class LatinLanguageScorerTests
{
    private static readonly Language[] Languages = [.. LinguaLanguageIdentifier.DefaultLanguages.Select(ByCode)];
    private static readonly LanguageDetector Lingua = LanguageDetectorBuilder.FromLanguages(Languages).WithLowAccuracyMode().Build();
    private static readonly LatinLanguageScorer Scorer = LatinLanguageScorer.Create(Languages)!;

    private static readonly string[] Sentences =
    [
        "The council said on Tuesday that the bridge would stay closed until repairs were finished.",
        "Der Stadtrat teilte am Dienstag mit, dass die Brücke bis zum Abschluss der Reparaturen gesperrt bleibt.",
        "Le conseil a déclaré mardi que le pont resterait fermé jusqu'à la fin des réparations.",
        "El consejo dijo el martes que el puente seguirá cerrado hasta que terminen las reparaciones.",
        "De gemeenteraad zei dinsdag dat de brug gesloten blijft tot de reparaties klaar zijn.",
        "Il consiglio ha detto martedì che il ponte resterà chiuso fino alla fine delle riparazioni.",
        "O conselho disse na terça-feira que a ponte ficará fechada até o fim dos reparos.",
        "Rada miasta poinformowała we wtorek, że most pozostanie zamknięty do końca napraw.",
        "Совет заявил во вторник, что мост останется закрытым до окончания ремонта.",
        "Рада заявила у вівторок, що міст залишиться закритим до завершення ремонту.",
        "Shares rose 7.8% to €813 million after the £42m deal; the 3,000kg load cost $2.5 billion.",
        "Straße", "naïve café", "a", "ab", "abc", "zzz qqq xxx", "1234 5678", "!!! ???", "", "   ",
    ];

    private static readonly string[] Pieces =
    [
        "the", "and", "said", "der", "die", "und", "le", "les", "et", "el", "los", "que", "de", "het", "il", "della",
        "não", "że", "się", "straße", "café", "été", "niño", "über", "ß", "€", "$", "£", "°", "©", "+", "42", "3.5",
        ",", ".", "—", "“", "”", "'", "мост", "і", "中文", "x", "q", "zz", "é", "ñ", "ü", "ł", "ą", "\u0301", "\n", "\t",
    ];

    [Fact]
    public void It_answers_plain_english_and_agrees_with_lingua()
    {
        const string Text = "The council said on Tuesday that the bridge would stay closed until repairs were finished.";
        Assert.Equal("en", Scorer.TryIdentify(Text));
        Assert.Equal(Language.English, Lingua.DetectLanguageOf(Text));
    }

    [Fact]
    public void It_leaves_cyrillic_and_mixed_scripts_to_lingua()
    {
        Assert.Null(Scorer.TryIdentify("Совет заявил во вторник, что мост останется закрытым."));
        Assert.Null(Scorer.TryIdentify("The talks 中文 went on."));
    }

    [Fact]
    public void It_agrees_with_lingua_on_sentences_of_every_default_language()
    {
        var answered = Sentences.Count(text => Agrees(text));
        Assert.True(answered >= 10, $"answered only {answered} of {Sentences.Length}");
    }

    [Fact]
    public void It_agrees_with_lingua_on_the_example_articles()
    {
        var answered = 0;
        foreach (var file in Directory.EnumerateFiles(TestPaths.KurskExample))
        {
            var text = File.ReadAllText(file);
            // As the identifier samples it, and shorter and later cuts.
            foreach (var sample in new[] { text[..Math.Min(2000, text.Length)], text[..Math.Min(300, text.Length)], text[(text.Length / 2)..] })
                if (Agrees(sample)) answered++;
        }
        Assert.True(answered > 0, "the scorer answered none of the example articles");
    }

    [Fact]
    public void It_agrees_with_lingua_on_random_mixtures()
    {
        var answered = 0;
        Gen.Int[0, Pieces.Length - 1].Array[1, 30]
            .Select(ix => string.Join(' ', Array.ConvertAll(ix, i => Pieces[i])))
            .Sample(text =>
            {
                if (Agrees(text)) Interlocked.Increment(ref answered);
            }, iter: 3000);
        Assert.True(answered > 300, $"the scorer answered only {answered} of 3000 mixtures");
    }

    [Fact]
    public void It_agrees_with_lingua_on_random_letters()
    {
        // Short random words are where ties and unknown trigrams happen.
        var answered = 0;
        Gen.Char["abcdefghijklmnopqrstuvwxyz éèäöüßñç-1."].Array[1, 25].Select(c => new string(c))
            .Sample(text =>
            {
                if (Agrees(text)) Interlocked.Increment(ref answered);
            }, iter: 3000);
        Assert.True(answered > 300, $"the scorer answered only {answered} of 3000 random strings");
    }

    /// <summary>True when the scorer answered and its answer is Lingua's; fails the test when they differ.</summary>
    private static bool Agrees(string text)
    {
        if (Scorer.TryIdentify(text) is not { } code) return false;
        var language = Lingua.DetectLanguageOf(text);
        var expected = language == Language.Unknown ? "und" : language.IsoCode6391().ToString().ToLowerInvariant();
        Assert.True(expected == code, $"scorer said {code}, Lingua {expected}, for: {text}");
        return true;
    }

    private static Language ByCode(string code) => LanguageInfo.All().Single(l => l.IsoCode6391().ToString().Equals(code, StringComparison.OrdinalIgnoreCase));
}
