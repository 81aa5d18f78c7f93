using System.Collections.Frozen;
using Triangulate.Ingest;
using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// The sentence a claim is said in, as matching compares it: its content words and its slots (runs of names with the
/// words around them), without a wire dateline that opens it ("IWICK, October 8 (Wire) - "), which names the
/// outlet, not the fact. Two mentions whose sentences are alike but hold another place, person or day in one slot
/// ("… a factory on Mason Lane in Iwick on Wednesday" / "… a warehouse on Suski Avenue in Iwick on Sunday") are the
/// same report form filled in for two events, not one fact told twice.
/// </summary>
internal static class ClaimFrames
{
    /// <summary>
    /// Word-set similarity of two sentences from which they are one frame, so that a name they do not share is a
    /// substitution rather than a paraphrase's other detail (<see cref="ClaimMatcher.SameText"/>: restatements of
    /// one sentence score 0.4–0.7, two outlets' own sentences about one fact usually less).
    /// </summary>
    public const double SameFrame = ClaimMatcher.SameText;

    /// <summary>Longest dateline read at the start of a sentence ("NEW ESEVILLE, September 10 (Wire) - " is 36 characters).</summary>
    private const int DatelineLength = 80;

    /// <summary>
    /// What a claim is said in, less a dateline opening it: for a figure, its sentence with the figure's own words left
    /// out (a figure is compared by its value, the sentence by the rest); for a statement, the words said (the sentence
    /// around them names who said it and to whom, which two outlets put differently); for a status or event, its
    /// sentence. <see cref="Frame.Empty"/> when the span lies outside the text.
    /// </summary>
    public static Frame Of(string text, TextSpan span, ClaimKind kind, DocumentWords? document = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(span);
        if (span.Start < 0 || span.End > text.Length || span.Start > span.End) return Frame.Empty;
        if (kind == ClaimKind.Statement)
            return Frame.Read(text, Math.Max(span.Start, DatelineEnd(text, span.Start, span.End)), span.End, -1, -1);
        var figure = kind == ClaimKind.Quantity;
        var (from, to) = figure ? FigureTimes.SentenceAround(text, span.Start, span.End) : FigureTimes.SentenceAround(text, span.Start, span.Start);
        from = Math.Max(from, DatelineEnd(text, from, to));
        return figure && span.Start >= from ? Frame.Read(text, from, to, span.Start, span.End, document) : Frame.Read(text, from, to, -1, -1);
    }

    /// <summary>
    /// True when two sentences are one frame (<see cref="SameFrame"/> of their content words) in which one slot holds
    /// different names (a clock time counts as one, numbers alone do not): the same words stand before and after "Mason Lane" in one and "Suski Avenue" in the
    /// other, and neither name occurs in the other sentence. A name only one side adds ("… Medical Center in
    /// Minneapolis"), or one the other places elsewhere, is a paraphrase's detail, not another event; a slot next to a
    /// speech verb ("the navy said", "said Smith") holds who tells it, which two outlets give differently.
    /// </summary>
    public static bool Substituted(Frame a, Frame b) => SubstitutedNames(a, b) is not null;

