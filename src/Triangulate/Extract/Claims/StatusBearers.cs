using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Extract.Claims;

/// <summary>
/// The noun phrase a status word is said of, read from the words around it: the object after an active verb ("killed
/// at least 14 people in the region" → "people"), the subject before a passive or copula ("a convoy of 15 trucks was
/// damaged" → "a convoy"). A phrase is cut at the first preposition, participle, clause word or punctuation, so a
/// place or a modifier after the head never becomes the bearer; counts and hedges in front of it are the quantity
/// claim's and are dropped ("tens of thousands of people" → "people"). An entity is the bearer only when its mention
/// is the phrase's head or follows "of" ("the town of X"), so "Malian soldiers" stays soldiers, not a country.
/// </summary>
internal static class StatusBearers
{
    private const int MaxPhraseWords = 8;

    // Words that stand before a figure without being the thing counted: "at least 14", "more than 36,000", "up to 150".
    private static readonly string[] HedgeWords = ["about", "around", "roughly", "nearly", "almost", "more", "than", "at", "least", "up", "to", "as", "many", "an", "estimated", "over", "approximately", "some", "fewer", "less", "just", "under", "only", "another", "a", "further", "additional"];

    // Counting nouns and quantifiers that make a figure of what follows ("dozens of", "tens of thousands of").
    private static readonly string[] FigureNouns = ["dozen", "dozens", "tens", "hundreds", "thousands", "millions", "scores", "several", "hundred", "thousand", "million", "billion", "more"];

    // Words that end a noun phrase going right, or begin one going left (the phrase cannot reach across them).
    private static readonly string[] Boundaries =
    [
        "in", "at", "on", "near", "from", "with", "during", "after", "before", "by", "for", "into", "outside", "inside", "across", "since", "when", "while",
        "that", "which", "who", "whom", "whose", "where", "and", "or", "but", "as", "if", "because", "than", "following", "amid", "despite", "including",
        "was", "were", "is", "are", "been", "be", "being", "has", "have", "had", "will", "would", "could", "may", "might", "said", "says", "told", "say", "reported",
        "according", "among", "there", "remain", "remained", "remains", "not",
        // Prepositions that only ever open a modifier or an adverbial: the phrase stops there going either way.
        "to", "between", "through", "throughout", "toward", "towards", "via", "against", "behind", "beyond",
    ];

    // Prepositions whose object is never the clause's subject: a phrase right after one is a modifier of the noun
    // before it ("cables between X and Y", "a bakery in Oldham") or an adverbial ("performed for 35 years").
    // "after", "before" and "since" also open clauses ("after three cables were damaged"), so they are not here.
    private static readonly string[] Prepositions =
    [
        "in", "at", "on", "near", "from", "with", "during", "by", "for", "into", "outside", "inside", "across", "among", "amid", "despite",
        "to", "between", "through", "throughout", "toward", "towards", "via", "against", "behind", "beyond", "of",
    ];

    // A relative pronoun that is a clause's subject stands for the noun phrase before it ("the store which is destroyed").
    private static readonly string[] RelativePronouns = ["which", "who", "that"];

