using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Triangulate.Model;

namespace Triangulate.Extract.Entities;

/// <summary>
/// Finds people, organisations, places, military units and weapons in a document's body without a trained model:
/// capitalised token runs, typed by lexicon cues (titles, organisation heads, unit nouns after ordinals, place
/// prepositions, weapon nouns) that vote across all mentions of a name; surnames, first names and pronouns are resolved
/// to the full name within the document. Entity ids are document-local ("person:angela-merkel").
/// </summary>
public sealed class EntityExtractor : IExtractor
{
    /// <inheritdoc />
    public void Extract(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text;
        var mentions = new List<RawMention>();
        var pronouns = new List<Pronoun>();
        var tokenised = new List<List<WordToken>>(context.Sentences.Count);
        // A sentence's first word is capitalised whatever it is: it is a name only with evidence from elsewhere in the
        // document ("Rumors abound" is not a name, "Merkel has" is when "Merkel" is also capitalised mid-sentence).
        var openers = new Dictionary<string, OpenerEvidence>(StringComparer.OrdinalIgnoreCase);
        // Title-case lines ("Storm Forces Closure Of Coastal Roads") capitalise every word: null when there is none.
        bool[]? titleCase = null;
        for (var n = 0; n < context.Sentences.Count; n++)
        {
            // The context's shared word tokens: computed once per sentence for every extractor, read and never modified.
            var tokens = context.WordsOf(n);
            tokenised.Add(tokens);
            if (IsTitleCase(text, tokens)) (titleCase ??= new bool[context.Sentences.Count])[n] = true;
            var f = FirstWord(tokens);
            if (f >= 0 && WordTokenizer.IsCapitalised(text, tokens[f]))
            {
                var key = StripPossessive(text.AsSpan(tokens[f].Start, tokens[f].Length));
                var lookup = openers.GetAlternateLookup<ReadOnlySpan<char>>();
                if (!lookup.ContainsKey(key)) openers[key.ToString()] = new OpenerEvidence();
            }
        }
        if (openers.Count > 0)
        {
            var lookup = openers.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var n = 0; n < tokenised.Count; n++)
            {
                // A title-case line's capitals are no evidence that a word is a name.
                if (titleCase?[n] == true) continue;
                var tokens = tokenised[n];
                for (var k = FirstWord(tokens) + 1; k > 0 && k < tokens.Count; k++)
                {
                    if (!tokens[k].IsWord || !lookup.TryGetValue(StripPossessive(text.AsSpan(tokens[k].Start, tokens[k].Length)), out var evidence)) continue;
                    if (char.IsLower(text[tokens[k].Start])) evidence.Lower = true;
                    else if (tokens[k - 1].IsWord) evidence.Inner = true;
                }
            }
        }
        for (var s = 0; s < tokenised.Count; s++)
        {
            var tokens = tokenised[s];
            var f = FirstWord(tokens);
            var skip = f >= 0 && !OpenerIsName(text, tokens, f, openers) ? f : -1;
            var before = mentions.Count;
            FindMentions(text, tokens, skip, s, mentions, titleCase?[s] == true ? Unvouched(text, tokenised, titleCase, tokens) : null);
            Coordinate(text, mentions, before);
            Acronyms(text, mentions, before);
            for (var k = 0; k < tokens.Count; k++)
            {
                var token = tokens[k];
                if (!token.IsWord || token.Length > 3 || token.Length < 2) continue;
                var gender = PronounGender(text.AsSpan(token.Start, token.Length), out var subject);
                if (gender != 0) pronouns.Add(new Pronoun(token.Start, token.End, s, gender, subject));
            }
        }
        AddModelMentions(text, tokenised, mentions);
        AddCurrencyMentions(text, tokenised, mentions);
        DropTimes(context, mentions);
        context.Entities.AddRange(Resolve(context, mentions, pronouns));
    }

    // Closed-class words that only title case capitalises inside a line ("Closure Of Coastal Roads", "Talks To Resume").
    private static readonly FrozenSet<string> TitleCaseMarkers = FrozenSet.ToFrozenSet(
        ["Of", "To", "In", "On", "At", "By", "For", "From", "With", "Into", "As", "After", "Over", "And", "Or", "But", "The", "A", "An", "Is", "Are", "Its"],
        StringComparer.Ordinal);

    /// <summary>
    /// A line in title case: at least four words, none of four letters or more in lower case, and a closed-class word
    /// capitalised inside it. Its capitals say nothing about which words are names.
    /// </summary>
    private static bool IsTitleCase(string text, List<WordToken> tokens)
    {
        var words = 0;
        var marker = false;
        var first = FirstWord(tokens);
        for (var k = first; k >= 0 && k < tokens.Count; k++)
        {
            if (!tokens[k].IsWord || !char.IsLetter(text[tokens[k].Start])) continue;
            words++;
            if (char.IsLower(text[tokens[k].Start]))
            {
                if (tokens[k].Length >= 4) return false;
                continue;
            }
            if (k > first && ExtractLexicon.Has(TitleCaseMarkers, WordSpan(text, tokens[k]))) marker = true;
        }
        return marker && words >= 4;
    }

    /// <summary>
    /// The capitalised words of a title-case line the rest of the document does not vouch for: neither written
    /// capitalised inside a sentence that is not in title case nor part of a country or city named in the line. They
    /// are read as if in lower case, so "Talks With Nordvik Airways Stall Over Pay" names only "Nordvik Airways" when
    /// the body writes it.
    /// </summary>
    private static bool[] Unvouched(string text, List<List<WordToken>> tokenised, bool[] titleCase, List<WordToken> tokens)
    {
        var blocked = new bool[tokens.Count];
        for (var k = 0; k < tokens.Count; k++)
            blocked[k] = WordTokenizer.IsCapitalised(text, tokens[k]) && !SeenCapitalisedInside(text, tokenised, titleCase, WordSpan(text, tokens[k]));
        // "New Zealand", "Hong Kong": a country or city of up to three words stands on its own.
        for (var k = 0; k < tokens.Count; k++)
            for (var n = Math.Min(tokens.Count, k + 3); n > k; n--)
                if (ExtractLexicon.Nation(StripPossessive(Span(text, tokens, k, n))) is NationWord.Country or NationWord.City)
                {
                    for (var x = k; x < n; x++) blocked[x] = false;
                    break;
                }
        return blocked;
    }

    private static bool SeenCapitalisedInside(string text, List<List<WordToken>> tokenised, bool[] titleCase, ReadOnlySpan<char> word)
    {
        word = StripPossessive(word);
        for (var n = 0; n < tokenised.Count; n++)
        {
            if (titleCase[n]) continue;
            var tokens = tokenised[n];
            for (var k = FirstWord(tokens) + 1; k > 0 && k < tokens.Count; k++)
                if (tokens[k].IsWord && StripPossessive(WordSpan(text, tokens[k])).SequenceEqual(word)) return true;
        }
        return false;
    }

    /// <summary>
    /// Names the time extractor read as dates ("Christmas", "New Year") are times, not entities; both lists are in text
    /// order, so one merge pass.
    /// </summary>
    private static void DropTimes(ExtractionContext context, List<RawMention> mentions)
    {
        var times = context.Times;
        if (times.Count == 0) return;
        var sorted = true;
        for (var k = 1; k < times.Count && sorted; k++) sorted = times[k - 1].Span.Start <= times[k].Span.Start;
        var spans = new (int Start, int End)[times.Count];
        for (var k = 0; k < times.Count; k++) spans[k] = (times[k].Span.Start, times[k].Span.End);
        if (!sorted) Array.Sort(spans);
        var t = 0;
        var write = 0;
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            while (t < spans.Length && spans[t].End <= m.Start) t++;
            var covered = false;
            for (var u = t; u < spans.Length && spans[u].Start < m.End; u++)
                // The name is (nearly) the whole expression: "Christmas", "New Year 2010"; not a name inside an
                // event-anchored one ("before X's inauguration").
                if (spans[u].Start <= m.Start && spans[u].End >= m.End && spans[u].End - spans[u].Start <= m.End - m.Start + 6) { covered = true; break; }
            if (!covered) mentions[write++] = m;
        }
        mentions.RemoveRange(write, mentions.Count - write);
    }

    /// <summary>
    /// Once "Boeing 787" is named, a bare "787" or "787s" elsewhere in the document is the same product: the model
    /// numbers of product names found in the document are matched against the uncovered number tokens.
    /// </summary>
    private static void AddModelMentions(string text, List<List<WordToken>> tokenised, List<RawMention> mentions)
    {
        HashSet<string>? models = null;
        foreach (var m in mentions)
        {
            if (m.Type is not (EntityType.Product or EntityType.Weapon) || m.Weight < 2) continue;
            var space = m.Name.LastIndexOf(' ');
            if (space > 0 && char.IsDigit(m.Name[^1]) && char.IsDigit(m.Name[space + 1])) (models ??= new(StringComparer.Ordinal)).Add(m.Name[(space + 1)..]);
        }
        if (models is null) return;
        var lookup = models.GetAlternateLookup<ReadOnlySpan<char>>();
        var covered = new List<(int Start, int End)>(mentions.Count);
        foreach (var m in mentions) covered.Add((m.Start, m.End));
        var added = 0;
        for (var s = 0; s < tokenised.Count; s++)
        {
            foreach (var token in tokenised[s])
            {
                if (!token.IsWord || !char.IsDigit(text[token.Start])) continue;
                var word = text.AsSpan(token.Start, token.Length);
                if (word.Length > 1 && word[^1] == 's' && char.IsDigit(word[^2])) word = word[..^1];
                if (!lookup.TryGetValue(word, out var model) || Overlaps(covered, token.Start, token.End)) continue;
                mentions.Add(new RawMention(token.Start, token.End, model, EntityType.Product, 2, null, null, s, false, false));
                added++;
            }
        }
        if (added > 0) mentions.Sort((x, y) => x.Start.CompareTo(y.Start));
    }

    /// <summary>
    /// Currencies are written in lower case, so no capitalised run finds them: "the yen", "the dollar's fall", "the euro
    /// rose" name a traded currency (financial), while "the euro zone" or "the dollar amount" use the word as a
    /// modifier. After "the", the currency word names one when what follows is punctuation, a possessive, a verb form
    /// ("-s", "-ed") or a function word ("against", "at", "was").
    /// </summary>
    private static void AddCurrencyMentions(string text, List<List<WordToken>> tokenised, List<RawMention> mentions)
    {
        var names = EntityLexicon.CurrencyNames.GetAlternateLookup<ReadOnlySpan<char>>();
        var added = 0;
        for (var s = 0; s < tokenised.Count; s++)
        {
            var tokens = tokenised[s];
            for (var k = 1; k < tokens.Count; k++)
            {
                if (!tokens[k].IsWord || !char.IsLower(text[tokens[k].Start]) || !IsWord(text, tokens[k - 1], "the", "The")) continue;
                var word = StripPossessive(text.AsSpan(tokens[k].Start, tokens[k].Length));
                if (!names.Contains(word) || !EndsCurrencyPhrase(text, tokens, k + 1, word.Length < tokens[k].Length)) continue;
                var end = tokens[k].Start + word.Length;
                mentions.Add(new RawMention(tokens[k].Start, end, word.ToString(), EntityType.Financial, 2, null, null, s, false, false));
                added++;
            }
        }
        if (added > 0) mentions.Sort((x, y) => x.Start.CompareTo(y.Start));
    }

    private static bool EndsCurrencyPhrase(string text, List<WordToken> tokens, int next, bool possessive)
    {
        if (possessive || next >= tokens.Count || !tokens[next].IsWord) return true;
        var word = text.AsSpan(tokens[next].Start, tokens[next].Length);
        if (!char.IsLower(word[0])) return false;
        if (word is "against" or "at" or "to" or "was" or "is" or "has" or "had" or "and" or "or" or "on" or "in" or "from" or "for" or "versus"
            or "rose" or "fell" or "slid" or "sank" or "stood" or "held" or "hit" or "will" or "would") return true;
        return word.Length > 3 && (word.EndsWith("ed", StringComparison.Ordinal) || (word[^1] == 's' && word[^2] != 's'));
    }

    private static bool Overlaps(List<(int Start, int End)> sorted, int start, int end)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid].End <= start) lo = mid + 1; else hi = mid;
        }
        return lo < sorted.Count && sorted[lo].Start < end;
    }

    private static int FirstWord(List<WordToken> tokens)
    {
        for (var k = 0; k < tokens.Count; k++) if (tokens[k].IsWord) return k;
        return -1;
    }

    /// <summary>Evidence that a capitalised sentence opener is a name: the document's other uses of the word and what follows it.</summary>
    private static bool OpenerIsName(string text, List<WordToken> tokens, int f, Dictionary<string, OpenerEvidence> openers)
    {
        var word = text.AsSpan(tokens[f].Start, tokens[f].Length);
        var known = openers.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(StripPossessive(word), out var evidence);
        if (known && evidence!.Inner) return true;
        // "Initially,", "Totaling US$ 3 billion", "Reported earlier": an adverb or participle capitalised only because it
        // opens the sentence, unless it is a place or speaks ("Harding said").
        if (word.Length > 5 && (word.EndsWith("ly", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal))
            && ExtractLexicon.Nation(word) == NationWord.None && !FollowedBySpeechVerb(text, tokens, f + 1)
            && !FollowedByAny(text, tokens, f + 1, ExtractLexicon.PersonVerbs)) return false;
        if (!known || evidence is null) return true;
        // A country or city of several words: "South Korea's NIS" although "south" is written in lower case elsewhere.
        for (var n = f + 2; n <= Math.Min(tokens.Count, f + 3); n++)
            if (ExtractLexicon.Nation(StripPossessive(Span(text, tokens, f, n))) is NationWord.Country or NationWord.City) return true;
        // Written in lower case elsewhere in the document: a common word ("Soldiers said", "Bloggers also posted").
        if (evidence.Lower) return false;
        if (ExtractLexicon.Nation(StripPossessive(word)) is NationWord.Country or NationWord.City) return true;
        if (f + 1 < tokens.Count && StartsName(text, tokens[f + 1])) return true;
        // Coordinated with a name: "Atacms and Storm Shadow missiles".
        if (f + 2 < tokens.Count && IsWord(text, tokens[f + 1], "and", "or") && StartsName(text, tokens[f + 2])) return true;
        return FollowedBySpeechVerb(text, tokens, f + 1) || ClosedApposition(text, tokens, f + 1)
            || FollowedByAny(text, tokens, f + 1, ExtractLexicon.PersonVerbs);
    }

    /// <summary>An apposition closed by a comma ("Tomas, 30, a fisherman ..., said"), not a clause ("Consequently, the battle ...").</summary>
    private static bool ClosedApposition(string text, List<WordToken> tokens, int end)
    {
        var apposition = Apposition(text, tokens, end);
        if (apposition is null) return false;
        var after = tokens[end + 1].Start + apposition.Length;
        while (after < text.Length && text[after] == ' ') after++;
        return after < text.Length && text[after] == ',';
    }

    private static void FindMentions(string text, List<WordToken> tokens, int skip, int sentence, List<RawMention> mentions, bool[]? blocked = null)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            if (i == skip || !StartsNameAt(i)) { i++; continue; }
            var j = i + 1;
            var hasOrgCue = ExtractLexicon.OrgCues.Has(WordSpan(text, tokens[i]));
            var bracketed = i > 0 && text[tokens[i - 1].Start] == '[';
            var ampersand = false;
            while (j < tokens.Count)
            {
                // "Standard & Poor's 500": after an ampersand the possessive belongs to the name.
                if (EndsWithPossessive(text, tokens[j - 1]) && !(ampersand && IsModelNumber(WordSpan(text, tokens[j])))) break;
                // "Procter & Gamble", "Standard & Poor's": an ampersand between capitalised words joins one name.
                if (!tokens[j].IsWord && text[tokens[j].Start] == '&' && j + 1 < tokens.Count && StartsNameAt(j + 1)) { ampersand = true; j++; continue; }
                if (StartsNameAt(j)) { hasOrgCue |= ExtractLexicon.OrgCues.Has(WordSpan(text, tokens[j])); j++; continue; }
                // "Abdel Fattah al-Burhan", "Ahmed el-Sayed": a lower-case particle joined to a capitalised surname.
                if (IsParticleSurname(WordSpan(text, tokens[j]))) { j++; continue; }
                // An editor's insertion before the name: "[French President Emmanuel] Macron".
                if (bracketed && text[tokens[j].Start] == ']' && j + 1 < tokens.Count && StartsNameAt(j + 1)) { j++; continue; }
                // "Ministry of Defence", "Institute for the Study of War", "Security and Cooperation Centre":
                // connectors join only inside organisation names.
                if (IsConnector(text, tokens[j]))
                {
                    var k = j;
                    while (k < tokens.Count && IsConnector(text, tokens[k])) k++;
                    var m = k;
                    var laterCue = false;
                    while (m < tokens.Count && StartsNameAt(m)) laterCue |= ExtractLexicon.OrgCues.Has(WordSpan(text, tokens[m++]));
                    var and = IsWord(text, tokens[j], "and", "and");
                    if (m > k && (laterCue || (hasOrgCue && !and))) { j = k; continue; }
                }
                break;
            }
            // "Boeing 747", "iPhone 4", "iOS 5": a model number continues a name (not after a possessive).
            if (j < tokens.Count && tokens[j].IsWord && (ampersand || !EndsWithPossessive(text, tokens[j - 1])) && IsModelNumber(WordSpan(text, tokens[j]))
                && !(j + 1 < tokens.Count && tokens[j + 1].IsWord && ExtractLexicon.Has(EntityLexicon.UnitWords, WordSpan(text, tokens[j + 1])))) j++;
            AddRun(text, tokens, i, j, sentence, mentions);
            i = j;
        }

        // A blocked word (a title-case line's capital the document does not vouch for) neither starts nor continues a name.
        bool StartsNameAt(int k) => blocked?[k] != true && StartsName(text, tokens[k]);
    }

    /// <summary>Names in a list ("the US, UK and France", "Atacms and Storm Shadow missiles") share the type of the best-typed one.</summary>
    private static void Coordinate(string text, List<RawMention> mentions, int from)
    {
        var chainStart = from;
        var conjoined = false;
        for (var k = from; k <= mentions.Count; k++)
        {
            if (k < mentions.Count && k > chainStart && ListSeparator(text, mentions[k - 1].End, mentions[k].Start) is var separator && separator > 0)
            {
                conjoined |= separator == 2;
                continue;
            }
            // A list ends with "and"/"or"; commas alone are as often an apposition or a clause break ("According to X, France").
            if (k - chainStart > 1 && conjoined)
            {
                var best = -1;
                for (var m = chainStart; m < k; m++)
                    if (mentions[m].Type != EntityType.Other && mentions[m].Weight >= 2 && (best < 0 || mentions[m].Weight > mentions[best].Weight)) best = m;
                if (best >= 0)
                    for (var m = chainStart; m < k; m++)
                        if (mentions[m].Weight < 2) mentions[m] = mentions[m] with { Type = mentions[best].Type, Weight = 1 };
            }
            chainStart = k;
            conjoined = false;
        }
    }

    /// <summary>
    /// "Government Accountability Office (GAO)", "Worldwide Developers Conference (WWDC)": an acronym in brackets right
    /// after a name whose initials it matches takes that name's type, and remembers the name when it spells the starts
    /// of its words (<see cref="SpellsWordStarts"/>), for <see cref="Resolve"/> to join them.
    /// </summary>
    private static void Acronyms(string text, List<RawMention> mentions, int from)
    {
        for (var k = Math.Max(from, 1); k < mentions.Count; k++)
        {
            var (outer, acronym) = (mentions[k - 1], mentions[k]);
            var close = acronym.End;
            while (close < text.Length && text[close] == ' ') close++;
            if (acronym.Name.Length is < 2 or > 6 || acronym.Start - outer.End > 3 || close >= text.Length || text[close] != ')') continue;
            if (text.AsSpan(outer.End, acronym.Start - outer.End).Trim() is not "(") continue;
            var letters = 0;
            foreach (var c in acronym.Name) if (char.IsUpper(c)) letters++;
            if (letters < 2 || letters != acronym.Name.Length || !Initials(outer.Name, acronym.Name)) continue;
            if (outer.Weight > acronym.Weight) mentions[k] = acronym = acronym with { Type = outer.Type, Weight = outer.Weight };
            // "Singapore Airlines (SIA)": the brackets say what it abbreviates, so it may take more than initials.
            if (SpellsWordStarts(outer.Name, acronym.Name)) mentions[k] = acronym with { Expansion = outer.Name };
        }
    }

    /// <summary>
    /// Whether <paramref name="acronym"/> is the starts of <paramref name="name"/>'s words, one or more letters of each,
    /// in order ("SIA" for "Singapore Airlines", "GM" for "General Motors"); "of", "and", "the", "for" may be skipped.
    /// </summary>
    internal static bool SpellsWordStarts(string name, string acronym)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Spells(0, 0);

        bool Spells(int word, int at)
        {
            if (word == words.Length) return at == acronym.Length;
            var w = words[word];
            if (w is "of" or "and" or "the" or "for" && Spells(word + 1, at)) return true;
            for (var n = 1; n <= w.Length && at + n <= acronym.Length; n++)
            {
                if (char.ToUpperInvariant(w[n - 1]) != char.ToUpperInvariant(acronym[at + n - 1])) break;
                if (Spells(word + 1, at + n)) return true;
            }
            return false;
        }
    }

    /// <summary>An acronym of a name of several words: same first letter, not much longer than the word count ("WWDC" for three words).</summary>
    private static bool Initials(string name, string acronym)
    {
        if (char.ToUpperInvariant(name[0]) != acronym[0]) return false;
        var words = 1;
        foreach (var c in name) if (c == ' ') words++;
        return words >= 2 && acronym.Length <= words + 2;
    }

    /// <summary>0 when the text between two names is not a list separator, 1 for a comma, 2 for "and"/"or" (after an optional comma).</summary>
    private static int ListSeparator(string text, int start, int end)
    {
        if (end <= start) return 0;
        var between = text.AsSpan(start, end - start).Trim();
        if (between.StartsWith("'s", StringComparison.Ordinal) || between.StartsWith("’s", StringComparison.Ordinal)) between = between[2..].TrimStart();
        if (between.Length == 0) return 0;
        var comma = between[0] == ',';
        if (comma) between = between[1..].TrimStart();
        if (between.StartsWith("the ", StringComparison.Ordinal)) between = between[4..];
        if (between.Length == 0) return comma ? 1 : 0;
        if (between.StartsWith("and", StringComparison.Ordinal)) between = between[3..];
        else if (between.StartsWith("or", StringComparison.Ordinal)) between = between[2..];
        else return 0;
        between = between.Trim();
        return between.Length == 0 || between is "the" ? 2 : 0;
    }

    /// <summary>
    /// "missiles, such as the X", "areas like X", "weapons including X": a name given as an example of a kind takes
    /// that kind's type (a weapon noun or a place noun before the cue).
    /// </summary>
    private static EntityType? ExampleOf(string text, List<WordToken> tokens, int first)
    {
        var k = first - 1;
        if (k >= 0 && IsWord(text, tokens[k], "the", "the")) k--;
        if (k < 0 || !tokens[k].IsWord) return null;
        if (IsWord(text, tokens[k], "like", "including")) k--;
        else if (k >= 1 && IsWord(text, tokens[k], "as", "as") && IsWord(text, tokens[k - 1], "such", "such")) k -= 2;
        else return null;
        if (k >= 0 && text[tokens[k].Start] == ',') k--;
        if (k < 0 || !tokens[k].IsWord) return null;
        var noun = WordSpan(text, tokens[k]);
        if (ExtractLexicon.WeaponCues.Has(noun) || (noun.Length > 3 && noun[^1] == 's' && ExtractLexicon.WeaponCues.Has(noun[..^1]))) return EntityType.Weapon;
        foreach (var (position, cue) in ExtractLexicon.PlaceCues)
            if (position == "after" && (noun.Equals(cue, StringComparison.OrdinalIgnoreCase) || (noun.Length == cue.Length + 1 && noun[^1] == 's' && noun.StartsWith(cue, StringComparison.OrdinalIgnoreCase)))) return EntityType.Place;
        return noun is "areas" or "countries" or "places" or "capitals" ? EntityType.Place : null;
    }

    /// <summary>1 for he/him/his, 2 for she/her, 0 for anything else; <paramref name="subject"/> for he/she.</summary>
    private static int PronounGender(ReadOnlySpan<char> word, out bool subject)
    {
        subject = word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("she", StringComparison.OrdinalIgnoreCase);
        if (subject) return word.Length == 2 ? 1 : 2;
        if (word.Equals("him", StringComparison.OrdinalIgnoreCase) || word.Equals("his", StringComparison.OrdinalIgnoreCase)) return 1;
        return word.Equals("her", StringComparison.OrdinalIgnoreCase) ? 2 : 0;
    }

    private static void AddRun(string text, List<WordToken> tokens, int first, int last, int sentence, List<RawMention> mentions, bool beforeTitle = false)
    {
        var start = first;
        string? title = null;
        // "Apple CEO Tim Cook", "Ryanair CEO": a name before a title that is not a modifier ("former", "Canadian") is the
        // organisation the title is held in, a name of its own.
        if (!beforeTitle && !IsTitleStart(text, tokens, first, last))
        {
            for (var p = first + 1; p < last; p++)
            {
                if (!tokens[p].IsWord || !IsTitleStart(text, tokens, p, last) || AllModifiers(text, tokens, first, p)) continue;
                AddRun(text, tokens, first, p, sentence, mentions, beforeTitle: true);
                first = p;
                start = p;
                break;
            }
        }
        // "United States Barack Obama", "France Emmanuel Macron": a country's full name run into a person's name (a
        // title dropped between them) is two names.
        for (var p = first + 1; p + 1 < last && !beforeTitle; p++)
        {
            if (!EntityLexicon.GivenNames.Has(WordSpan(text, tokens[p])) || ExtractLexicon.Nation(Span(text, tokens, first, p)) != NationWord.Country) continue;
            AddRun(text, tokens, first, p, sentence, mentions, beforeTitle: true);
            first = p;
            start = p;
            break;
        }
        // A title may follow modifiers ("French President X", "former U.S. President X") and span tokens
        // ("Lieutenant General X", "President-elect X"); a run ending on an organisation's head ("General Court",
        // "General Assembly") is that organisation's name, not a titled person.
        var organisationHead = ExtractLexicon.OrgCues.Has(WordSpan(text, tokens[last - 1]));
        for (var p = first; p < Math.Min(last, first + 4) && title is null && !organisationHead; p++)
        {
            for (var n = Math.Min(3, last - p); n >= 1; n--)
            {
                if (!IsTitle(text, tokens, p, p + n)) continue;
                if (p + n >= last) break;
                if (p > first && !AllModifiers(text, tokens, first, p)) break;
                title = Join(text, tokens, first, p + n);
                start = p + n;
                break;
            }
        }
        // Honorifics listed as function words ("Mr", "Mrs") stand just before the run.
        if (title is null && first > 0 && tokens[first - 1].IsWord && IsTitleWord(text, tokens[first - 1])) title = text[tokens[first - 1].Start..tokens[first - 1].End];
        // A run that is only a title ("President") names nobody.
        if (title is null && IsTitle(text, tokens, first, last)) return;
        var end = last;
        var next = last < tokens.Count ? tokens[last] : default;
        var followedByLower = last < tokens.Count && next.IsWord && char.IsLower(text[next.Start]);
        if (title is null)
        {
            // Peoples are groups and nationality adjectives modifiers, not names: "Chileans", "Spanish soldiers".
            var whole = ExtractLexicon.Nation(StripPossessive(Span(text, tokens, start, end)));
            if (whole is NationWord.People or NationWord.Adjective) return;
            if (whole is NationWord.None)
            {
                if (IsDemonym(WordSpan(text, tokens[end - 1])) && (followedByLower || end - start == 1)) return;
                while (end - start > 1 && IsDemonym(WordSpan(text, tokens[start])) && !ExtractLexicon.OrgCues.Has(WordSpan(text, tokens[end - 1]))) start++;
            }
        }
        while (start < end && !tokens[start].IsWord) start++;
        if (start >= end) return;

        var type = EntityType.Other;
        var weight = 0;
        var prev = first > 0 ? tokens[first - 1] : default;
        var lastWord = WordSpan(text, tokens[end - 1]);
        var nameSpan = Span(text, tokens, start, end);
        var name = Join(text, tokens, start, end);
        if (EndsWithPossessive(text, tokens[end - 1])) name = name[..^2];
        var nation = ExtractLexicon.Nation(StripPossessive(nameSpan));
        var nameStart = tokens[start].Start;
        var single = end - start == 1;
        // "USD", "US$ 40 billion": a currency, not a name.
        if (single && (EntityLexicon.CurrencyCodes.Has(lastWord) || (end < tokens.Count && text[tokens[end].Start] == '$' && tokens[end].Start == tokens[end - 1].End))) return;
        if (title is not null) { type = EntityType.Person; weight = 3; }
        else if (!single && end - start <= 3 && EntityLexicon.GivenNames.Has(WordSpan(text, tokens[start])) && !ExtractLexicon.OrgCues.Has(lastWord)
            && !ExtractLexicon.PlaceHeads.Has(lastWord) && !HasDigit(lastWord)) { type = EntityType.Person; weight = 3; }
        else if (first > 0 && IsOrdinal(text, prev) && ContainsUnitNoun(text, tokens, start, end))
        {
            type = EntityType.Unit; weight = 3;
            nameStart = prev.Start;
            name = text[prev.Start..prev.End] + " " + name;
        }
        else if (nation is NationWord.Country or NationWord.City) { type = EntityType.Place; weight = 3; }
        else if (FollowedByWeaponCue(text, tokens, end)) { type = EntityType.Weapon; weight = 2; }
        else if (ExampleOf(text, tokens, first) is { } kind) { type = kind; weight = 2; }
        else if (IsFinancialName(text, tokens, start, end, lastWord)) { type = EntityType.Financial; weight = 3; }
        else if (EntityLexicon.EventCues.Has(lastWord) || (end - start > 1 && EntityLexicon.EventCues.Has(Span(text, tokens, end - 2, end)))) { type = EntityType.Event; weight = 3; }
        else if (beforeTitle && nation is NationWord.None) { type = EntityType.Organization; weight = 2; }
        else if (IsProduct(text, tokens, start, end)) { type = EntityType.Product; weight = 3; }
        else if (ExtractLexicon.Outlets.Has(StripPossessive(nameSpan))) { type = EntityType.Organization; weight = 3; }
        else if (ExtractLexicon.OrgCues.Has(lastWord) || (end - start > 2 && ExtractLexicon.OrgCues.Has(WordSpan(text, tokens[start])))) { type = EntityType.Organization; weight = 3; }
        else if (end - start > 1 && ExtractLexicon.PlaceHeads.Has(lastWord)) { type = EntityType.Place; weight = 3; }
        else if (IsPlaceContext(text, tokens, first, end)) { type = EntityType.Place; weight = 2; }
        else if (FollowedByAny(text, tokens, end, ExtractLexicon.OrgModified)) { type = EntityType.Organization; weight = 2; }
        else if (end - start == 1 && WordTokenizer.IsAllCaps(text, tokens[start])) { type = EntityType.Organization; weight = 1; }
        // A single word that speaks is as often a company or a ministry ("Apple said") as a surname; surnames join their
        // full names when the document gives them.
        else if (FollowedBySpeechVerb(text, tokens, end))
        {
            // ... except after a direct quote ("”, X said"): organisations issue statements, people are quoted.
            var person = !single || EntityLexicon.GivenNames.Has(lastWord) || AfterQuote(text, tokens, first);
            type = person ? EntityType.Person : EntityType.Organization;
            weight = single ? 1 : 2;
        }
        else if (IsBracketedAfterPronoun(text, tokens, first, end)) { type = EntityType.Person; weight = 2; }
        else if (EndsWithPossessive(text, tokens[end - 1]) ? FollowedByAny(text, tokens, end, ExtractLexicon.PersonPossessions) : FollowedByAny(text, tokens, end, ExtractLexicon.PersonVerbs)) { type = EntityType.Person; weight = 1; }
        else if (end - start is 2 or 3 && IsDirection(WordSpan(text, tokens[start]))) { type = EntityType.Place; weight = 1; }
        // Two or three plain capitalised words without a given name: a surname-only person is as likely as a company
        // ("Aer Lingus", "Northrop Grumman"); only a person cue (a verb, a pronoun, a title elsewhere) types them.


        var apposition = Apposition(text, tokens, end);
        // '"...," said Maria Keller, a spokesperson': a name of two or three words spoken right after the verb is quoted as
        // a person (organisations issue statements: "said the Meteorological Service" has its organisation head).
        if (type == EntityType.Other && end - start is 2 or 3 && first > 0 && tokens[first - 1].IsWord && char.IsLower(text[tokens[first - 1].Start])
            && ExtractLexicon.SpeechVerbs.Has(WordSpan(text, tokens[first - 1]))) { type = EntityType.Person; weight = 2; }
        // '"...," said Maria Keller, a spokesperson': a name of two or three words spoken right after the verb is quoted as
        // a person (organisations issue statements: "said the Meteorological Service" has its organisation head).
        if (type == EntityType.Other && end - start is 2 or 3 && first > 0 && tokens[first - 1].IsWord && char.IsLower(text[tokens[first - 1].Start])
            && ExtractLexicon.SpeechVerbs.Has(WordSpan(text, tokens[first - 1]))) { type = EntityType.Person; weight = 2; }
        // An age in apposition ("Tomas, 30, ...") only ever describes a person.
        if (apposition is not null && char.IsDigit(apposition[0]) && weight < 2) { type = EntityType.Person; weight = 2; }
        var nameEnd = EndsWithPossessive(text, tokens[end - 1]) ? tokens[end - 1].End - 2 : tokens[end - 1].End;
        var speaks = FollowedBySpeechVerb(text, tokens, end) || (first > 0 && tokens[first - 1].IsWord && ExtractLexicon.SpeechVerbs.Has(WordSpan(text, tokens[first - 1])));
        // A lone given name described or speaking ("Mary, a 42-year-old trader, …"; "his first name, Luca, said") is a
        // person known by first name only, as news prose introduces people who withhold their surname.
        if (type == EntityType.Other && single && EntityLexicon.GivenNames.Has(StripPossessive(lastWord))
            && (apposition is not null || speaks || (end < tokens.Count && text[tokens[end].Start] == ','))) { type = EntityType.Person; weight = 2; }
        mentions.Add(new RawMention(nameStart, nameEnd, name, type, weight, title, apposition, sentence, IsNominal(text, tokens, first), speaks));
    }

    /// <summary>A name right after a closing quote ("...,” Maria said").</summary>
    private static bool AfterQuote(string text, List<WordToken> tokens, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 2; k--)
        {
            if (tokens[k].IsWord) return false;
            if (text[tokens[k].Start] is '”' or '"' or '\'' or '’' or '»') return true;
        }
        return false;
    }

    /// <summary>"iPhone 4", "Airbus A380", "MacBook Pro": a camel-case word or a model number marks a product.</summary>
    /// <summary>
    /// A market index by its head: "Dow Jones Industrial Average", "Nasdaq Composite", "FTSE 100 Index", a name
    /// followed by a lower-case "index" ("the Hang Seng index"), or an ampersand name with a number ("S&amp;P 500").
    /// </summary>
    private static bool IsFinancialName(string text, List<WordToken> tokens, int start, int end, ReadOnlySpan<char> lastWord) =>
        lastWord is "Average" or "Index" or "Composite" || FollowedByAny(text, tokens, end, FinancialHeads)
        // "S&P 500", "Standard & Poor's 500": a rating agency's name and a count of listed companies.
        || (end - start > 1 && HasDigit(lastWord) && Span(text, tokens, start, end).Contains('&'));

    private static readonly FrozenSet<string> FinancialHeads = FrozenSet.ToFrozenSet(["index", "indices", "indexes"], StringComparer.Ordinal);

    private static bool IsProduct(string text, List<WordToken> tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var w = WordSpan(text, tokens[k]);
            if (IsCamelCase(w) || (k > start && HasDigit(w)) || (HasDigit(w) && char.IsLetter(w[0]))) return true;
            if (k > start && w.Length > 2 && char.IsUpper(w[0]) && HasInnerCapital(w)) return true;
        }
        return false;
    }

    /// <summary>"MacBook", "PowerPoint": a capital after the first lower-case letter.</summary>
    private static bool HasInnerCapital(ReadOnlySpan<char> word)
    {
        var lower = false;
        foreach (var c in word)
        {
            if (char.IsLower(c)) lower = true;
            else if (char.IsUpper(c) && lower) return true;
            else if (!char.IsLetter(c)) return false;
        }
        return false;
    }

    /// <summary>True when the run is the sentence's subject: nothing but a preposition-free opening before it.</summary>
    private static bool IsNominal(string text, List<WordToken> tokens, int first)
    {
        for (var k = 0; k < first; k++)
        {
            if (!tokens[k].IsWord) continue;
            if (IsWord(text, tokens[k], "the", "The")) continue;
            if (IsTitleWord(text, tokens[k]) || IsModifier(text, tokens[k])) continue;
            return false;
        }
        return true;
    }

    private static bool IsTitle(string text, List<WordToken> tokens, int from, int to)
    {
        if (to <= from) return false;
        var span = Span(text, tokens, from, to);
        if (ExtractLexicon.Titles.Has(span)) return true;
        // "President-elect", "Vice-President".
        return span.EndsWith("-elect", StringComparison.Ordinal) && ExtractLexicon.Titles.Has(span[..^6]);
    }

    private static bool IsTitleStart(string text, List<WordToken> tokens, int p, int last)
    {
        for (var n = Math.Min(3, last - p); n >= 1; n--) if (IsTitle(text, tokens, p, p + n)) return true;
        return false;
    }

    private static bool IsTitleWord(string text, WordToken token) => token.IsWord && ExtractLexicon.Titles.Has(WordSpan(text, token));

    private static bool StartsName(string text, WordToken token)
    {
        if (!WordTokenizer.IsCapitalised(text, token)) return token.IsWord && IsCamelCase(WordSpan(text, token));
        var word = WordSpan(text, token);
        if (ExtractLexicon.FunctionWords.Has(word) || ExtractLexicon.FunctionWords.Has(StripPossessive(word))) return false;
        // "Virginia-based", "rebel-held": a capitalised word turned adjective is not part of a name; "No-one" is a pronoun.
        var dash = word.LastIndexOf('-');
        if (dash <= 0 || dash + 1 >= word.Length) return true;
        if (ExtractLexicon.FunctionWords.Has(word[..word.IndexOf('-')])) return false;
        return !char.IsLower(word[dash + 1]) || !(word.EndsWith("ed", StringComparison.Ordinal) || IsDemonym(word[..dash]) || ExtractLexicon.Nation(word[..dash]) != NationWord.None);
    }

    /// <summary>A surname with a joined lower-case particle ("al-Burhan", "el-Sisi", "bin-Salman"): up to three letters, a hyphen, a capital.</summary>
    private static bool IsParticleSurname(ReadOnlySpan<char> word)
    {
        var dash = word.IndexOf('-');
        if (dash is < 1 or > 3 || dash + 2 > word.Length || !char.IsUpper(word[dash + 1])) return false;
        for (var k = 0; k < dash; k++) if (!char.IsLower(word[k])) return false;
        return true;
    }

    /// <summary>"iPhone", "eBay", "iOS": a lower-case initial before a capital inside the word marks a product or brand name.</summary>
    internal static bool IsCamelCase(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || !char.IsLower(word[0])) return false;
        for (var k = 1; k < word.Length; k++)
        {
            if (char.IsUpper(word[k])) return k < word.Length - 1 || word.Length > 3;
            if (!char.IsLetter(word[k])) return false;
        }
        return false;
    }

    /// <summary>A model number after a name ("Boeing 747", "iPhone 4", "A320"): digits, maybe with letters, not a year.</summary>
    private static bool IsModelNumber(ReadOnlySpan<char> word)
    {
        if (word.Length is 0 or > 8 || !char.IsDigit(word[^1]) && !char.IsDigit(word[0])) return false;
        var digits = 0;
        foreach (var c in word) if (char.IsDigit(c)) digits++;
        if (digits == 0) return false;
        // "2024" after a name is a date ("March 2024", "Expo 2025" aside), "1,000" a count.
        if (digits == word.Length && (word.Length == 4 || word.Length > 4)) return false;
        return word.IndexOf(',') < 0;
    }

    private static bool HasDigit(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (char.IsDigit(c)) return true;
        return false;
    }

    private static bool IsConnector(string text, WordToken token) =>
        token.IsWord && WordSpan(text, token) is "of" or "for" or "the" or "and" or "de";

    private static bool IsWord(string text, WordToken token, string a, string b) =>
        token.IsWord && (WordSpan(text, token).SequenceEqual(a) || WordSpan(text, token).SequenceEqual(b));

    private static bool IsOrdinal(string text, WordToken token)
    {
        if (!token.IsWord || !char.IsDigit(text[token.Start])) return false;
        var w = WordSpan(text, token);
        return w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal)
            || w.EndsWith("rd", StringComparison.Ordinal) || w.EndsWith("th", StringComparison.Ordinal);
    }

    private static bool ContainsUnitNoun(string text, List<WordToken> tokens, int start, int end)
    {
        for (var k = start; k < end; k++) if (ExtractLexicon.UnitNouns.Has(WordSpan(text, tokens[k]))) return true;
        return false;
    }

    private static bool FollowedByWeaponCue(string text, List<WordToken> tokens, int end)
    {
        for (var k = end; k < Math.Min(tokens.Count, end + 3); k++)
        {
            var t = tokens[k];
            if (!t.IsWord || char.IsUpper(text[t.Start])) return false;
            if (ExtractLexicon.WeaponCues.Has(WordSpan(text, t))) return true;
        }
        return false;
    }

    private static bool FollowedBySpeechVerb(string text, List<WordToken> tokens, int end) => FollowedByAny(text, tokens, end, ExtractLexicon.SpeechVerbs, 2);

    /// <summary>True when one of the next <paramref name="window"/> tokens (words only) is in <paramref name="words"/>.</summary>
    private static bool FollowedByAny(string text, List<WordToken> tokens, int end, FrozenSet<string> words, int window = 1)
    {
        for (var k = end; k < Math.Min(tokens.Count, end + window); k++)
        {
            var t = tokens[k];
            if (!t.IsWord) return false;
            if (words.Has(WordSpan(text, t))) return true;
        }
        return false;
    }

    /// <summary>"he [Macron] wants": an editor's bracket naming a pronoun's referent names a person.</summary>
    private static bool IsBracketedAfterPronoun(string text, List<WordToken> tokens, int first, int end) =>
        first >= 2 && end < tokens.Count && text[tokens[first - 1].Start] == '[' && text[tokens[end].Start] == ']'
        && PronounGender(WordSpan(text, tokens[first - 2]), out _) != 0;

    private static bool IsPlaceContext(string text, List<WordToken> tokens, int first, int end)
    {
        var before = first > 0 && tokens[first - 1].IsWord ? WordSpan(text, tokens[first - 1]) : default;
        var before2 = first > 1 && !before.IsEmpty && tokens[first - 2].IsWord ? Span(text, tokens, first - 2, first) : default;
        if (first > 1 && before.SequenceEqual("the") && tokens[first - 2].IsWord) before = WordSpan(text, tokens[first - 2]);
        var after = end < tokens.Count && tokens[end].IsWord ? WordSpan(text, tokens[end]) : default;
        foreach (var (position, cue) in ExtractLexicon.PlaceCues)
        {
            if (position == "before" && (before.SequenceEqual(cue) || before2.SequenceEqual(cue))) return true;
            if (position == "after" && (after.Equals(cue, StringComparison.OrdinalIgnoreCase)
                || (after.Length == cue.Length + 1 && after[^1] == 's' && after.StartsWith(cue, StringComparison.OrdinalIgnoreCase)))) return true;
        }
        return false;
    }

    private static bool IsDirection(ReadOnlySpan<char> word) => word is "North" or "South" or "East" or "West" or "Northern" or "Southern" or "Eastern" or "Western" or "New";

    /// <summary>Nationality adjectives by their suffixes ("-ian", "-ean", "-ese", "-ish", "-ch", "-ern"), also hyphenated pairs.</summary>
    internal static bool IsDemonym(ReadOnlySpan<char> word)
    {
        if (ExtractLexicon.Nation(word) is NationWord.Adjective or NationWord.People) return true;
        var dash = word.IndexOf('-');
        if (dash > 0) return IsDemonym(word[..dash]) && IsDemonym(word[(dash + 1)..]);
        return word.Length > 4 && char.IsUpper(word[0]) &&
            (word.EndsWith("ian", StringComparison.Ordinal) || word.EndsWith("ean", StringComparison.Ordinal) || word.EndsWith("ese", StringComparison.Ordinal)
             || word.EndsWith("ish", StringComparison.Ordinal) || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("ern", StringComparison.Ordinal)
             || word.EndsWith("can", StringComparison.Ordinal));
    }

    /// <summary>A word that may precede a title or a name without being part of it: nationality, country, direction, "former".</summary>
    private static bool IsModifier(string text, WordToken token)
    {
        if (!token.IsWord) return false;
        var w = WordSpan(text, token);
        return IsDemonym(w) || IsDirection(w) || ExtractLexicon.Nation(w) == NationWord.Country || w is "former" or "Former" or "then" or "acting" or "Acting";
    }

    private static bool AllModifiers(string text, List<WordToken> tokens, int from, int to)
    {
        for (var k = from; k < to; k++) if (!IsModifier(text, tokens[k])) return false;
        return true;
    }

    /// <summary>An apposition after a name: ", the deputy commander of ...," or ", 30, a soldier in ...".</summary>
    private static string? Apposition(string text, List<WordToken> tokens, int end)
    {
        if (end >= tokens.Count || text[tokens[end].Start] != ',' || end + 1 >= tokens.Count) return null;
        var k = end + 1;
        var startToken = tokens[k];
        var first = WordSpan(text, startToken);
        var isAge = startToken.IsWord && char.IsDigit(first[0]) && first.Length <= 3;
        if (!isAge && first is not ("the" or "a" or "an")) return null;
        var stop = k;
        var commas = 0;
        while (stop < tokens.Count && stop - k < 20)
        {
            var c = text[tokens[stop].Start];
            if (!tokens[stop].IsWord && c is '.' or ';' or ':' or ')' or '—' or '(' or '“' or '"' or '”') break;
            if (c == ',')
            {
                // An age is followed by its own apposition: "Tomas, 30, a fisherman in ...".
                if (isAge && commas == 0 && stop + 1 < tokens.Count && WordSpan(text, tokens[stop + 1]) is "a" or "an" or "the") { commas++; stop++; continue; }
                break;
            }
            stop++;
        }
        if (stop == k) return null;
        return text[startToken.Start..tokens[stop - 1].End];
    }

    private static List<Entity> Resolve(ExtractionContext context, List<RawMention> mentions, List<Pronoun> pronouns)
    {
        // Group mentions by normalised name; short forms (one token equal to a token of a longer name) join the longer one.
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<Group>();
        foreach (var m in mentions)
        {
            var key = Key(m.Name);
            if (key.Length == 0) continue;
            if (!groups.TryGetValue(key, out var g)) { g = new Group(key); groups[key] = g; order.Add(g); }
            g.Mentions.Add(m);
        }
        var byToken = new Dictionary<string, List<Group>>(StringComparer.Ordinal);
        foreach (var g in order)
        {
            var parts = g.Key.Split(' ');
            if (parts.Length < 2) continue;
            foreach (var part in new[] { parts[0], parts[^1] })
            {
                if (!byToken.TryGetValue(part, out var list)) byToken[part] = list = [];
                if (!list.Contains(g)) list.Add(g);
            }
        }
        foreach (var g in order)
        {
            if (g.Key.Contains(' ', StringComparison.Ordinal)) continue;
            if (!byToken.TryGetValue(g.Key, out var owners)) continue;
            // Only an unambiguous owner: "Lindqvist" joins "Anna Lindqvist" unless two "... Lindqvist" exist.
            Group? longer = null;
            var live = 0;
            foreach (var o in owners) if (o.MergedInto is null) { longer = o; live++; }
            if (live != 1 || longer is null) continue;
            // Weak guesses ("X said" typed an organisation) do not keep a surname from its full name.
            if (!Compatible(longer.Vote(), g.Vote(minWeight: 2))) continue;
            longer.Mentions.AddRange(g.Mentions);
            g.MergedInto = longer;
        }

        // "GM" after "General Motors": an acronym joins the one longer name of the document it abbreviates.
        foreach (var g in order)
        {
            if (g.MergedInto is not null || g.Key.Contains(' ', StringComparison.Ordinal) || !EntityResolutionStage.LooksLikeAcronym(g.Mentions[0].Name)) continue;
            Group? full = null;
            var candidates = 0;
            foreach (var o in order)
                if (o.MergedInto is null && o.Key.Contains(' ', StringComparison.Ordinal) && EntityResolutionStage.InitialsOf(o.Key) == g.Key) { full = o; candidates++; }
            // "Singapore Airlines (SIA)": an acronym the document gives in brackets after the name it spells.
            if (candidates == 0)
                foreach (var m in g.Mentions)
                    if (m.Expansion is { } expansion && groups.TryGetValue(Key(expansion), out var bracketed) && bracketed.MergedInto is null && bracketed != g)
                        (full, candidates) = (bracketed, 1);
            if (candidates != 1 || full is null || full.Vote() is EntityType.Person or EntityType.Place || !Compatible(full.Vote(), g.Vote(minWeight: 2))) continue;
            full.Mentions.AddRange(g.Mentions);
            g.MergedInto = full;
        }

        var personMentions = new List<RawMention>();
        var owner = new Dictionary<RawMention, Group>(ReferenceEqualityComparer.Instance);
        var result = new List<(Group Group, EntityType Type)>();
        var types = new Dictionary<Group, EntityType>(ReferenceEqualityComparer.Instance);
        foreach (var g in order)
            if (g.MergedInto is null) types[g] = g.Vote();
        PeopleByPronoun(mentions, pronouns, groups, types);
        foreach (var g in order)
        {
            if (g.MergedInto is not null) continue;
            var type = types[g];
            result.Add((g, type));
            if (type != EntityType.Person) continue;
            foreach (var m in g.Mentions) { personMentions.Add(m); owner[m] = g; }
        }
        // "Boeing 787", "Airbus A380": the word a product name opens with, when also named alone, is its maker.
        HashSet<string>? makers = null;
        foreach (var (g, type) in result)
        {
            var space = g.Key.IndexOf(' ', StringComparison.Ordinal);
            if (type is EntityType.Product or EntityType.Weapon && space > 0) (makers ??= new(StringComparer.Ordinal)).Add(g.Key[..space]);
        }
        if (makers is not null)
            for (var k = 0; k < result.Count; k++)
                if (result[k].Type == EntityType.Other && makers.Contains(result[k].Group.Key)) result[k] = (result[k].Group, EntityType.Organization);
        personMentions.Sort((x, y) => x.Start.CompareTo(y.Start));
        var pronounMentions = new Dictionary<Group, List<(int, int)>>();
        foreach (var pronoun in pronouns)
        {
            var antecedent = Antecedent(personMentions, owner, pronoun);
            if (antecedent is null) continue;
            if (!pronounMentions.TryGetValue(antecedent, out var list)) pronounMentions[antecedent] = list = [];
            list.Add((pronoun.Start, pronoun.End));
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var entities = new List<Entity>();
        foreach (var (g, type) in result)
        {
            var spans = new List<(int Start, int End)>();
            foreach (var m in g.Mentions) spans.Add((m.Start, m.End));
            if (pronounMentions.TryGetValue(g, out var extra)) spans.AddRange(extra);
            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            // The longest form (most words, earliest first) names the entity; the other forms are its aliases.
            var best = g.Mentions[0];
            var bestWords = WordCount(best.Name);
            foreach (var m in g.Mentions)
            {
                var words = WordCount(m.Name);
                if (words > bestWords || (words == bestWords && m.Start < best.Start)) { best = m; bestWords = words; }
            }
            var name = best.Name;
            var aliases = new List<string>();
            foreach (var m in g.Mentions)
                if (!string.Equals(m.Name, name, StringComparison.Ordinal) && !aliases.Contains(m.Name)) aliases.Add(m.Name);
            aliases.Sort(StringComparer.Ordinal);
            var descriptions = new List<string>();
            foreach (var m in g.Mentions)
            {
                if (m.Title is not null && !descriptions.Contains(m.Title)) descriptions.Add(m.Title);
                if (m.Apposition is not null && !descriptions.Contains(m.Apposition)) descriptions.Add(m.Apposition);
            }
            var id = LocalId(type, Key(name));
            var unique = id;
            for (var n = 2; !used.Add(unique); n++) unique = id + "-" + n.ToString(CultureInfo.InvariantCulture);
            entities.Add(new Entity
            {
                Id = unique,
                Name = name,
                Type = type,
                Aliases = aliases,
                Descriptions = descriptions,
                Mentions = ToSpans(context, spans),
            });
        }
        return entities;
    }

    /// <summary>
    /// A "he" or "she" is evidence that the name it refers to is a person's: "Dariusz Okonjo, a baker, kept his shop
    /// open. … he said" has no title, no known given name and no person verb, but the pronoun has no other antecedent.
    /// Going back from a subject pronoun through its own and the previous sentence, the first name met that is the
    /// subject of its sentence decides: an untyped name shaped like a person's (two or three capitalised words of
    /// letters) becomes a person; a person, or a subject of any other type, leaves everything as it is.
    /// </summary>
    private static void PeopleByPronoun(List<RawMention> mentions, List<Pronoun> pronouns, Dictionary<string, Group> groups, Dictionary<Group, EntityType> types)
    {
        if (pronouns.Count == 0) return;
        var sorted = new List<RawMention>(mentions);
        sorted.Sort((x, y) => x.Start.CompareTo(y.Start));
        foreach (var pronoun in pronouns)
        {
            if (!pronoun.Subject) continue;
            for (var k = LowerBoundMention(sorted, pronoun.Start) - 1; k >= 0 && pronoun.Sentence - sorted[k].Sentence <= 1; k--)
            {
                var m = sorted[k];
                if (!groups.TryGetValue(Key(m.Name), out var g)) continue;
                while (g.MergedInto is not null) g = g.MergedInto;
                var type = types.GetValueOrDefault(g, EntityType.Other);
                if (type == EntityType.Person) break;
                if (!m.Nominal) continue;
                if (type == EntityType.Other && LooksLikePersonalName(m.Name)) types[g] = EntityType.Person;
                break;
            }
        }
    }

    /// <summary>Two or three capitalised words of letters (hyphens and apostrophes inside allowed): "Dariusz Okonjo", not "iPhone 4", "NATO HQ" or "Acme &amp; Co".</summary>
    private static bool LooksLikePersonalName(string name)
    {
        var words = name.Split(' ');
        if (words.Length is < 2 or > 3) return false;
        foreach (var w in words)
        {
            // "McCain" is a surname, "NATO" and "iPhone" are not.
            if (w.Length < 2 || !char.IsUpper(w[0]) || !w.Any(char.IsLower)) return false;
            foreach (var c in w) if (!char.IsLetter(c) && c is not '-' and not '\'' and not '’') return false;
        }
        return true;
    }

    /// <summary>
    /// The person a pronoun refers to, from its own sentence before it, else from the nearest earlier sentence naming a
    /// person (within 600 characters): that sentence's subject, else the person it quotes ("..., said Tomas"), else the
    /// nearest; a person whose title marks the other gender is skipped. "Lindqvist met the mayor. He added" is Lindqvist.
    /// </summary>
    private static Group? Antecedent(List<RawMention> people, Dictionary<RawMention, Group> owner, Pronoun pronoun)
    {
        var idx = LowerBoundMention(people, pronoun.Start) - 1;
        if (idx < 0 || pronoun.Start - people[idx].Start > 600) return null;
        var sentence = -1;
        Group? nearest = null;
        Group? subject = null;
        Group? speaker = null;
        for (var k = idx; k >= 0 && pronoun.Start - people[k].Start <= 600; k--)
        {
            var m = people[k];
            var g = owner[m];
            if (g.Gender() is var gender && gender != 0 && gender != pronoun.Gender) continue;
            if (sentence >= 0 && m.Sentence != sentence) break;
            sentence = m.Sentence;
            nearest ??= g;
            if (m.Nominal) subject = g;
            if (m.Speaks) speaker ??= g;
        }
        return subject ?? speaker ?? nearest;
    }

    private static int LowerBoundMention(List<RawMention> list, int start)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (list[mid].Start < start) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    // A product's first word is its maker ("Boeing" in "Boeing 787"), not a short form of it.
    private static int WordCount(string name)
    {
        var n = 1;
        foreach (var c in name) if (c == ' ') n++;
        return n;
    }

    private static List<TextSpan> ToSpans(ExtractionContext context, List<(int Start, int End)> spans)
    {
        var list = new List<TextSpan>(spans.Count);
        foreach (var (start, end) in spans) list.Add(context.Span(start, end));
        return list;
    }

    private static bool Compatible(EntityType owner, EntityType shortForm) =>
        owner == shortForm || (owner != EntityType.Product && CompatibleShort(owner, shortForm));

    private static bool CompatibleShort(EntityType owner, EntityType shortForm) =>
        owner == shortForm || shortForm is EntityType.Other or EntityType.Person && owner == EntityType.Person
        || (owner != EntityType.Person && shortForm == EntityType.Other);

    /// <summary>The document-local id of an entity: its type and a slug of its name.</summary>
    internal static string LocalId(EntityType type, string key) =>
        type.ToString().ToLowerInvariant() + ":" + key.Replace(' ', '-');

    /// <summary>Lower case, possessive stripped, single spaces.</summary>
    internal static string Key(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in StripPossessive(name))
        {
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if ((c == ' ' || c == '-') && builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
        }
        return builder.ToString().Trim();
    }

    private static string StripPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;

    private static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;

    private static bool EndsWithPossessive(string text, WordToken token) =>
        token.Length > 2 && text[token.End - 1] == 's' && text[token.End - 2] is '\'' or '’';

    private static ReadOnlySpan<char> WordSpan(string text, WordToken token) => text.AsSpan(token.Start, token.Length);

    /// <summary>The text of tokens [from, to) as written (single spaces in news text make it the lexicon key).</summary>
    private static ReadOnlySpan<char> Span(string text, List<WordToken> tokens, int from, int to) =>
        to <= from ? default : text.AsSpan(tokens[from].Start, tokens[to - 1].End - tokens[from].Start);

    /// <summary>The words of tokens [from, to) joined by single spaces; brackets and other marks are left out.</summary>
    private static string Join(string text, List<WordToken> tokens, int from, int to)
    {
        var builder = new StringBuilder();
        for (var k = from; k < to; k++)
        {
            // Punctuation is left out of a name, but for the ampersand of "Standard & Poor's".
            if (!tokens[k].IsWord && text[tokens[k].Start] != '&') continue;
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(text, tokens[k].Start, tokens[k].Length);
        }
        return builder.ToString();
    }

    private sealed class OpenerEvidence
    {
        public bool Inner { get; set; }
        public bool Lower { get; set; }
    }

    private readonly record struct Pronoun(int Start, int End, int Sentence, int Gender, bool Subject);

    private sealed record RawMention(int Start, int End, string Name, EntityType Type, int Weight, string? Title, string? Apposition, int Sentence, bool Nominal, bool Speaks)
    {
        /// <summary>The name this acronym follows in brackets and spells ("SIA" after "Singapore Airlines"), if any.</summary>
        public string? Expansion { get; init; }
    }

    private sealed class Group(string key)
    {
        public string Key { get; } = key;
        public List<RawMention> Mentions { get; } = [];
        public Group? MergedInto { get; set; }

        /// <summary>1 male, 2 female, 0 unknown: from a gendered title ("Mrs", "Sir") first, else a first name that marks one.</summary>
        public int Gender()
        {
            foreach (var m in Mentions)
                if (m.Title is not null && EntityLexicon.GenderOfTitle(m.Title) is var titled and not 0) return titled;
            foreach (var m in Mentions)
                if (EntityLexicon.GenderOfName(m.Name) is var gender and not 0) return gender;
            return 0;
        }

        public EntityType Vote(int minWeight = 0)
        {
            Span<int> scores = stackalloc int[EntityTypeVotes.Count];
            foreach (var m in Mentions) if (m.Weight >= minWeight) scores[(int)m.Type] += m.Weight;
            return EntityTypeVotes.Best(scores, otherCompetes: true);
        }
    }
}