    /// <summary>
    /// The names of the slot <see cref="Substituted"/> finds (lower case, <paramref name="a"/>'s first), or null when the
    /// two sentences are not one frame with one slot holding different names.
    /// </summary>
    public static (string A, string B)? SubstitutedNames(Frame a, Frame b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Slots.Count == 0 || b.Slots.Count == 0 || ContentWords.Jaccard(a.Words, b.Words) < SameFrame) return null;
        foreach (var x in a.Slots)
        {
            // Numbers alone say nothing of which event: one event's toll rises from report to report ("has risen to
            // 145, with 651 injured"), and sources give it other magnitudes ("a 5.9 magnitude" / "a 6.1 magnitude").
            if (x.Attribution || IsNumber(x.Name)) continue;
            foreach (var y in b.Slots)
            {
                if (x.Before != y.Before || x.After != y.After || (x.Before.Length == 0 && x.After.Length == 0)) continue;
                if (y.Attribution || IsNumber(y.Name) || SameName(x.Name, y.Name) || b.Mentions(x.Name) || a.Mentions(y.Name)) continue;
                return (x.Name, y.Name);
            }
        }
        return null;
    }

    /// <summary>
    /// True when the two sentences name two different things of one kind: a name in each that share a word and each
    /// hold a word the other lacks ("INS Mysore" / "INS Sukanya", "Lake Erie" / "Lake Huron"), where neither name's own
    /// words occur anywhere in the other mention's document. Two reports of one event name the same ship, court or
    /// person; a document that never names the other's participant, naming another of its kind instead, reports
    /// another event, however alike the figure ("three boats"). Names are <see cref="Frame.Compounds"/> (no run across a
    /// comma: "Banstead, Surrey" is two). Not counted: numbers ("12 Somali" / "26 Somali"), a name beside a speech verb
    /// (who tells it), one name written two ways (<see cref="Variant"/>: "Rait" / "Raite", "Catherine" / "Katherine",
    /// "Katie" / "Kathryn"), or a name the other document gives anywhere (a background mention of the other event).
    /// </summary>
    public static bool OtherOfOneKind(Frame a, DocumentWords aDocument, Frame b, DocumentWords bDocument)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(aDocument);
        ArgumentNullException.ThrowIfNull(bDocument);
        // Each pair of drafts asks this: the names' words are split once a frame, not once a pair.
        foreach (var xw in a.CompoundWords)
        {
            foreach (var yw in b.CompoundWords)
            {
                if (!ShareWord(xw, yw)) continue;
                var xOwn = xw.Where(w => Array.IndexOf(yw, w) < 0).ToArray();
                var yOwn = yw.Where(w => Array.IndexOf(xw, w) < 0).ToArray();
                if (xOwn.Length == 0 || yOwn.Length == 0 || !xOwn.All(IsWord) || !yOwn.All(IsWord)) continue;
                if (xOwn.Any(p => yOwn.Any(q => Variant(p, q)))) continue;
                if (xOwn.Any(bDocument.Has) || yOwn.Any(aDocument.Has)) continue;
                return true;
            }
        }
        return false;
    }

    private static bool IsWord(string word) => word.Length >= 2 && char.IsLetter(word[0]);

    /// <summary>True when the two names have a word in common.</summary>
    private static bool ShareWord(string[] x, string[] y)
    {
        foreach (var w in x) if (Array.IndexOf(y, w) >= 0) return true;
        return false;
    }

    /// <summary>
    /// True when two figures' clauses name different parties as their agents (<see cref="Frame.Agent"/>: "The Rovers
    /// have bid £5 million" / "The Wanderers have bid £5 million"): two parties' offers, results or holdings, not one
    /// figure told twice, however alike the sum. Not counted: one agent unnamed, names sharing a word or spelt alike
    /// (<see cref="Variant"/>), or an agent the other sentence names too ("the Rovers team of owner Sam Fell offered …"
    /// / "The Rovers have offered …": one party under its officer's name).
    /// </summary>
    public static bool OtherAgents(Frame a, Frame b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return TwoNames(a, a.Agent, b, b.Agent);
    }

    /// <summary>
    /// True when two figures' clauses are about two different people (<see cref="Frame.Bearer"/>: "Garrard, who
    /// completed 28 passes, ran for two yards" / "Barber … when he had only 2 yards"): one player's, one driver's figure
    /// is not another's, however alike the number. Only people count (<see cref="Frame.Bearer"/> is read only for a
    /// person of the mention's document, <see cref="DocumentWords.IsPerson"/>), since a team's yards are the other team's loss and a team is its city as often as its name. Not counted: names sharing a
    /// word or spelt alike (<see cref="Variant"/>), or a bearer the other sentence names too.
    /// </summary>
    public static bool OtherBearers(Frame a, Frame b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return TwoNames(a, a.Bearer, b, b.Bearer) && !a.Opens(b.Bearer) && !b.Opens(a.Bearer);
    }

    /// <summary>
    /// True when one figure is a named person's (<see cref="Frame.Bearer"/>) and the other's clause has no person for
    /// its subject: none at all ("a drop of five points per game"), a team or a description ("the Chiefs rushed for
    /// over 100 yards each"), not "he" or "she" (<see cref="Frame.PronounBearer"/>). What nobody in particular is said
    /// to have done does not corroborate what one player did, however alike the number ("Quinn, who was just 10 of 22
    /// for 162 yards"). Not counted: a bearer whose last name the other sentence has anywhere, opening it too ("Cheeks
    /// was a draft choice … and played for 11 seasons" / "Cheeks, who played … for 11 seasons").
    /// </summary>
    public static bool NamedAgainstNone(Frame a, Frame b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Unnamed(a, b) || Unnamed(b, a);

        static bool Unnamed(Frame named, Frame other) =>
            named.Bearer.Length > 0 && other.Bearer.Length == 0 && !other.PronounBearer
            && !ContentWords.Of(named.Bearer.AsSpan((named.Bearer.LastIndexOf(' ') + 1)..)).All(w => Array.BinarySearch(other.Words, w, StringComparer.Ordinal) >= 0);
    }

    /// <summary>
    /// True when two frames' names (agents or bearers) are two parties: both named, sharing no word and no spelling
    /// (<see cref="Variant"/>), and neither sentence naming the other's.
    /// </summary>
    private static bool TwoNames(Frame a, string nameA, Frame b, string nameB)
    {
        if (nameA.Length == 0 || nameB.Length == 0 || nameA == nameB) return false;
        var bw = nameB.Split(' ');
        foreach (var p in nameA.Split(' '))
            foreach (var q in bw)
                if (p == q || Variant(p, q)) return false;
        return !a.Mentions(nameB) && !b.Mentions(nameA);
    }

    /// <summary>
    /// Two spellings of one name part: one a prefix of the other ("rait", "raite"), the same first three letters
    /// ("katie", "kathryn"), or at most two letters apart ("catherine", "katherine").
    /// </summary>
    internal static bool Variant(string a, string b)
    {
        if (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)) return true;
        if (a.Length >= 3 && b.Length >= 3 && string.CompareOrdinal(a, 0, b, 0, 3) == 0) return true;
        return Math.Abs(a.Length - b.Length) <= 2 && Extract.Entities.EntityResolutionStage.Levenshtein(a, b) <= 2;
    }

    /// <summary>True for a run of numbers only ("12", "4.5"); a clock time with "a.m." or "p.m." is a name of the hour.</summary>
    private static bool IsNumber(string name)
    {
        foreach (var word in name.Split(' ')) if (!char.IsDigit(word[0])) return false;
        return true;
    }

    /// <summary>
    /// One name written two ways: runs sharing a word ("Aoraki Mount Cook", "Mt Cook"; "4:00 p.m.", "4 p.m."), one a
    /// prefix of the other or both alike in their first five letters ("Rait", "Raite"; "Technicolour", "Technicolor"),
    /// or one the initials of the other ("IE", "Internet Explorer"). Clock times must share a word.
    /// </summary>
    private static bool SameName(string a, string b)
    {
        if (a == b) return true;
        var aw = a.Split(' ');
        var bw = b.Split(' ');
        foreach (var w in aw) if (Array.IndexOf(bw, w) >= 0) return true;
        if (char.IsDigit(a[0]) || char.IsDigit(b[0])) return false;
        if (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)) return true;
        if (a.Length >= 5 && b.Length >= 5 && string.CompareOrdinal(a, 0, b, 0, 5) == 0) return true;
        return Initials(aw) == b || Initials(bw) == a;
    }

    private static string Initials(string[] words) => words.Length < 2 ? "" : string.Concat(words.Select(w => w[0]));

    /// <summary>
    /// Where a wire dateline that opens the sentence [<paramref name="from"/>, <paramref name="to"/>) ends, or
    /// <paramref name="from"/> when there is none: the dateline ingest reads (<see cref="TextMetadataExtractor.Dateline"/>,
    /// with or without its day and year) when it credits an agency in brackets ("IWICK (AP) — ", "Paris, May 3 (AFP) - ")
    /// or its place is in capitals (<see cref="LineFeatures.IsCapsPlace"/>: "LAGREFORD - "); a capitalised word before
    /// a dash ("Police - without giving names - said") is the sentence's own.
    /// </summary>
    internal static int DatelineEnd(string text, int from, int to)
    {
        var m = TextMetadataExtractor.Dateline(text, from, Math.Min(to, from + DatelineLength) - from);
        if (!m.Success) return from;
        return m.Groups["agency"].Success || LineFeatures.IsCapsPlace(m.Groups["place"].ValueSpan) ? m.Index + m.Length : from;
    }
}