    /// <summary>The bearer after an active verb whose object the status is, from token <paramref name="from"/> on.</summary>
    public static (string Key, string Name)? After(string text, SpeakerResolver speakers, List<WordToken> tokens, int from)
    {
        // A count in front ("at least 14 people", "up to 40 civilians") is read before the boundary words apply: its
        // "at" and "to" are not prepositions.
        var end = from;
        while (end < tokens.Count && end - from < MaxPhraseWords && tokens[end].IsWord && Is(text, tokens[end], HedgeWords)) end++;
        if (end == tokens.Count || !tokens[end].IsWord || !IsFigure(text, tokens[end])) end = from;
        while (end < tokens.Count && end - from < MaxPhraseWords && tokens[end].IsWord && !Is(text, tokens[end], Boundaries) && !IsParticiple(text, tokens[end], end > from)
            && !Word(text, tokens[end]).Equals("of", StringComparison.OrdinalIgnoreCase)) end++;
        // "23 Somali and Yemeni pirates": two nationality adjectives joined by "and" modify one head after them.
        while (end > from && end + 2 < tokens.Count && Word(text, tokens[end]) is "and" or "or" && IsNationality(text, tokens[end - 1]) && IsNationality(text, tokens[end + 1]))
        {
            end += 2;
            while (end < tokens.Count && end - from < MaxPhraseWords + 2 && tokens[end].IsWord && !Is(text, tokens[end], Boundaries) && !IsParticiple(text, tokens[end], true)
                && !Word(text, tokens[end]).Equals("of", StringComparison.OrdinalIgnoreCase)) end++;
        }
        // "the town of X": the named place the phrase introduces is the bearer.
        if (end + 1 < tokens.Count && end > from && Word(text, tokens[end]).Equals("of", StringComparison.OrdinalIgnoreCase) && IsCommonNoun(text, tokens[end - 1])
            && speakers.EntityAt(tokens[end + 1].Start, tokens[end + 1].End) is { } named && !IsFigurePhrase(text, tokens, from, end)) return (named.Id, named.Name);
        // An adverb or time word is no object: "was arrested shortly afterwards", "arrested an hour later".
        if (end > from && IsAdverb(text, tokens[from])) return null;
        // A figure phrase that runs on through "of" ("dozens of civilians") continues to the thing counted.
        while (end + 1 < tokens.Count && end > from && Word(text, tokens[end]).Equals("of", StringComparison.OrdinalIgnoreCase) && IsFigurePhrase(text, tokens, from, end))
        {
            end++;
            while (end < tokens.Count && end - from < MaxPhraseWords + 4 && tokens[end].IsWord && !Is(text, tokens[end], Boundaries) && !IsParticiple(text, tokens[end], true)) end++;
        }
        return Phrase(text, speakers, tokens, from, end);
    }

