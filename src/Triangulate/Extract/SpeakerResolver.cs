using System.Text.RegularExpressions;
using Triangulate.Model;

namespace Triangulate.Extract;

/// <summary>
/// Turns the words naming a source ("Anna", "he", "one soldier", "a source within the military leadership") into a
/// speaker: the document-local id of an entity, or the description as written. Built once per document from the
/// entities found so far; shared by the quote and claim extractors.
/// </summary>
internal sealed partial class SpeakerResolver
{
    private static readonly string[] Determiners = ["one", "a", "an", "another", "the", "some", "two", "three", "several", "many", "most", "other", "others", "officials", "sources", "local", "western", "military"];
    private readonly string _text;
    private readonly List<(int Start, int End, Entity Entity)> _mentions = [];
    private readonly bool _pseudonyms;
    private readonly List<(int Start, int End)> _quoted = [];

    // The longest mention: a mention starting more than this before a position cannot reach it, so lookups start
    // from a binary search instead of the document's first mention.
    private readonly int _longest;

    /// <summary>Indexes the mentions of the context's entities; prefer <see cref="ExtractionContext.Speakers"/>, built once per document.</summary>
    public SpeakerResolver(ExtractionContext context)
    {
        _text = context.Text;
        foreach (var e in context.Entities)
            foreach (var m in e.Mentions) _mentions.Add((m.Start, m.End, e));
        _mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        foreach (var (s, e, _) in _mentions) _longest = Math.Max(_longest, e - s);
        _pseudonyms = DeclaresPseudonyms(context);
    }

    private SpeakerResolver(SpeakerResolver shared, List<(int Start, int End)> quoted)
    {
        _text = shared._text;
        _mentions = shared._mentions;
        _pseudonyms = shared._pseudonyms;
        _longest = shared._longest;
        _quoted = quoted;
    }

    /// <summary>The document text the resolver reads.</summary>
    public string Text => _text;

    /// <summary>True when the article says its names are not real ("None of the names in this article are real").</summary>
    public bool Pseudonyms => _pseudonyms;

    private static bool DeclaresPseudonyms(ExtractionContext context)
    {
        foreach (var block in context.Document.Blocks)
        {
            if (block.Kind is not (BlockKind.Body or BlockKind.Other or BlockKind.Caption)) continue;
            if (PseudonymDeclaration().IsMatch(context.Text.AsSpan(block.Start, block.End - block.Start))) return true;
        }
        return false;
    }

    /// <summary>
    /// The entity a mention overlapping [start, end) belongs to, or null. Of several, a person before anything else and
    /// then the longest mention: in "President Anna Novak said" the speaker is the person, not the title.
    /// </summary>
    public Entity? EntityAt(int start, int end)
    {
        Entity? best = null;
        var bestLength = 0;
        for (var i = FirstFrom(start - _longest); i < _mentions.Count; i++)
        {
            var (s, e, entity) = _mentions[i];
            if (s >= end) break;
            if (e <= start) continue;
            var better = best is null
                || (entity.Type == EntityType.Person && best.Type != EntityType.Person)
                || ((entity.Type == EntityType.Person) == (best.Type == EntityType.Person) && e - s > bestLength);
            if (better) (best, bestLength) = (entity, e - s);
        }
        return best;
    }

    /// <summary>
    /// Marks the quoted passages of the document: a person named inside a quotation is part of what was said, not a
    /// candidate for the "he" of the attribution that follows it ("“… to meet with the minister …,” he said" is the analyst's words).
    /// </summary>
    /// <remarks>Returns a resolver sharing this one's index, so the shared resolver stays free of one extractor's quotes.</remarks>
    public SpeakerResolver WithQuoted(List<(int Start, int End)> quoted) => new(this, quoted);

    /// <summary>The speaker named by the words [start, end): an entity, a pronoun's antecedent, or a description.</summary>
    public (string? Speaker, SpeakerKind Kind) Resolve(int start, int end)
    {
        while (start < end && !char.IsLetterOrDigit(_text[start])) start++;
        while (end > start && !char.IsLetterOrDigit(_text[end - 1])) end--;
        if (start >= end) return (null, SpeakerKind.Unknown);
        var words = _text[start..end];
        var lower = words.ToLowerInvariant();
        // A pronoun speaker is resolved here, not through the entity extractor's pronoun mentions: the speaker's
        // antecedent skips people named inside quotations.
        if (lower is "he" or "she")
        {
            var antecedent = NearestPerson(start, lower == "he" ? 1 : 2);
            return antecedent is null ? (null, SpeakerKind.Unknown) : (antecedent.Id, KindOf(antecedent));
        }
        // "They said" speaks for a group or an institution, never for the one person named last.
        if (lower == "they") return (null, SpeakerKind.Unknown);
        var entity = EntityAt(start, end);
        if (entity is not null && entity.Type is EntityType.Person or EntityType.Other or EntityType.Organization)
        {
            // An entity inside a description ("the agency source", "a source within the military") is context, not the speaker.
            var first = FirstWord(words);
            if (!IsDeterminer(first) || entity.Type == EntityType.Person) return (entity.Id, KindOf(entity));
        }
        // An article alone names nobody ("will have a say"); "another" or "officials" alone is a description.
        if (IsDeterminer(FirstWord(words)) && lower is not ("a" or "an" or "the")) return (words, SpeakerKind.Anonymous);
        return (null, SpeakerKind.Unknown);
    }