/// <summary>
/// A sentence as <see cref="ClaimFrames"/> compares it: its content words, and its slots (each run of names or numbers
/// with the words right before and after it).
/// </summary>
internal sealed class Frame
{
    /// <summary>The frame of no text.</summary>
    public static readonly Frame Empty = new([], []);

    private Frame(string[] words, List<Slot> slots, List<string>? compounds = null, string agent = "", (string Name, bool Pronoun) bearer = default, string opening = "")
    {
        Words = words;
        Slots = slots;
        Compounds = compounds ?? [];
        CompoundWords = Compounds.Count == 0 ? [] : [.. Compounds.Select(c => c.Split(' '))];
        Agent = agent;
        Bearer = bearer.Name ?? "";
        PronounBearer = bearer.Pronoun;
        _opening = opening;
    }

    /// <summary>
    /// For a figure: its clause's subject is "he" or "she" (<see cref="Bearer"/> holds the name it stands for when one
    /// is read): a person, named or not, so the figure is some person's, not a team's or nobody's.
    /// </summary>
    public bool PronounBearer { get; }

    /// <summary>The capitalised word opening the sentence, lower case ("" when none): a name there is no slot.</summary>
    private readonly string _opening;

    /// <summary>True when <paramref name="name"/> (one word) is the capitalised word opening the sentence.</summary>
    public bool Opens(string name) => _opening.Length > 0 && _opening == name;