    /// <summary>
    /// The bearer before <paramref name="end"/> (exclusive: the first auxiliary or the status word itself): the noun
    /// phrase that begins after the nearest boundary word, punctuation mark or sentence start.
    /// </summary>
    public static (string Key, string Name)? Before(string text, SpeakerResolver speakers, List<WordToken> tokens, int end)
    {
        // "Ana Ruiz, 41, of Riverton, was arrested": the subject stands before a comma-bounded appositive (an age, an
        // origin, a description in lower case); a list of names ("Ana, Luis, were ...") is not an appositive.
        if (end > 0 && IsComma(text, tokens[end - 1]) && AppositiveStart(text, tokens, end - 1) is var head and > 0)
            return Before(text, speakers, tokens, head);
        var start = end;
        while (start > 0 && end - start < MaxPhraseWords + 4 && tokens[start - 1].IsWord && !Is(text, tokens[start - 1], Boundaries)) start--;
        // "of" belongs inside the phrase ("tens of thousands of people", "a convoy of trucks"), "and" does not.
        while (start > 1 && Word(text, tokens[start - 1]).Equals("of", StringComparison.OrdinalIgnoreCase) && tokens[start - 2].IsWord && end - start < MaxPhraseWords + 4)
        {
            start--;
            while (start > 0 && tokens[start - 1].IsWord && !Is(text, tokens[start - 1], Boundaries)) start--;
        }
        if (start == end)
        {
            // "the store, which is destroyed", "his wife who died": the relative pronoun is the subject and stands for
            // the noun phrase before it; "said that" has no noun phrase there.
            if (end < 1 || !tokens[end - 1].IsWord || !Is(text, tokens[end - 1], RelativePronouns)) return null;
            var antecedent = end - 1;
            if (antecedent > 0 && IsComma(text, tokens[antecedent - 1])) antecedent--;
            if (antecedent < 1 || !CanEndNounPhrase(text, tokens[antecedent - 1])) return null;
            // The noun phrase only, back to its determiner: "reached the warehouse, which" → "the warehouse".
            var from = antecedent - 1;
            while (from > 0 && antecedent - from < MaxPhraseWords && tokens[from - 1].IsWord && !Is(text, tokens[from - 1], Boundaries)
                && !ExtractLexicon.Determiners.Has(Word(text, tokens[from]))) from--;
            return Phrase(text, speakers, tokens, from, antecedent);
        }
        // "where he was fired last week was arrested": a verb form after an auxiliary is the end of another clause's
        // predicate, not a noun phrase; the subject is elsewhere.
        if (start > 0 && tokens[start - 1].IsWord && Is(text, tokens[start - 1], Auxiliaries) && IsPastForm(text, tokens[start])) return null;
        // "a bakery in Oldham has been destroyed", "cables between X and Y in the sea were damaged": a phrase governed
        // by a preposition is a modifier of the noun phrase before it, which is the subject (when the word before the
        // preposition can end one); after a verb ("performed for 35 years") it is an adverbial, and no subject at all.
        if (Governing(text, tokens, start) is var preposition and >= 0)
            return preposition > 0 && CanEndNounPhrase(text, tokens[preposition - 1]) ? Before(text, speakers, tokens, preposition) : null;
        // Only adverbs: inside a verb group the subject stands before its modal or auxiliary ("people could later be
        // seen"); after a comma ("…, then was arrested") it is in another clause, and not found here.
        if (OnlyAdverbs(text, tokens, start, end))
            return start > 0 && tokens[start - 1].IsWord && Is(text, tokens[start - 1], Modals) ? Before(text, speakers, tokens, start - 1) : null;
        // The head chunk: from the phrase's start up to its first preposition ("a convoy of 15 trucks" → "a convoy"),
        // unless the words so far are a figure ("tens of thousands of people" → on to "people").
        var stop = start;
        while (stop < end)
        {
            if (Word(text, tokens[stop]).Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                if (stop > start && stop + 1 < end && IsCommonNoun(text, tokens[stop - 1]) && speakers.EntityAt(tokens[stop + 1].Start, tokens[stop + 1].End) is { } named && !IsFigurePhrase(text, tokens, start, stop)) return (named.Id, named.Name);
                if (!IsFigurePhrase(text, tokens, start, stop)) break;
            }
            else if (stop > start && IsParticiple(text, tokens[stop], true)) break;
            stop++;
        }
        return Phrase(text, speakers, tokens, start, stop);
    }

    // Auxiliaries after which a lower-case past form is a verb, not the start of a noun phrase.
    private static readonly string[] Auxiliaries = ["was", "were", "is", "are", "been", "be", "being", "has", "have", "had"];

    private static bool IsPastForm(string text, WordToken token) =>
        token.IsWord && char.IsLower(text[token.Start]) && Word(text, token).EndsWith("ed", StringComparison.Ordinal);

    /// <summary>
    /// The index of the preposition that governs the phrase starting at <paramref name="start"/>, or -1: right before it
    /// ("in the sea"), or before the first of two coordinated phrases ("between X and Y").
    /// </summary>
    private static int Governing(string text, List<WordToken> tokens, int start)
    {
        if (start < 1 || !tokens[start - 1].IsWord) return -1;
        if (Is(text, tokens[start - 1], Prepositions)) return start - 1;
        if (Word(text, tokens[start - 1]) is not ("and" or "or")) return -1;
        var first = start - 1;
        while (first > 0 && start - 1 - first < MaxPhraseWords && tokens[first - 1].IsWord && !Is(text, tokens[first - 1], Boundaries)) first--;
        return first > 0 && first < start - 1 && tokens[first - 1].IsWord && Is(text, tokens[first - 1], Prepositions) ? first - 1 : -1;
    }

    /// <summary>True when a preposition governs the phrase starting at token <paramref name="start"/> ("flown to X", "between X and Y"): its object is no subject.</summary>
    public static bool IsPrepositionalObject(string text, List<WordToken> tokens, int start)
    {
        // From the name back to the start of its noun phrase: "outside the Sam's Club".
        var first = start;
        while (first > 0 && start - first < 4 && (tokens[first - 1].IsWord ? !Is(text, tokens[first - 1], Boundaries) : text[tokens[first - 1].Start] is '\'' or '’')) first--;
        return Governing(text, tokens, first) >= 0;
    }