    /// <summary>
    /// The nearest person mentioned before <paramref name="position"/> that a pronoun of <paramref name="gender"/>
    /// (1 "he", 2 "she", 0 any) can stand for: a person whose title or first name marks the other sex is passed over
    /// ("Mary … she said" is not the man named just before her, nor is "Mr Daniels").
    /// </summary>
    public Entity? NearestPerson(int position, int gender = 0)
    {
        // The last fitting mention before the position: searched backwards from it.
        for (var i = FirstFrom(position) - 1; i >= 0; i--)
        {
            var (s, e, entity) = _mentions[i];
            if (entity.Type != EntityType.Person || IsPronoun(s, e) || InQuote(s)) continue;
            if (gender != 0 && GenderOf(entity) is var own && own != 0 && own != gender) continue;
            return entity;
        }
        return null;
    }

    /// <summary>
    /// The pronoun's antecedent when the pronoun stands in a clause reported by a speech verb before it in its sentence
    /// ("Gaskin said that climbers tried to rescue Rait, but that he died"): the nearest person before
    /// <paramref name="position"/> other than the person named as the reporting clause's subject (between
    /// <paramref name="sentenceStart"/> and <paramref name="speechVerb"/>). Who reports a clause is rarely what its "he"
    /// stands for; a speaker that is itself a pronoun ("he said he fled") is not known, so nothing is passed over.
    /// </summary>
    public Entity? NearestPersonReported(int position, int sentenceStart, int speechVerb)
    {
        Entity? speaker = null;
        for (var i = FirstFrom(speechVerb) - 1; i >= 0 && _mentions[i].Start >= sentenceStart; i--)
        {
            var (s, e, entity) = _mentions[i];
            if (entity.Type != EntityType.Person || IsPronoun(s, e) || InQuote(s)) continue;
            speaker = entity;
            break;
        }
        for (var i = FirstFrom(position) - 1; i >= 0; i--)
        {
            var (s, e, entity) = _mentions[i];
            if (entity.Type != EntityType.Person || IsPronoun(s, e) || InQuote(s)) continue;
            if (speaker is not null && entity.Id == speaker.Id) continue;
            return entity;
        }
        return null;
    }

    /// <summary>1 male, 2 female, 0 unknown: from a gendered title the entity was given ("Ms", "Sir"), else its first name.</summary>
    private static int GenderOf(Entity entity)
    {
        foreach (var d in entity.Descriptions)
            if (Entities.EntityLexicon.GenderOfTitle(d) is var titled and not 0) return titled;
        return Entities.EntityLexicon.GenderOfName(entity.Name);
    }

    /// <summary>The index of the first mention starting at or after <paramref name="position"/> (the count if none).</summary>
    private int FirstFrom(int position)
    {
        int lo = 0, hi = _mentions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_mentions[mid].Start < position) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private bool InQuote(int position)
    {
        foreach (var (s, e) in _quoted) if (position >= s && position < e) return true;
        return false;
    }

    private bool IsPronoun(int start, int end)
    {
        if (end - start > 3) return false;
        var w = _text.AsSpan(start, end - start);
        return LowerEquals(w, "he") || LowerEquals(w, "she") || LowerEquals(w, "his") || LowerEquals(w, "him") || LowerEquals(w, "her");
    }

    /// <summary>True when <paramref name="word"/> lower-cased (invariant, char by char) is <paramref name="lower"/>, without a copy.</summary>
    internal static bool LowerEquals(ReadOnlySpan<char> word, string lower)
    {
        if (word.Length != lower.Length) return false;
        for (var i = 0; i < word.Length; i++) if (char.ToLowerInvariant(word[i]) != lower[i]) return false;
        return true;
    }

    private SpeakerKind KindOf(Entity entity)
    {
        if (entity.Type != EntityType.Person) return SpeakerKind.Named;
        // Declared pseudonyms are the bare names: people with a title ("President ...") are real public figures.
        if (_pseudonyms && !entity.Name.Contains(' ', StringComparison.Ordinal) && !HasTitle(entity)) return SpeakerKind.Pseudonym;
        return SpeakerKind.Named;
    }

    private static bool HasTitle(Entity entity)
    {
        foreach (var d in entity.Descriptions)
        {
            var last = d.Split(' ')[^1];
            if (ExtractLexicon.Titles.Contains(last)) return true;
        }
        return false;
    }

    private static string FirstWord(string words)
    {
        var space = words.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? words : words[..space];
    }

    private static bool IsDeterminer(string word)
    {
        var lower = word.ToLowerInvariant();
        foreach (var d in Determiners) if (lower == d) return true;
        return false;
    }

    [GeneratedRegex(@"\bnone of the (names|people)\b[^.]{0,60}\breal\b|\b(names?|identities)\b[^.]{0,60}\b(not real|changed|pseudonyms?|withheld|not their real)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PseudonymDeclaration();
}