    /// <summary>
    /// For a figure: the name of whom its own clause is about, lower case ("" when none is read): the subject opening
    /// the figure's clause ("Garrard threw for 329 yards"), the name a relative clause holding the figure hangs on
    /// ("Quinn, who was just 10 of 22 for 162 yards"), past a relative clause between them the subject of the clause
    /// the figure ends ("Garrard, who completed 28 passes, ran for two yards"), or for "he"/"she" the nearest person
    /// named before it in the sentence, not after a preposition (a full name of two words or more counts: the pronoun
    /// says it is a person). A name opening the sentence counts; in a clause a speech verb reports, the clause starts
    /// after the verb ("Smith said the patch holds 300 updates" names no bearer). Only a person of the document (<see
    /// cref="DocumentWords.IsPerson"/>: read when the document is given); a description ("the Chiefs rushed for …")
    /// names none. What
    /// <see cref="ClaimFrames.OtherBearers"/> compares.
    /// </summary>
    public string Bearer { get; }

    /// <summary>
    /// For a figure: the named party its clause is about, lower case ("" when none is named): the subject of the clause
    /// before the figure ("The Rovers have bid £5 million", "…, the Wanderers between £3 million and £4 million"), a
    /// "by" phrase ("an offer by the Rovers of £5 million"), or a possessor right before it ("Hartfield Rovers' £5
    /// million bid"). Read by structure, nearest first: a name counts where a clause can start before it (the
    /// sentence's start, punctuation, a conjunction, "the" after one of these, or right after a speech verb); a name
    /// after a preposition or after another word (the object of a verb: "offered Smith £5 million") names no agent,
    /// nor does one a speech verb follows (who tells it) or one before the last speech verb that is not passive ("The
    /// Westland government said the pirates had …"; "The Rovers are believed to have bid …" keeps its subject).
    /// What <see cref="ClaimFrames.OtherAgents"/> compares.
    /// </summary>
    public string Agent { get; }

    /// <summary>Content words (<see cref="ContentWords.Of(string?)"/>).</summary>
    public string[] Words { get; }

    /// <summary>Runs of names and numbers, in text order.</summary>
    public List<Slot> Slots { get; }

    /// <summary>
    /// Compound names: runs of two or more capitalised words with nothing but spaces between them ("ins mysore",
    /// "banstead high street"; not "banstead, surrey", two names), no speaker's (<see cref="Slot.Attribution"/>) and
    /// not opening with a number, lower case. What <see cref="ClaimFrames.OtherOfOneKind"/> compares.
    /// </summary>
    public List<string> Compounds { get; }

    /// <summary>The words of each of <see cref="Compounds"/>, in order.</summary>
    public string[][] CompoundWords { get; }

    /// <summary>The compound names joined ("" when none): identical drafts are one draft for matching only when these agree too.</summary>
    public string CompoundNames => _compoundNames ??= string.Join('|', Compounds);

    private string? _compoundNames;

    /// <summary>
    /// A run of names or numbers ("Suski Avenue", "123", "7 15 a.m"), lower case, with the lower-case words around it
    /// ("" at an edge, "#" for the figure left out); <see cref="Attribution"/> when a speech verb stands beside it or
    /// one word before it.
    /// </summary>
    internal readonly record struct Slot(string Before, string Name, string After, bool Attribution);

