using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Extract.Claims;

/// <summary>
/// Finds status claims (a person or thing killed, wounded, captured, unharmed, destroyed, missing, not seen, escaped)
/// and event claims (launched, seized, retook, shot down ...) in body sentences. The subject is the nearest entity
/// before the status word, a definite title ("the general") or pronoun resolved to the last person named, or the
/// noun phrase before the auxiliary; the attribution and hedge come from the same sentence; event time comes from a
/// time expression in the same sentence when the time extractor found one.
/// </summary>
public sealed class ClaimExtractor : IExtractor
{
    private static readonly string[] Hedges = ["reportedly", "allegedly", "according to", "reported", "claimed", "rumors", "rumours", "unconfirmed", "possibly", "may have", "might have", "likely", "appears", "apparently", "is said to", "believed to"];
    // "remain missing", "were left dead": copulas a status adjective follows count as the auxiliary.
    private static readonly string[] Auxiliaries = ["was", "were", "is", "are", "been", "being", "be", "has", "have", "had", "got", "remain", "remains", "remained", "left"];

    private static readonly Lazy<ClaimLexicon> Lexicon = new(() => new ClaimLexicon(Hedges, ExtractLexicon.StatusWords, ExtractLexicon.EventVerbs));

    /// <inheritdoc />
    public void Extract(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text;
        var lexicon = Lexicon.Value;
        var speakers = context.Speakers;
        var frames = new AttributionFrames(text);
        var matches = new List<ClaimWordMatch>();
        var statuses = new List<ClaimWordMatch>();
        var events = new List<ClaimWordMatch>();
        var taken = new List<(int Start, int End)>();
        // Bearers named so far in a sentence, by position: "two people were killed and at least 11 injured" leaves the
        // second bearer to the first.
        var bearers = new List<(int Position, (string Key, string Name) Bearer)>();
        var ordered = new List<(int Index, string Word, string Value)>();
        // What the sentence already said: one sentence that says a status of one bearer twice ("could be seen going in,
        // and could later be seen leaving") makes one claim, not two with one id.
        var said = new HashSet<(string Subject, string Status)>();
        for (var sentenceIndex = 0; sentenceIndex < context.Sentences.Count; sentenceIndex++)
        {
            var sentence = context.Sentences[sentenceIndex];
            // One pass finds every hedge, status word and event verb of the sentence; most sentences have none.
            matches.Clear();
            lexicon.Scan(text, sentence.Start, sentence.End, matches);
            if (matches.Count == 0) continue;
            var tokens = context.WordsOf(sentenceIndex);
            Attribution? attribution = null;
            var attributionDone = false;
            string? hedge = null;
            var hedgeIndex = int.MaxValue;
            statuses.Clear();
            events.Clear();
            foreach (var m in matches)
            {
                if (m.Kind == ClaimWordKind.Hedge) { if (m.Index < hedgeIndex) hedgeIndex = m.Index; }
                else (m.Kind == ClaimWordKind.Status ? statuses : events).Add(m);
            }
            if (hedgeIndex != int.MaxValue) hedge = lexicon.Hedges[hedgeIndex];
            taken.Clear();
            bearers.Clear();
            said.Clear();
            // In sentence order (the lexicon's order decided overlaps), so an elided bearer can borrow from the one before it.
            ordered.Clear();
            ordered.AddRange(Occurrences(lexicon.StatusWords, statuses, tokens, taken));
            ordered.Sort(static (a, b) => a.Index.CompareTo(b.Index));
            foreach (var (index, word, status) in ordered)
            {
                (string Key, string Name)? subject;
                if (PrecededByNumber(text, tokens, index))
                {
                    subject = Elided(bearers, tokens[index].Start);
                    if (subject is null) continue;
                }
                else
                {
                    var bearer = StatusBearer(text, tokens, index);
                    if (bearer == Bearer.None) continue;
                    subject = bearer == Bearer.Subject ? Subject(context, speakers, tokens, index, sentence.Start)
                        : StatusBearers.After(text, speakers, tokens, index + 1);
                    // "troops have killed themselves": the reflexive object is the subject.
                    if (bearer == Bearer.Object && subject is { } done && StatusBearers.IsReflexive(done.Name))
                        subject = StatusBearers.Before(text, speakers, tokens, AuxiliaryChainStart(text, tokens, index, active: true) is var chain and > 0 ? chain : index);
                    if (subject is { } named && IsFigure(named.Name)) subject = Elided(bearers, tokens[index].Start) ?? subject;
                }
                if (subject is null) continue;
                // "a woman walking outside a store in Riverton was killed": a town or a street may be damaged or
                // destroyed, but it is not killed, hurt, arrested or fled; the phrase reached a place in a modifier.
                if (OfTheLiving(word, status) && IsPlace(context, subject.Value.Key)) continue;
                // "no one was hurt", "none of the crew was injured": a negative quantifier puts the status in the scope
                // of its negation; the claim is that those named after it were not hurt, not a fate of "no one".
                var quantified = NegativeQuantifier(subject.Value);
                if (quantified is not null) subject = quantified;
                bearers.Add((tokens[index].Start, subject.Value));
                if (!attributionDone) { attribution = AttributionOf(frames, speakers, sentence, tokens); attributionDone = true; }
                var negated = !status.StartsWith("not-", StringComparison.Ordinal) && (quantified is not null || Negated(text, tokens, index));
                var finalStatus = negated ? "not-" + status : status;
                if (!said.Add((subject.Value.Key, finalStatus))) continue;
                context.Claims.Add(new ClaimDraft
                {
                    Kind = ClaimKind.Status,
                    Text = subject.Value.Name + ": " + finalStatus,
                    Subject = subject.Value.Key,
                    Status = finalStatus,
                    Mention = new Mention { Span = context.Span(sentence.Start, sentence.End), Attribution = attribution, Hedge = hedge, Modality = ClaimModality.Of(text, sentence.Start, tokens[index].Start) },
                    Keys = [subject.Value.Name.ToLowerInvariant(), finalStatus],
                });
            }
            foreach (var (index, word, eventType) in Occurrences(lexicon.EventVerbs, events, tokens, taken))
            {
                var subject = Agent(text, speakers, tokens, index);
                var obj = Patient(text, speakers, tokens, index + WordCount(word));
                // An event needs who did it and what it was done to, each next to the verb: "Tomas said, 400 rebel
                // troops launched an assault" is not "Tomas launched", "launched an incursion into X" is not "launched X",
                // and a river liberates nothing. Without both the sentence's figures and quotes carry it instead.
                if (obj is null || subject is null) continue;
                if (!attributionDone) { attribution = AttributionOf(frames, speakers, sentence, tokens); attributionDone = true; }
                var time = TimeIn(context, sentence.Start, sentence.End);
                var keys = new List<string> { eventType };
                if (subject is not null) keys.Add(subject.Name.ToLowerInvariant());
                keys.Add(obj.Name.ToLowerInvariant());
                context.Claims.Add(new ClaimDraft
                {
                    Kind = ClaimKind.Event,
                    Text = subject is null ? word + " " + obj.Name : subject.Name + " " + word + " " + obj.Name,
                    Subject = subject?.Id ?? obj.Id,
                    Status = eventType,
                    Time = time is null ? null : new DateRange { Start = time.Start, End = time.End },
                    TimeSource = time,
                    // "wants to show it has regained control" is an aim, not a report that it did: it corroborates nothing.
                    Mention = new Mention { Span = context.Span(sentence.Start, sentence.End), Attribution = attribution, Hedge = hedge, Modality = ClaimModality.Of(text, sentence.Start, tokens[index].Start) },
                    Keys = keys,
                });
            }
        }
    }

