using Triangulate.Link.Stories;

namespace Triangulate.Link.Provenance;

/// <summary>
/// How many documents of each language that capitalises its nouns carry each capitalised word, kept between runs
/// (space 7 of the <see cref="LinkState"/>), counted in arrival order: in such a language a capitalised word that a
/// large share of the language's documents carry is a common noun of the language or of the news's genre, not the
/// name of one event's town or people. German capitalises every noun, so "Brand", "Feuerwehr", "Toten" are in every
/// German fire report, while a town is in a few; no list of words is needed to tell them apart. The share is over
/// the language's documents with the idf's prior of unseen ones (<see cref="StoryFeatures.PriorDocuments"/>), so a
/// small corpus finds no word common. Where capitals mark names (English), a name that many documents carry is a big
/// story's, not a common noun, and stays a name (ecb-dev: counted in English too, a rewrite of one obituary was lost
/// and the generated 20k found three more derivations between events).
/// </summary>
internal sealed class CommonNames(LinkState state)
{
    public const int Space = 7;

    /// <summary>
    /// The share of its language's documents above which a capitalised word is common: 3 %, under the stories stage's 5 %
    /// (<see cref="StoryClusterer.CommonNounShare"/>), which weighs words for likeness, where this decides which words
    /// are facts. The nouns of one kind of report are in every report of that kind but not in every report of the
    /// language (generated 20k, German: "Ermittler" and "Ursache" of the fire-toll updates in 28 of 545 pages).
    /// </summary>
    public const double Share = 0.03;

    /// <summary>
    /// Documents a word must be in, at least, to be common: more than one event's reports in one language (generated
    /// 20k: at most 8 German pages of one event), so the names two early reports share are not taken for nouns while
    /// the language has few documents.
    /// </summary>
    public const int MinDocuments = 10;

    private readonly LinkSpace<int> _counts = state.Space(Space, LinkCodec.EncodeInt, LinkCodec.DecodeInt);

    /// <summary>Languages (ISO 639-1) whose spelling capitalises every noun, so a capital letter does not mark a name.</summary>
    private static readonly HashSet<string> NounCapitalising = new(StringComparer.Ordinal) { "de", "lb" };

    /// <summary>Whether <paramref name="language"/> capitalises every noun, so a capital letter does not mark a name.</summary>
    public static bool CapitalisesNouns(string? language) => language is not null && NounCapitalising.Contains(language);

    /// <summary>Loads in one read the counts of these documents' languages and names.</summary>
    public void Prefetch(IEnumerable<(string Language, TextProfile Profile)> documents)
    {
        var keys = new List<long>();
        foreach (var (language, profile) in documents)
        {
            if (!CapitalisesNouns(language)) continue;
            var key = LanguageKey(language);
            keys.Add((long)key);
            foreach (var name in profile.Names) keys.Add(NameKey(key, name));
        }
        _counts.Prefetch(keys);
    }

    /// <summary>
    /// Counts the document of <paramref name="language"/> profiled as <paramref name="profile"/> among its language's
    /// documents and returns its names that are common now, counting it (null when none is, and for a language whose
    /// capitals mark names): what the documents up to it say, never those after.
    /// </summary>
    public HashSet<ulong>? Count(string language, TextProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!CapitalisesNouns(language)) return null;
        var key = LanguageKey(language);
        var documents = (_counts.TryGet((long)key, out var seen) ? seen : 0) + 1;
        _counts.Set((long)key, documents);
        HashSet<ulong>? common = null;
        foreach (var name in profile.Names)
        {
            var nameKey = NameKey(key, name);
            var carrying = (_counts.TryGet(nameKey, out var before) ? before : 0) + 1;
            _counts.Set(nameKey, carrying);
            if (IsCommon(carrying, documents)) (common ??= []).Add(name);
        }
        return common;
    }

    /// <summary>
    /// Whether a word carried by <paramref name="carrying"/> of <paramref name="documents"/> documents of its language is
    /// common: more than <see cref="Share"/> of them, with the prior of unseen documents, and more than
    /// <paramref name="least"/>.
    /// </summary>
    public static bool IsCommon(int carrying, int documents, double share = Share, int least = MinDocuments) =>
        carrying > least && carrying > share * (documents + StoryFeatures.PriorDocuments);

    private static ulong LanguageKey(string language) => LinkText.Hash("@language:" + language);

    private static long NameKey(ulong language, ulong name) => (long)LinkText.Mix(language ^ name);
}