    /// <summary>True when some slot's name is <paramref name="name"/> or contains it as its own words.</summary>
    public bool Mentions(string name)
    {
        foreach (var slot in Slots)
            if (slot.Name == name || HasWords(slot.Name, name)) return true;
        return false;
    }

    /// <summary>
    /// True when <paramref name="words"/> stands in <paramref name="text"/> with a space or an edge on either side
    /// (what " text " containing " words " says, without making either string: asked of every slot of a pair's frames).
    /// </summary>
    private static bool HasWords(string text, string words)
    {
        for (var at = 0; at <= text.Length; at++)
        {
            at = text.IndexOf(words, at, StringComparison.Ordinal);
            if (at < 0) return false;
            var end = at + words.Length;
            if ((at == 0 || text[at - 1] == ' ') && (end == text.Length || text[end] == ' ')) return true;
        }
        return false;
    }

    /// <summary>A thread's buffer for the word <see cref="Read"/> is at, and its lowered copy.</summary>
    [ThreadStatic]
    private static char[]? t_word;

    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (char.IsLetter(c)) return true;
        return false;
    }

    /// <summary>
    /// <paramref name="word"/> without its commas, lower case (invariant, as <see cref="string.ToLowerInvariant()"/>), as
    /// a string; <paramref name="spare"/> (twice the word's length) holds it on the way.
    /// </summary>
    private static string Lowered(ReadOnlySpan<char> word, Span<char> spare)
    {
        var length = 0;
        foreach (var c in word) if (c != ',') spare[length++] = c;
        var lowered = spare.Slice(length, length);
        spare[..length].ToLowerInvariant(lowered);
        return new string(lowered);
    }

    /// <summary>
    /// Reads [<paramref name="from"/>, <paramref name="to"/>), the span [<paramref name="skipStart"/>,
    /// <paramref name="skipEnd"/>) standing as one placeholder word "#". A name is a capitalised word not opening the
    /// sentence; a number is a word starting with a digit ("7:15" is two).
    /// </summary>
    public static Frame Read(string text, int from, int to, int skipStart, int skipEnd, DocumentWords? document = null, bool headline = false)
    {
        var buffer = t_word ??= new char[64];
        var tokens = new List<(string Word, bool Name)>();
        // Whether only spaces stand between a token and the one before it: a compound name does not run across a comma.
        var joined = new List<bool>();
        // Whether a word is capitalised, opening the sentence or not: a figure's bearer may open it.
        var capitals = new List<bool>();
        var gap = false;
        var opens = true;
        for (var i = from; i < to;)
        {
            if (i == skipStart && skipEnd > skipStart)
            {
                tokens.Add(("#", false));
                joined.Add(false);
                capitals.Add(false);
                i = skipEnd;
                opens = false;
                continue;
            }
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (!char.IsWhiteSpace(c)) gap = true;
                if (c is '.' or '!' or '?' or '"' or '“' or ':') opens = true;
                i++;
                continue;
            }
            var start = i;
            while (i < to && !(skipEnd > skipStart && i == skipStart))
            {
                var ch = text[i];
                // "Portugal's", "1,376", "4.5" and "a.m." are one word each.
                if (char.IsLetterOrDigit(ch)
                    || (i > start && i + 1 < to && ch is '\'' or '’' && char.IsLetter(text[i + 1]))
                    || (i > start && i + 1 < to && ch is '.' or ',' && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))
                    || (i == start + 1 && i + 1 < to && ch == '.' && char.IsLower(text[i - 1]) && char.IsLower(text[i + 1]))) i++;
                else break;
            }
            // The word is read in a buffer and made a string once, lowered ("’" written "'", commas dropped): a frame is
            // read for every draft and every mention a later stage compares.
            if (3 * (i - start) > buffer.Length) buffer = new char[3 * (i - start)];
            var length = 0;
            foreach (var ch in text.AsSpan(start, i - start)) buffer[length++] = ch == '’' ? '\'' : ch;
            ReadOnlySpan<char> word = buffer.AsSpan(0, length);
            // A possessive closes a name: "Portugal's Lake region" is the region "Lake" of "Portugal".
            var possessive = word.EndsWith("'s", StringComparison.OrdinalIgnoreCase);
            if (possessive) word = word[..^2];
            // A clock's "a.m."/"p.m." after a number is part of it: "7:15 a.m." and "9:05 p.m." are two times.
            var clock = word.Length == 3 && word[1] == '.' && tokens.Count > 0 && tokens[^1].Name && char.IsDigit(tokens[^1].Word[0]);
            // A measurement written as one word ("200ft", "60m") is not compared: a conversion changes it.
            var measurement = char.IsDigit(word[0]) && HasLetter(word);
            var name = clock || (char.IsDigit(word[0]) && !measurement) || (char.IsUpper(word[0]) && !opens);
            tokens.Add((Lowered(word, buffer.AsSpan(length)), name));
            joined.Add(!gap);
            capitals.Add(char.IsUpper(word[0]));
            gap = false;
            if (possessive) { tokens.Add(("'s", false)); joined.Add(false); capitals.Add(false); }
            opens = false;
        }
        // A headline opens with its subject as often as not ("Dikina Ellek picked to become …"): a capitalised opener
        // joined to a name after it is the first word of that name, not a capital a sentence gives any word.
        if (headline && tokens.Count > 1 && capitals[0] && !tokens[0].Name && tokens[1].Name && joined[1] && !char.IsDigit(tokens[1].Word[0]))
            tokens[0] = (tokens[0].Word, true);
        var slots = new List<Slot>();
        var compounds = new List<string>();
        var figure = tokens.FindIndex(t => t.Word == "#" && !t.Name);
        // What a speaker says starts after the speech verb: "The Rovers' chairman said on Monday that the club had bid
        // £5 million" names no agent in the reporting clause. A passive report keeps its subject: "The Rovers are
        // believed to have bid £5 million".
        var reported = -1;
        for (var k = 0; k < figure; k++)
            if (!tokens[k].Name && Extract.ExtractLexicon.SpeechVerbs.Contains(tokens[k].Word) && !(k > 0 && IsBe(tokens[k - 1].Word))) reported = k;
        var agent = "";
        for (var k = 0; k < tokens.Count;)
        {
            if (!tokens[k].Name) { k++; continue; }
            var first = k;
            while (k < tokens.Count && tokens[k].Name) k++;
            var name = string.Join(' ', tokens.GetRange(first, k - first).Select(t => t.Word));
            var before = first > 0 ? tokens[first - 1].Word : "";
            var after = k < tokens.Count ? tokens[k].Word : "";
            // Who tells it and when they told it: "the navy said", "said Smith", "said on Wednesday that".
            var speech = Extract.ExtractLexicon.SpeechVerbs;
            var attribution = speech.Contains(before) || speech.Contains(after) || (first > 1 && speech.Contains(tokens[first - 2].Word));
            slots.Add(new Slot(before, name, after, attribution));
            if (!attribution) Compound(tokens, joined, first, k, compounds);
            // The nearest agent before the figure wins: a later one overwrites an earlier one.
            // Who tells it is no agent ("the navy said"); a subject right after the speech verb is the reported clause's.
            if (k <= figure && first > reported && !speech.Contains(after) && !char.IsDigit(name[0]) && IsAgent(tokens, joined, first, k, figure, reported)) agent = name;
        }
        var opening = tokens.Count > 0 && capitals[0] && !tokens[0].Name ? tokens[0].Word : "";
        return new Frame(ContentWords.Of(text.AsSpan(from, to - from)), slots, compounds, agent, figure > 0 && document is not null ? BearerOf(tokens, joined, capitals, figure, reported, document) : ("", false), opening);
    }

    /// <summary>Relative pronouns that open a clause about the name before them.</summary>
    private static bool IsRelative(string word) => word is "who" or "whom";

    /// <summary>
    /// Where the clause holding token <paramref name="end"/> (exclusive) starts: after the nearest punctuation mark,
    /// clause opener or relative pronoun before it.
    /// </summary>
    private static int ClauseStart(List<(string Word, bool Name)> tokens, List<bool> joined, int end)
    {
        var c = end;
        // The first step is always taken: the figure's placeholder, or a comma the caller stands at, is no clause start.
        while (c > 0 && (c == end || joined[c]) && !ClauseOpeners.Contains(tokens[c - 1].Word) && !IsRelative(tokens[c - 1].Word)) c--;
        return c;
    }

    /// <summary>The <see cref="Bearer"/> of the figure at token <paramref name="figure"/>, and whether its clause's subject is "he" or "she" (<see cref="PronounBearer"/>).</summary>
    private static (string Name, bool Pronoun) BearerOf(List<(string Word, bool Name)> tokens, List<bool> joined, List<bool> capitals, int figure, int reported, DocumentWords document)
    {
        var name = "";
        var c = ClauseStart(tokens, joined, figure);
        // "Reavey said the patch consists of more than 300 updates": the figure's clause is the one reported, and who
        // reports it is not whose figure it is.
        if (reported >= c)
        {
            c = reported + 1;
            if (c < figure && tokens[c].Word == "that") c++;
        }
        // "Quinn, who was just 10 of 22 for 162 yards": the name the relative clause hangs on.
        if (c > 1 && IsRelative(tokens[c - 1].Word)) name = NameEndingAt(tokens, capitals, c - 1);
        // "Garrard threw for 329 yards", "and David Garrard threw for …": the name opening the clause.
        else if (c < figure && capitals[c] && !IsFunctionWord(tokens[c].Word)) name = NameStartingAt(tokens, capitals, c, figure);
        // "when he had only 2 yards": the nearest person named before the pronoun in the sentence.
        else if (c < figure && tokens[c].Word is "he" or "she")
        {
            // A full name ("Marion Barber") is one, whether or not the given name is listed: "he" stands for a person.
            for (var k = c - 1; k >= 0; k--)
            {
                if (!capitals[k] || (k + 1 < c && capitals[k + 1]) || IsFunctionWord(tokens[k].Word)) continue;
                var run = NameEndingAt(tokens, capitals, k + 1);
                // "a rookie out of Division II Tiffin, he rushed …": a name after a preposition is no antecedent.
                var first = k + 1 - run.Split(' ').Length;
                if (first > 0 && FigureSubjects.Prepositions.Contains(tokens[first - 1].Word)) continue;
                if (run.Contains(' ', StringComparison.Ordinal) || document.IsPerson(run)) return (run, true);
            }
            return ("", true);
        }
        // "He ended the day 17/35 for 205 yards": a sentence opened by "he" or "she" is about a person, though the figure's
        // clause is cut off by a mark.
        else if (tokens[0].Word is "he" or "she" && reported < 0) return ("", true);
        // "Garrard, who completed 28 passes for 329 yards, ran for two yards": past a relative clause set off by
        // commas, the subject before it.
        else if (c > 0 && c < figure && !joined[c])
        {
            var inner = ClauseStart(tokens, joined, c);
            if (inner > 1 && inner < c && IsRelative(tokens[inner - 1].Word)) name = NameEndingAt(tokens, capitals, inner - 1);
        }
        return (name.Length > 0 && document.IsPerson(name) ? name : "", false);
    }

    /// <summary>True for a capitalised function word ("The", "He", "But"): no name, though it opens a clause.</summary>
    private static bool IsFunctionWord(string word) =>
        Extract.ExtractLexicon.FunctionWords.Contains(char.ToUpperInvariant(word[0]) + word[1..]);

    /// <summary>The run of capitalised words ending right before token <paramref name="end"/> (a comma between allowed), or "".</summary>
    private static string NameEndingAt(List<(string Word, bool Name)> tokens, List<bool> capitals, int end)
    {
        var first = end;
        while (first > 0 && capitals[first - 1] && end - first < 4) first--;
        return first == end ? "" : string.Join(' ', tokens.GetRange(first, end - first).Select(t => t.Word));
    }

    /// <summary>The run of capitalised words from token <paramref name="start"/> on, not past <paramref name="limit"/>.</summary>
    private static string NameStartingAt(List<(string Word, bool Name)> tokens, List<bool> capitals, int start, int limit)
    {
        var end = start;
        while (end < limit && capitals[end] && end - start < 4) end++;
        return string.Join(' ', tokens.GetRange(start, end - start).Select(t => t.Word));
    }

    private static bool IsBe(string word) => word is "is" or "are" or "was" or "were" or "be" or "been" or "being";

    /// <summary>Function words after which a clause, and so its subject, can start.</summary>
    private static readonly FrozenSet<string> ClauseOpeners = FrozenSet.ToFrozenSet(
        ["and", "but", "or", "nor", "that", "while", "whereas", "as", "when", "after", "before", "because", "since", "though", "although", "if", "so", "then", "yet"],
        StringComparer.Ordinal);

    /// <summary>How many words may stand between a possessor and the figure ("the Rovers' new £5 million bid").</summary>
    private const int PossessorReach = 3;

    /// <summary>
    /// True when the name run [<paramref name="first"/>, <paramref name="end"/>) is the agent of the figure at
    /// <paramref name="figure"/> (<see cref="Agent"/>): a clause subject, a "by" phrase, or a near possessor;
    /// <paramref name="reported"/> is the last speech verb before the figure (-1 when none).
    /// </summary>
    private static bool IsAgent(List<(string Word, bool Name)> tokens, List<bool> joined, int first, int end, int figure, int reported)
    {
        // "the Rovers' £5 million bid" names whose bid; "Smith's agent, … the offer of £5 million" does not.
        if (end < tokens.Count && tokens[end].Word == "'s") return figure - end <= PossessorReach;
        var k = first;
        if (k > 0 && joined[k] && tokens[k - 1].Word is "the") k--;
        // "an offer by the Rovers of £5 million"; not "reported by the Courier" (who tells it).
        if (k > 0 && joined[k] && tokens[k - 1].Word == "by") return k < 2 || !Extract.ExtractLexicon.SpeechVerbs.Contains(tokens[k - 2].Word);
        // A reported clause starts right after its speech verb: "said the Rovers had bid".
        return k == 0 || k - 1 == reported || !joined[k] || ClauseOpeners.Contains(tokens[k - 1].Word);
    }

    /// <summary>
    /// Adds to <paramref name="compounds"/> each piece of the name run [<paramref name="first"/>, <paramref name="end"/>)
    /// of two or more words not broken by punctuation and not opening with a number.
    /// </summary>
    private static void Compound(List<(string Word, bool Name)> tokens, List<bool> joined, int first, int end, List<string> compounds)
    {
        for (var start = first; start < end;)
        {
            var stop = start + 1;
            while (stop < end && joined[stop]) stop++;
            if (stop - start >= 2 && !char.IsDigit(tokens[start].Word[0]))
                compounds.Add(string.Join(' ', tokens.GetRange(start, stop - start).Select(t => t.Word)));
            start = stop;
        }
    }
}