    private static int WordCount(string phrase)
    {
        var count = 1;
        foreach (var c in phrase) if (c == ' ') count++;
        return count;
    }

    private static Attribution? AttributionOf(AttributionFrames frames, SpeakerResolver speakers, Text.Sentence sentence, List<WordToken> tokens)
    {
        var reported = frames.Reported(sentence, tokens, speakers);
        return reported is null ? null : new Attribution { Speaker = reported.Value.Speaker, Via = reported.Value.Via };
    }

    private static TimeExpression? TimeIn(ExtractionContext context, int start, int end)
    {
        foreach (var t in context.Times) if (t.Span.Start >= start && t.Span.End <= end) return t;
        return null;
    }

    /// <summary>The nearest bearer named before <paramref name="position"/> in the sentence, for a status whose own bearer is only a count.</summary>
    private static (string Key, string Name)? Elided(List<(int Position, (string Key, string Name) Bearer)> bearers, int position)
    {
        (string Key, string Name)? best = null;
        var bestAt = -1;
        foreach (var (at, bearer) in bearers)
            if (at < position && at > bestAt && !IsFigure(bearer.Name)) (best, bestAt) = (bearer, at);
        return best;
    }

    // A bearer phrase that is only a count or quantifier ("at least 11", "about 12 million", "dozens more").
    private static bool IsFigure(string phrase)
    {
        var tokens = WordTokenizer.Tokenize(phrase, 0, phrase.Length);
        return StatusBearers.IsFigureOnly(phrase, tokens, 0, tokens.Count);
    }