    /// <summary>True for a word that can end a noun phrase: a name, or a lower-case noun (no verb form, adverb or boundary word).</summary>
    private static bool CanEndNounPhrase(string text, WordToken token) =>
        token.IsWord && !Is(text, token, Boundaries) && (!char.IsLower(text[token.Start]) || IsCommonNoun(text, token));

    /// <summary>
    /// True for an adverb: a lower-case "-ly" word (not the few nouns and adjectives so spelled) or one of the closed
    /// class of time and focus adverbs that stand between a subject and its verb ("also", "then", "later").
    /// </summary>
    public static bool IsAdverb(string text, WordToken token)
    {
        if (!token.IsWord || !char.IsLower(text[token.Start])) return false;
        var word = Word(text, token);
        if (Is(text, token, ClosedAdverbs)) return true;
        return word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal) && !Is(text, token, LyNouns);
    }

    /// <summary>True for "themselves", "himself": the object is the subject, whose phrase stands before the verb.</summary>
    public static bool IsReflexive(string phrase) => phrase is "themselves" or "himself" or "herself" or "itself" or "ourselves";

    /// <summary>True when the phrase [start, end) names only a figure ("at least 11", "dozens more"): the thing counted is elsewhere.</summary>
    public static bool IsFigureOnly(string text, List<WordToken> tokens, int start, int end) => end > start && HeadStart(text, tokens, start, end) == end;

    // Adverbs of time and focus that stand inside a verb group or after a verb ("had also been", "arrested afterwards").
    private static readonly string[] ClosedAdverbs = ["also", "then", "later", "afterwards", "afterward", "still", "already", "now", "again", "so", "soon", "just", "ever", "never", "too", "since", "thereafter", "together"];

    // "-ly" words that are nouns or adjectives heading or modifying a noun phrase ("the family", "the elderly").
    private static readonly string[] LyNouns = ["family", "elderly", "supply", "rally", "ally", "assembly", "reply", "belly", "bully", "lily", "jelly", "friendly", "early", "daily", "weekly", "monthly", "yearly", "only", "holy", "ugly", "lonely", "deadly", "costly", "likely"];

    // Modals and auxiliaries an adverb can follow inside a verb group.
    private static readonly string[] Modals = ["could", "would", "can", "may", "might", "will", "should", "must", "was", "were", "is", "are", "has", "have", "had"];

    /// <summary>True when the word before the phrase that ends at <paramref name="end"/> joins it to another noun phrase ("the newlywed and father").</summary>
    public static bool IsCoordinated(string text, List<WordToken> tokens, int end)
    {
        var start = end;
        while (start > 0 && tokens[start - 1].IsWord && !Is(text, tokens[start - 1], Boundaries)) start--;
        return start > 0 && start < end && tokens[start - 1].IsWord && (Word(text, tokens[start - 1]) is "and" or "or");
    }

    // Words that begin a comma-bounded appositive after a name: an origin, an age, a description.
    private static readonly string[] AppositiveOpeners = ["of", "from", "aged", "a", "an", "the", "who", "whose"];

    private static bool IsComma(string text, WordToken token) => !token.IsWord && text[token.Start] == ',';

    /// <summary>
    /// For a comma at <paramref name="comma"/> that closes an appositive ("Ana Ruiz, 41, of Riverton,"), the index of
    /// the comma that opens the first of them, or -1: each segment is at most seven words, and the first opens with a
    /// digit or an appositive word.
    /// </summary>
    private static int AppositiveStart(string text, List<WordToken> tokens, int comma)
    {
        var open = -1;
        for (var hops = 0; hops < 3; hops++)
        {
            var k = comma - 1;
            while (k >= 0 && tokens[k].IsWord && comma - k <= 7) k--;
            if (k < 1 || k == comma - 1 || !IsComma(text, tokens[k]) || !tokens[k - 1].IsWord) break;
            var first = tokens[k + 1];
            var opens = char.IsDigit(text[first.Start]) || Is(text, first, AppositiveOpeners);
            if (!opens) break;
            open = k;
            comma = k;
        }
        return open;
    }

    private static bool OnlyAdverbs(string text, List<WordToken> tokens, int start, int end)
    {
        for (var k = start; k < end; k++) if (!IsAdverb(text, tokens[k])) return false;
        return true;
    }

    // A lower-case word that can end a noun phrase: not a past form or participle ("stayed", "fleeing").
    private static bool IsCommonNoun(string text, WordToken token)
    {
        if (!token.IsWord || !char.IsLower(text[token.Start])) return false;
        var word = Word(text, token);
        return !word.EndsWith("ed", StringComparison.Ordinal) && !(word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal)) && !IsAdverb(text, token);
    }

    private static (string Key, string Name)? Phrase(string text, SpeakerResolver speakers, List<WordToken> tokens, int start, int end)
    {
        if (end <= start) return null;
        // "Thomas initially was hurt", "injured two others Monday": an adverb or a day after the head is no part of it.
        while (end - start > 1 && (IsAdverb(text, tokens[end - 1]) || IsDayWord(text, tokens[end - 1]))) end--;
        var head = tokens[end - 1];
        // A nationality adjective is no head: the phrase was cut before its noun ("two Yemeni fishing boats").
        // The head named: a person, a unit, a town.
        if (IsNationality(text, head)) return null;
        if (speakers.EntityAt(head.Start, head.End) is { } entity && entity.Type != EntityType.Other) return (entity.Id, entity.Name);
        var from = HeadStart(text, tokens, start, end);
        // Only a figure ("wounded dozens more"): the figure is what the sentence says of it.
        if (from == end) from = start;
        var phrase = text[tokens[from].Start..tokens[end - 1].End];
        return (phrase, phrase);
    }

    // Past the hedges and figures at the phrase's start: "at least 14 people" → "people"; "some soldiers" stays whole.
    private static int HeadStart(string text, List<WordToken> tokens, int start, int end)
    {
        var k = start;
        while (k < end && Is(text, tokens[k], HedgeWords)) k++;
        var figures = k;
        while (k < end && (IsFigure(text, tokens[k]) || (k > figures && Word(text, tokens[k]).Equals("of", StringComparison.OrdinalIgnoreCase)))) k++;
        return k == figures ? start : k;
    }

    private static bool IsNationality(string text, WordToken token) => token.IsWord && ExtractLexicon.Nation(Word(text, token)) == NationWord.Adjective;

    // A weekday or a day named relative to today: when, not who.
    private static bool IsDayWord(string text, WordToken token) =>
        token.IsWord && (Time.TimeWords.Is(Word(text, token), "weekday", out _) || Is(text, token, DayWords));

    private static readonly string[] DayWords = ["yesterday", "today", "tonight"];

    private static bool IsFigurePhrase(string text, List<WordToken> tokens, int start, int end)
    {
        if (end <= start) return false;
        for (var k = start; k < end; k++)
            if (!IsFigure(text, tokens[k]) && !Is(text, tokens[k], HedgeWords) && !Word(text, tokens[k]).Equals("of", StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    private static bool IsFigure(string text, WordToken token)
    {
        var word = Word(text, token);
        // "12-year-old" is a description of the bearer, not a count of it.
        if (char.IsDigit(word[0])) return !word.ContainsAnyInRange('a', 'z');
        return NumberWords.IsNumberWord(word) || Is(text, token, FigureNouns);
    }

    // "-ing" forms after the head start a reduced relative clause ("trucks carrying aid"); a gerund first is kept.
    private static bool IsParticiple(string text, WordToken token, bool afterHead) =>
        afterHead && token.Length > 5 && Word(text, token).EndsWith("ing", StringComparison.Ordinal) && char.IsLower(text[token.Start]);

    private static bool Is(string text, WordToken token, string[] words)
    {
        var word = Word(text, token);
        foreach (var w in words) if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static ReadOnlySpan<char> Word(string text, WordToken token) => text.AsSpan(token.Start, token.Length);
}