/// <summary>
/// The lower-case words of one document, and their first five letters, for <see cref="ClaimFrames.OtherOfOneKind"/>:
/// whether a document names a participant anywhere, in any of its spellings.
/// </summary>
internal sealed class DocumentWords
{
    /// <summary>A document of no words.</summary>
    public static readonly DocumentWords Empty = new("");

    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);

    // Capitalised words that follow a given name in the document ("David Garrard" → "garrard"): people's surnames.
    private readonly HashSet<string> _surnames = new(StringComparer.Ordinal);

    public DocumentWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var given = GivenSpans;
        // Each word is lowered into a buffer and looked up there: a string is made only for a word, prefix or surname
        // new to the document (a document of a few hundred words made three strings a word).
        var words = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        var prefixes = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        var surnames = _surnames.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[256];
        var afterGiven = false;
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i])) { afterGiven &= text[i] == ' '; i++; continue; }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            var written = text.AsSpan(start, i - start);
            ReadOnlySpan<char> word = written.Length <= buffer.Length ? buffer[..written.ToLowerInvariant(buffer)] : written.ToString().ToLowerInvariant();
            if (words.Add(word) && word.Length >= 5) prefixes.Add(word[..5]);
            var capital = char.IsUpper(text[start]);
            if (afterGiven && capital) surnames.Add(word);
            afterGiven = capital && given.Contains(written);
        }
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GivenSpans => Extract.Entities.EntityLexicon.GivenNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when <paramref name="name"/> (lower case) names a person in this document: it opens with a given name
    /// ("marion barber"), or its last word follows a given name somewhere in the document ("garrard" of "David
    /// Garrard").
    /// </summary>
    public bool IsPerson(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? name : name[..space];
        if (first.Length > 1 && Extract.Entities.EntityLexicon.GivenNames.Contains(char.ToUpperInvariant(first[0]) + first[1..]) && space > 0) return true;
        return _surnames.Contains(name[(name.LastIndexOf(' ') + 1)..]);
    }

    /// <summary>True when the document has <paramref name="word"/> (lower case), or a word of its first five letters.</summary>
    public bool Has(string word) => _words.Contains(word) || (word.Length >= 5 && _prefixes.Contains(word[..5]));
}