    /// <summary>
    /// True for a status only the living bear: killed, wounded, unharmed, escaped, missing, and the custody words said of
    /// people ("arrested", "detained"); a town can be captured, damaged or seen, not arrested.
    /// </summary>
    private static bool OfTheLiving(string word, string status) =>
        status is "killed" or "wounded" or "unharmed" or "escaped" or "missing" || word is "arrested" or "detained";

    private static bool IsPlace(ExtractionContext context, string key)
    {
        foreach (var entity in context.Entities) if (entity.Id == key) return entity.Type == EntityType.Place;
        return false;
    }

    private static (string Key, string Name)? Subject(ExtractionContext context, SpeakerResolver speakers, List<WordToken> tokens, int index, int sentenceStart)
    {
        // The grammatical subject first: the noun phrase before the auxiliary chain ("a convoy of trucks was damaged",
        // "police said two people were killed" → "people"), or before the verb itself ("the commander died").
        // "Gaskin said that … but that he died": a "he" or "she" just before the status word, in a clause a speech verb
        // reports, is not the reporter, whom the entity extractor's own pronoun reading may give it.
        for (var k = index - 1; k >= 0 && index - k <= 4 && tokens[k].Start >= sentenceStart; k--)
        {
            if (!tokens[k].IsWord || context.Text.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start) is not ("he" or "she" or "He" or "She")) continue;
            if (ReportingVerb(context.Text, tokens, k, sentenceStart) is not { } verb) break;
            return speakers.NearestPersonReported(tokens[k].Start, sentenceStart, tokens[verb].Start) is { } reported ? (reported.Id, reported.Name) : null;
        }
        var chain = AuxiliaryChainStart(context.Text, tokens, index);
        // An intransitive verb ("died", "fled", "escaped") has its subject right before it, past adverbs ("the third
        // victim later died"); a name elsewhere in the sentence (the one who said so) is not it.
        // A coordinated subject ("the newlywed and father died") is left to the readings below. A description there
        // ("the third victim died") is not given a name from elsewhere in the sentence, and is not a bearer either: a
        // story's claims are kept to named bearers and passives, where the extract gold was measured.
        var intransitive = false;
        if (chain < 0 && IsIntransitiveVerb(context.Text, tokens[index]))
        {
            var verb = index;
            while (verb > 1 && StatusBearers.IsAdverb(context.Text, tokens[verb - 1])) verb--;
            if (!StatusBearers.IsCoordinated(context.Text, tokens, verb)) (chain, intransitive) = (verb, true);
        }
        if (chain > 0 && StatusBearers.Before(context.Text, speakers, tokens, chain) is { } phrase)
        {
            // An untyped name there ("Novak fled") is still the bearer; a description is not.
            if (intransitive && !IsPronounOrTitle(phrase.Name) && phrase.Key == phrase.Name)
                return speakers.EntityAt(tokens[chain - 1].Start, tokens[chain - 1].End) is { } named ? (named.Id, named.Name) : null;
            if (!IsPronounOrTitle(phrase.Name)) return phrase;
            if (Antecedent(context.Text, speakers, tokens, chain, sentenceStart) is { } antecedent) return (antecedent.Id, antecedent.Name);
        }
        // "…, then was arrested": the subject is in an earlier clause; a name near the verb is no better a guess.
        else if (chain > 0 && StatusBearers.IsAdverb(context.Text, tokens[chain - 1])) return null;
        var person = EntityBefore(speakers, tokens, index, sentenceStart, person: true);
        if (person is not null) return (person.Id, person.Name);
        // "the general was killed", "he was wounded": the last person named before this sentence.
        for (var k = index - 1; k >= 0 && index - k <= 4; k--)
        {
            var w = context.Text[tokens[k].Start..tokens[k].End];
            var titled = k > 0 && context.Text[tokens[k - 1].Start..tokens[k - 1].End] == "the" && ExtractLexicon.Titles.Contains(char.ToUpperInvariant(w[0]) + w[1..]);
            if (titled || w is "he" or "she" or "He" or "She")
            {
                var antecedent = Antecedent(context.Text, speakers, tokens, k, sentenceStart);
                if (antecedent is not null) return (antecedent.Id, antecedent.Name);
            }
        }
        var other = EntityBefore(speakers, tokens, index, sentenceStart, person: false);
        if (other is not null) return (other.Id, other.Name);
        return null;
    }

    /// <summary>
    /// The person a pronoun or title at token <paramref name="at"/> stands for: the last person named before it, but in a
    /// clause reported by a speech verb earlier in the sentence ("Gaskin said that … but that he died") not the one who
    /// reports it (<see cref="SpeakerResolver.NearestPersonReported"/>).
    /// </summary>
    private static Entity? Antecedent(string text, SpeakerResolver speakers, List<WordToken> tokens, int at, int sentenceStart) =>
        ReportingVerb(text, tokens, at, sentenceStart) is { } verb
            ? speakers.NearestPersonReported(tokens[at].Start, sentenceStart, tokens[verb].Start)
            : speakers.NearestPerson(tokens[at].Start);

    /// <summary>The last speech verb before token <paramref name="at"/> in its sentence ("said", "told"), or null.</summary>
    private static int? ReportingVerb(string text, List<WordToken> tokens, int at, int sentenceStart)
    {
        for (var k = at - 1; k >= 0 && tokens[k].Start >= sentenceStart; k--)
            if (tokens[k].IsWord && ExtractLexicon.SpeechVerbs.Contains(text[tokens[k].Start..tokens[k].End])) return k;
        return null;
    }

    // A past-tense status verb that takes no object: not a participle the lexicon also lists as done-to ("killed"), not
    // an adjective ("dead", "unharmed", "missing").
    private static bool IsIntransitiveVerb(string text, WordToken token)
    {
        var word = text.AsSpan(token.Start, token.Length);
        return word.EndsWith("ed", StringComparison.Ordinal) && !word.StartsWith("un", StringComparison.OrdinalIgnoreCase) && !Contains(DoneTo, word);
    }

    /// <summary>
    /// The first token of the auxiliary chain before the status word at <paramref name="index"/> ("were", "have been",
    /// "are thought to have been", "remain", "was among the"), or -1 when the word has none within two words.
    /// </summary>
    private static int AuxiliaryChainStart(string text, List<WordToken> tokens, int index, bool active = false)
    {
        var pivot = AmongThe(text, tokens, index) ? index - 2 : index;
        var aux = pivot - 1;
        // An active verb's auxiliaries ("have killed") stand right before it.
        while (aux >= 0 && tokens[aux].IsWord && !IsAuxiliary(text, tokens[aux]) && pivot - aux <= (active ? 0 : 2)) aux--;
        if (aux < 1 || !tokens[aux].IsWord || !IsAuxiliary(text, tokens[aux])) return -1;
        // Adverbs between the subject and its verb ("soldiers have also been killed") are not the subject: an adverb
        // with an auxiliary before it belongs to the chain.
        while (aux > 1 && tokens[aux - 1].IsWord)
        {
            if (IsAuxiliary(text, tokens[aux - 1]) || Contains(RaisingChain, text.AsSpan(tokens[aux - 1].Start, tokens[aux - 1].End - tokens[aux - 1].Start))) aux--;
            else if (aux > 2 && StatusBearers.IsAdverb(text, tokens[aux - 1]) && tokens[aux - 2].IsWord && IsAuxiliary(text, tokens[aux - 2])) aux -= 2;
            else break;
        }
        return aux;
    }

    // "was among the injured": the subject is counted among those with the status.
    private static bool AmongThe(string text, List<WordToken> tokens, int index) =>
        index >= 2 && text.AsSpan(tokens[index - 1].Start, tokens[index - 1].Length).Equals("the", StringComparison.OrdinalIgnoreCase)
        && text.AsSpan(tokens[index - 2].Start, tokens[index - 2].Length).Equals("among", StringComparison.OrdinalIgnoreCase);

    private static bool IsPronounOrTitle(string phrase)
    {
        if (phrase is "he" or "she" or "He" or "She") return true;
        var space = phrase.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && phrase.AsSpan(0, space).Equals("the", StringComparison.OrdinalIgnoreCase) && phrase.IndexOf(' ', space + 1) < 0
            && ExtractLexicon.Titles.Contains(char.ToUpperInvariant(phrase[space + 1]) + phrase[(space + 2)..]);
    }

    /// <summary>
    /// Statuses a verb gives to what it was done to ("killed", "captured", "destroyed"): the sentence's subject has that
    /// status only in the passive ("the general was killed", "were left dead or wounded", "has not been seen").
    /// "Mali had captured the town" says nothing of Mali's fate; "the captured territory" is a modifier.
    /// </summary>
    private static readonly string[] DoneTo = ["killed", "slain", "eliminated", "wounded", "injured", "hurt", "captured", "detained", "arrested", "destroyed", "damaged", "seen"];

    private static readonly string[] PassiveAuxiliaries = ["was", "were", "is", "are", "been", "being", "be", "got", "get", "gets"];

    private static readonly string[] RaisingChain = ["to", "thought", "said", "believed", "reported", "known", "feared", "understood", "likely", "presumed", "assumed", "confirmed"];

    private static readonly string[] ClauseBreaks = ["but", "while", "whereas", "although", "though", "however"];

    /// <summary>Whose status a status word states: the clause's subject, the verb's object, or nobody.</summary>
    private enum Bearer
    {
        None,
        Subject,
        Object,
    }

    /// <summary>
    /// Whose status the status word at <paramref name="index"/> states: an adjective or intransitive verb ("dead",
    /// "died", "unharmed") and a passive ("was killed") state the subject's; an active transitive verb ("forces
    /// captured the town") its object's; a modifier ("the captured territory") nobody's.
    /// </summary>
    private static Bearer StatusBearer(string text, List<WordToken> tokens, int index)
    {
        var word = text[tokens[index].Start..tokens[index].End];
        if (AmongThe(text, tokens, index)) return Bearer.Subject;
        // "the region's largest captured settlement": a participle after a superlative modifies the noun that follows.
        if (index > 0 && tokens[index - 1].Length > 4 && char.IsLower(text[tokens[index - 1].Start]) && text.AsSpan(tokens[index - 1].Start, tokens[index - 1].Length).EndsWith("est", StringComparison.Ordinal)) return Bearer.None;
        if (index > 0 && (ExtractLexicon.Determiners.Has(text.AsSpan(tokens[index - 1].Start, tokens[index - 1].End - tokens[index - 1].Start))
            || text[tokens[index - 1].Start..tokens[index - 1].End] is "s" or "’s" or "'s")) return Bearer.None;
        if (index > 0 && IsModifierPosition(text, tokens, index)) return Bearer.None;
        var next = index + 1 < tokens.Count && tokens[index + 1].IsWord ? text[tokens[index + 1].Start..tokens[index + 1].End] : "";
        // Other senses of status words: "is survived by his wife" says he died; "eliminated from the tournament" and
        // "missing two games" (the verb "miss" with its object) say nothing of anyone's fate.
        if ((word == "survived" && next == "by") || (word == "eliminated" && next == "from")) return Bearer.None;
        // "Nichols had escaped the death penalty", "escaped injury": with such an object "escaped" means avoided, and
        // joined the flight from custody of the same man as one claim.
        if (word is "escaped" or "fled" && AvoidedObject(text, tokens, index + 1)) return Bearer.None;
        if (word == "missing" && next.Length > 0 && (char.IsDigit(next[0]) || NumberWords.IsNumberWord(next) || ExtractLexicon.Determiners.Has(next) || next is "his" or "her" or "their" or "its")) return Bearer.None;
        if (!Contains(DoneTo, word)) return Bearer.Subject;
        for (var k = index - 1; k >= 0 && index - k <= 4; k--)
        {
            if (!tokens[k].IsWord) { if (text[tokens[k].Start] is ',' or ';') break; continue; }
            var w = text[tokens[k].Start..tokens[k].End];
            if (Contains(PassiveAuxiliaries, w)) return Bearer.Subject;
            if (Contains(ClauseBreaks, w)) break;
        }
        // "researchers have seen the attack spread": the active "seen" tells what someone saw, not that anyone was seen.
        return word == "seen" ? Bearer.None : Bearer.Object;
    }

    /// <summary>Words of an object after "escaped" read for what it avoids (<see cref="ExtractLexicon.EscapeAvoided"/>): "the death penalty".</summary>
    private const int AvoidedReach = 3;

    /// <summary>
    /// True when the object starting at token <paramref name="start"/> is a thing one escapes by avoiding it (a word of
    /// <see cref="ExtractLexicon.EscapeAvoided"/> within <see cref="AvoidedReach"/> words, before any mark or
    /// preposition: "escaped from custody" and "escaped and went" have no object).
    /// </summary>
    private static bool AvoidedObject(string text, List<WordToken> tokens, int start)
    {
        for (var k = start; k < tokens.Count && k < start + AvoidedReach && tokens[k].IsWord; k++)
        {
            var w = text[tokens[k].Start..tokens[k].End];
            if (ExtractLexicon.EscapeAvoided.Contains(w)) return true;
            if (Contains(ModifiedAfter, w) || w is "to" or "and" or "or" or "after" or "when" or "as" or "by") return false;
        }
        return false;
    }

    /// <summary>
    /// True when the participle at <paramref name="index"/> modifies the noun after it: right after a preposition ("on
    /// injured reserve", "with wounded soldiers") or after a determiner and a count ("the two wounded men").
    /// </summary>
    private static bool IsModifierPosition(string text, List<WordToken> tokens, int index)
    {
        var before = tokens[index - 1];
        if (!before.IsWord) return false;
        var w = text.AsSpan(before.Start, before.Length);
        if (Contains(ModifiedAfter, w)) return true;
        return index > 1 && tokens[index - 2].IsWord && (char.IsDigit(w[0]) || NumberWords.IsNumberWord(w.ToString()))
            && ExtractLexicon.Determiners.Has(text.AsSpan(tokens[index - 2].Start, tokens[index - 2].Length));
    }

    // Prepositions after which a participle can only modify a noun ("to" is left out: "to hurt" is a verb).
    private static readonly string[] ModifiedAfter = ["on", "in", "at", "with", "for", "from", "into", "of", "about", "against", "among"];

    private static bool Contains(string[] words, ReadOnlySpan<char> word)
    {
        foreach (var w in words) if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static Entity? EntityBefore(SpeakerResolver speakers, List<WordToken> tokens, int index, int sentenceStart, bool person)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            // The subject is in the status word's own clause: "Tomas said, but the soldier died" is not Tomas's death.
            if (tokens[k].IsWord && Contains(ClauseBreaks, speakers.Text.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start))) break;
            var e = speakers.EntityAt(tokens[k].Start, tokens[k].End);
            if (e is null) continue;
            // "the man had been flown to X … and pronounced dead": a name behind a preposition is where or with whom,
            // never the subject.
            var first = k;
            while (first > 0 && speakers.EntityAt(tokens[first - 1].Start, tokens[first - 1].End) == e) first--;
            if (StatusBearers.IsPrepositionalObject(speakers.Text, tokens, first)) { k = first; continue; }
            if (person && e.Type != EntityType.Person) continue;
            return e;
        }
        _ = sentenceStart;
        return null;
    }

    /// <summary>
    /// The agent of an event verb: an entity ending just before it, with only auxiliaries and adverbs between ("Chile
    /// has reportedly retaken"); a person, organisation, unit or country (a river or a town does not act).
    /// </summary>
    private static Entity? Agent(string text, SpeakerResolver speakers, List<WordToken> tokens, int verb)
    {
        for (var k = verb - 1; k >= 0 && verb - k <= 4; k--)
        {
            if (!tokens[k].IsWord) return null;
            var e = speakers.EntityAt(tokens[k].Start, tokens[k].End);
            // "Chile said that it had shot down ...": "it" or "they" is the nearest actor named before in the sentence.
            if (e is null && text.AsSpan(tokens[k].Start, tokens[k].Length) is "it" or "they")
                for (var b = k - 1; b >= 0 && e is null; b--)
                    if (speakers.EntityAt(tokens[b].Start, tokens[b].End) is { } before && CanAct(before)) e = before;
            if (e is not null) return CanAct(e) ? e : null;
            if (!IsAuxiliary(text, tokens[k]) && !text.AsSpan(tokens[k].Start, tokens[k].Length).EndsWith("ly", StringComparison.Ordinal)) return null;
        }
        return null;
    }

    private static bool CanAct(Entity e) =>
        e.Type is EntityType.Person or EntityType.Organization or EntityType.Unit || (e.Type == EntityType.Place && ExtractLexicon.Nation(e.Name) == NationWord.Country);

    /// <summary>
    /// The object of an event verb: an entity after it with only determiners, modifiers and "of" between ("retook the
    /// town of X"); behind any other preposition ("launched an incursion into X") it is not what the verb acted on.
    /// </summary>
    private static Entity? Patient(string text, SpeakerResolver speakers, List<WordToken> tokens, int index)
    {
        for (var k = index; k < tokens.Count && k - index < 5; k++)
        {
            if (!tokens[k].IsWord) return null;
            var e = speakers.EntityAt(tokens[k].Start, tokens[k].End);
            if (e is not null) return e;
            var w = text.AsSpan(tokens[k].Start, tokens[k].Length);
            // Determiners, "of", and the nouns place-cues.txt puts before a place name ("the town of X") or after one.
            if (w is not ("the" or "a" or "an" or "of" or "control" or "first" or "last" or "two" or "three") && !char.IsUpper(w[0]) && !IsPlaceNoun(w.ToString())) return null;
        }
        return null;
    }

    // A noun of Data/place-cues.txt, alone ("region", not the prepositions listed "before") or before "of" ("city of"). Event candidates are rare:
    // a scan of the short list is cheaper than another table.
    private static bool IsPlaceNoun(string word) =>
        ExtractLexicon.PlaceCues.Any(c => (c.Word != "before" && c.Value == word) || (c.Value.Length == word.Length + 3 && c.Value.StartsWith(word, StringComparison.Ordinal) && c.Value.EndsWith(" of", StringComparison.Ordinal)));

    /// <summary>
    /// The bearer a negative quantifier heading a phrase denies the status of, or null when the phrase has none: "no
    /// one", "nobody", "none" → "anyone"; "no soldiers", "neither driver" → the noun; "none of the crew" → "the crew".
    /// </summary>
    internal static (string Key, string Name)? NegativeQuantifier((string Key, string Name) bearer)
    {
        // An entity is named, not quantified.
        if (bearer.Key != bearer.Name) return null;
        var words = bearer.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        var first = words[0].ToLowerInvariant();
        // "no one else was hurt" → "anyone else".
        var anyone = first is "nobody" or "noone" or "no-one" || (first == "no" && words.Length > 1 && words[1].Equals("one", StringComparison.OrdinalIgnoreCase));
        var skip = first switch
        {
            "nobody" or "noone" or "no-one" => 1,
            "no" when anyone => 2,
            "none" or "neither" when words.Length > 1 && words[1].Equals("of", StringComparison.OrdinalIgnoreCase) => 2,
            "no" or "neither" or "none" => 1,
            _ => -1,
        };
        if (skip < 0) return null;
        var rest = skip < words.Length ? string.Join(' ', words, skip, words.Length - skip) : "";
        if (anyone || rest.Length == 0) rest = rest.Length == 0 ? "anyone" : "anyone " + rest;
        return (rest, rest);
    }

    private static bool Negated(string text, List<WordToken> tokens, int index)
    {
        for (var k = index - 1; k >= 0 && index - k <= 3; k--)
        {
            var w = text[tokens[k].Start..tokens[k].End];
            if (w is "not" or "never" or "n't" || w.EndsWith("n't", StringComparison.Ordinal) || w.EndsWith("n’t", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool PrecededByNumber(string text, List<WordToken> tokens, int index) =>
        index > 0 && tokens[index - 1].IsWord && char.IsDigit(text[tokens[index - 1].Start]);

    private static bool IsAuxiliary(string text, WordToken token)
    {
        var w = text[token.Start..token.End];
        foreach (var a in Auxiliaries) if (string.Equals(a, w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// Each whole-word occurrence of a lexicon word in the sentence that no earlier word took, as its token index and
    /// the word's value; a word that overlaps a taken one is skipped so "shot down" is not also "shot". Entries are
    /// tried in lexicon order (longest first), each entry's occurrences left to right and not overlapping each other.
    /// </summary>
    private static IEnumerable<(int Index, string Word, string Value)> Occurrences(IReadOnlyList<(string Word, string Value)> lexicon, List<ClaimWordMatch> found, List<WordToken> tokens, List<(int Start, int End)> taken)
    {
        // The scan lists occurrences by position; the lexicon's order decides which of two overlapping words wins.
        found.Sort(static (a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : a.Start.CompareTo(b.Start));
        var lastEntry = -1;
        var lastEnd = 0;
        foreach (var m in found)
        {
            var start = m.Start;
            var end = start + m.Length;
            if (m.Index == lastEntry && start < lastEnd) continue;
            (lastEntry, lastEnd) = (m.Index, end);
            if (Overlaps(taken, start, end)) continue;
            taken.Add((start, end));
            var index = TokenAt(tokens, start);
            if (index >= 0) yield return (index, lexicon[m.Index].Word, lexicon[m.Index].Value);
        }
    }

    private static int TokenAt(List<WordToken> tokens, int start)
    {
        for (var k = 0; k < tokens.Count; k++) if (tokens[k].Start == start) return k;
        return -1;
    }

    private static bool Overlaps(List<(int Start, int End)> spans, int start, int end)
    {
        foreach (var (s, e) in spans) if (s < end && e > start) return true;
        return false;
    }
}
