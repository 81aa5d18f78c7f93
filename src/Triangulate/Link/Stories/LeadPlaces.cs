using System.Collections.Frozen;
using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Link.Stories;

/// <summary>
/// The place a report's headline and lead sentence give its event, read by structure from generic nouns
/// (Data/place-nouns.tsv), never from names known beforehand: the street, as the capitalised name before a street noun
/// ("on Mason Lane") or after a lower-case one ("rue Duber", "calle Uhoff"), and the venue, a generic noun after an
/// indefinite article that a locative preposition leads ("in a hotel", "through a block of flats", "d'un entrepôt",
/// "in einer Fabrik"), each venue read as the place it names in any language. Two fires of one town differ in the street
/// and the building their first reports give, while every report of one fire that gives them gives the same.
/// </summary>
internal static class LeadPlaces
{
    /// <summary>The slot of a street: the words of its name, lower-case.</summary>
    internal const string Street = "street";

    /// <summary>The slot of a venue: the place its noun names.</summary>
    internal const string Venue = "venue";

    private static readonly NewsSentenceSplitter Splitter = new();
    private static readonly Lazy<Lexicon> Words = new(Load);

    /// <summary>The places of a document's headline and its lead (the first sentence of its body that is not the headline), by slot.</summary>
    public static Dictionary<string, HashSet<string>> Of(Document? document)
    {
        var slots = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (document is null) return slots;
        if (!string.IsNullOrEmpty(document.Title)) Read(document.Title, 0, document.Title.Length, slots);
        // The lead: the first sentence of the body that is not the headline repeated (a page often opens its body with it).
        var sentences = new List<Sentence>();
        foreach (var block in document.Blocks)
        {
            if (block.Kind != BlockKind.Body) continue;
            sentences.Clear();
            Splitter.Split(document.Text, block.Start, block.End, sentences);
            foreach (var sentence in sentences)
            {
                if (document.Text.AsSpan(sentence.Start, sentence.End - sentence.Start).Trim().Equals(document.Title.AsSpan().Trim(), StringComparison.Ordinal)) continue;
                Read(document.Text, sentence.Start, sentence.End, slots);
                return slots;
            }
        }
        return slots;
    }

    /// <summary>The places one passage gives, by slot.</summary>
    public static Dictionary<string, HashSet<string>> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slots = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        Read(text, 0, text.Length, slots);
        return slots;
    }

    /// <summary>
    /// Whether a document's places conflict with those of a story's first reports: one of them gives a slot the document
    /// gives with none of its values, and none of them shares a value with the document in any slot (a story that already
    /// holds the document's own event, or first reports that disagree among themselves, prove nothing).
    /// </summary>
    public static bool Conflict(Dictionary<string, HashSet<string>> document, IEnumerable<Dictionary<string, HashSet<string>>> leads)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(leads);
        if (document.Count == 0) return false;
        var conflict = false;
        foreach (var lead in leads)
            foreach (var (slot, values) in document)
            {
                if (!lead.TryGetValue(slot, out var others)) continue;
                if (values.Overlaps(others)) return false;
                conflict = true;
            }
        return conflict;
    }

    private static void Read(string text, int start, int end, Dictionary<string, HashSet<string>> slots)
    {
        var words = Words.Value;
        // Words in order, each with whether only spaces or an apostrophe stand between it and the word before ("d'un"):
        // any other sign (a comma, a digit, a dash) ends a phrase.
        var tokens = new List<(string Word, bool Joined)>();
        var joined = false;
        for (var i = start; i < end;)
        {
            if (char.IsLetter(text[i]))
            {
                var s = i;
                while (i < end && char.IsLetter(text[i])) i++;
                tokens.Add((text[s..i], joined));
                joined = true;
                continue;
            }
            if (text[i] is not (' ' or '\'' or '\u2019')) joined = false;
            i++;
        }
        for (var t = 0; t < tokens.Count; t++)
        {
            var word = tokens[t].Word;
            // "on Mason Lane": the capitalised words before a capitalised street noun, after a lower-case word (a headline
            // in title case, every word capitalised, gives none).
            if (words.After.Contains(word) && tokens[t].Joined)
            {
                var k = t - 1;
                while (k >= 0 && t - k <= 3 && char.IsUpper(tokens[k].Word[0]) && tokens[k + 1].Joined) k--;
                if (k < t - 1 && k >= 0 && char.IsLower(tokens[k].Word[0]) && tokens[k + 1].Joined)
                    for (var n = k + 1; n < t; n++) HeadlineFigures.Add(slots, Street, tokens[n].Word.ToLowerInvariant());
            }
            // "rue Duber", "calle de Mason": the capitalised words after a lower-case street noun and its particles.
            if (words.Before.Contains(word))
            {
                var k = t + 1;
                while (k < tokens.Count && k - t <= 2 && tokens[k].Joined && words.Particles.Contains(tokens[k].Word)) k++;
                var first = k;
                while (k < tokens.Count && k - first < 3 && tokens[k].Joined && char.IsUpper(tokens[k].Word[0])) k++;
                for (var n = first; n < k; n++) HeadlineFigures.Add(slots, Street, tokens[n].Word.ToLowerInvariant());
            }
            // "in a hotel", "through a disused block of flats": the first venue noun within three words of the article.
            if (t > 0 && tokens[t].Joined && words.Articles.Contains(word) && words.Prepositions.Contains(tokens[t - 1].Word))
                for (var p = t + 1; p <= t + 3 && p < tokens.Count && tokens[p].Joined; p++)
                    if (VenueAt(tokens, p, words) is { } venue)
                    {
                        HeadlineFigures.Add(slots, Venue, venue);
                        break;
                    }
        }
    }

    /// <summary>The place named by the longest venue phrase starting at token <paramref name="p"/>, or null.</summary>
    private static string? VenueAt(List<(string Word, bool Joined)> tokens, int p, Lexicon words)
    {
        for (var length = Math.Min(words.LongestVenue, tokens.Count - p); length >= 1; length--)
        {
            var phrase = string.Join(' ', tokens.Skip(p).Take(length).Select(w => w.Word.ToLowerInvariant()));
            if (tokens.Skip(p + 1).Take(length - 1).All(w => w.Joined) && words.Venues.TryGetValue(phrase, out var venue)) return venue;
        }
        return null;
    }

    private sealed record Lexicon(FrozenSet<string> After, FrozenSet<string> Before, FrozenSet<string> Particles, FrozenSet<string> Prepositions,
        FrozenSet<string> Articles, FrozenDictionary<string, string> Venues, int LongestVenue);

    private static Lexicon Load()
    {
        var rows = EmbeddedData.ReadRows("place-nouns.tsv");
        FrozenSet<string> Of(string kind) => rows.Where(r => r[0] == kind).Select(r => r[1]).ToFrozenSet(StringComparer.Ordinal);
        var venues = rows.Where(r => r[0] == Venue).ToDictionary(r => r[1].ToLowerInvariant(), r => r[2], StringComparer.Ordinal);
        return new Lexicon(Of("street-after"), Of("street-before"), Of("particle"), Of("preposition"), Of("article"), venues.ToFrozenDictionary(StringComparer.Ordinal),
            venues.Keys.Max(k => k.Count(c => c == ' ') + 1));
    }
}
