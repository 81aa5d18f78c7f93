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
    private static readonly string[] Pronouns = ["he", "she", "him", "his", "her"];

    /// <inheritdoc />
    public void Extract(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text;
        var mentions = new List<RawMention>();
        var pronouns = new List<(int Start, int End)>();
        var tokenised = new List<List<WordToken>>(context.Sentences.Count);
        // Capitalised words seen inside sentences: a sentence's first word is a name only if it is also capitalised
        // where capitals carry no sentence-start signal ("Rumors abound" is not a name, "Merkel has" is).
        var inner = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in context.Sentences)
        {
            var tokens = WordTokenizer.Tokenize(text, sentence.Start, sentence.End);
            tokenised.Add(tokens);
            for (var k = 1; k < tokens.Count; k++)
            {
                if (WordTokenizer.IsCapitalised(text, tokens[k]) && tokens[k - 1].IsWord) inner.Add(StripPossessive(Word(text, tokens[k])));
            }
        }
        foreach (var tokens in tokenised)
        {
            var skip = 0;
            while (skip < tokens.Count && !tokens[skip].IsWord) skip++;
            if (skip < tokens.Count && WordTokenizer.IsCapitalised(text, tokens[skip]) && !inner.Contains(StripPossessive(Word(text, tokens[skip])))
                && !ExtractLexicon.FunctionWords.Contains(Word(text, tokens[skip]))
                && !FollowedBySpeechVerb(text, tokens, skip + 1) && Apposition(text, tokens, skip + 1) is null
                && (skip + 1 >= tokens.Count || !WordTokenizer.IsCapitalised(text, tokens[skip + 1])))
            {
                tokens.RemoveAt(skip);
                tokens.Insert(skip, new WordToken(tokens.Count > skip ? tokens[skip].Start : text.Length, tokens.Count > skip ? tokens[skip].Start : text.Length, false));
            }
            FindMentions(text, tokens, 0, mentions);
            foreach (var token in tokens)
            {
                if (!token.IsWord || token.Length > 3 || token.Length == 0) continue;
                var word = text.AsSpan(token.Start, token.Length);
                foreach (var p in Pronouns)
                {
                    if (word.Equals(p, StringComparison.OrdinalIgnoreCase)) { pronouns.Add((token.Start, token.End)); break; }
                }
            }
        }
        context.Entities.AddRange(Resolve(context, mentions, pronouns));
    }

    private static void FindMentions(string text, List<WordToken> tokens, int sentenceEnd, List<RawMention> mentions)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            if (!StartsName(text, tokens[i])) { i++; continue; }
            var j = i + 1;
            var hasOrgCue = ExtractLexicon.OrgCues.Contains(Word(text, tokens[i]));
            while (j < tokens.Count)
            {
                if (EndsWithPossessive(text, tokens[j - 1])) break;
                if (StartsName(text, tokens[j])) { hasOrgCue |= ExtractLexicon.OrgCues.Contains(Word(text, tokens[j])); j++; continue; }
                // "Ministry of Defence", "Institute for the Study of War": connectors only inside organisation names.
                if (hasOrgCue && IsConnector(text, tokens[j]))
                {
                    var k = j;
                    while (k < tokens.Count && IsConnector(text, tokens[k])) k++;
                    if (k < tokens.Count && StartsName(text, tokens[k])) { j = k; continue; }
                }
                break;
            }
            AddRun(text, tokens, i, j, mentions);
            i = j;
        }
        _ = sentenceEnd;
    }

    private static void AddRun(string text, List<WordToken> tokens, int first, int last, List<RawMention> mentions)
    {
        var start = first;
        string? title = null;
        // A title may follow demonyms ("Ukrainian President X") and may span tokens ("Lieutenant General X").
        for (var p = first; p < Math.Min(last, first + 3) && title is null; p++)
        {
            for (var n = Math.Min(3, last - p); n >= 1; n--)
            {
                var candidate = Join(text, tokens, p, p + n);
                if (!ExtractLexicon.Titles.Contains(candidate)) continue;
                if (p + n >= last) break;
                if (p > first && !AllDemonyms(text, tokens, first, p)) break;
                title = Join(text, tokens, first, p + n);
                start = p + n;
                break;
            }
        }
        var end = last;
        var next = last < tokens.Count ? tokens[last] : default;
        var followedByLower = last < tokens.Count && next.IsWord && char.IsLower(text[next.Start]);
        if (title is null)
        {
            // Adjectives of nationality are modifiers, not names: "Russian soldiers", "North Korean troops".
            if (IsDemonym(Word(text, tokens[end - 1])) && (followedByLower || end - start == 1)) return;
            while (end - start > 1 && IsDemonym(Word(text, tokens[start])) && !ExtractLexicon.OrgCues.Contains(Word(text, tokens[end - 1]))) start++;
        }
        if (start >= end) return;

        var type = EntityType.Other;
        var weight = 0;
        var prev = first > 0 ? tokens[first - 1] : default;
        var lastWord = Word(text, tokens[end - 1]);
        var name = Join(text, tokens, start, end);
        if (EndsWithPossessive(text, tokens[end - 1])) name = name[..^2];
        var nameStart = tokens[start].Start;
        if (title is not null) { type = EntityType.Person; weight = 3; }
        else if (first > 0 && IsOrdinal(text, prev) && ContainsUnitNoun(text, tokens, start, end))
        {
            type = EntityType.Unit; weight = 3;
            nameStart = prev.Start;
            name = text[prev.Start..prev.End] + " " + name;
        }
        else if (FollowedByWeaponCue(text, tokens, end)) { type = EntityType.Weapon; weight = 2; }
        else if (ExtractLexicon.OrgCues.Contains(lastWord) || (end - start > 2 && ExtractLexicon.OrgCues.Contains(Word(text, tokens[start])))) { type = EntityType.Organization; weight = 3; }
        else if (IsPlaceContext(text, tokens, first, end)) { type = EntityType.Place; weight = 2; }
        else if (end - start == 1 && WordTokenizer.IsAllCaps(text, tokens[start])) { type = EntityType.Organization; weight = 1; }
        else if (FollowedBySpeechVerb(text, tokens, end)) { type = EntityType.Person; weight = end - start > 1 ? 2 : 1; }
        else if (end - start is 2 or 3 && IsDirection(Word(text, tokens[start]))) { type = EntityType.Place; weight = 1; }
        else if (end - start is 2 or 3) { type = EntityType.Person; weight = 1; }

        var apposition = Apposition(text, tokens, end);
        // An age in apposition ("Oleh, 30, ...") only ever describes a person.
        if (apposition is not null && char.IsDigit(apposition[0]) && weight < 2) { type = EntityType.Person; weight = 2; }
        var nameEnd = EndsWithPossessive(text, tokens[end - 1]) ? tokens[end - 1].End - 2 : tokens[end - 1].End;
        mentions.Add(new RawMention(nameStart, nameEnd, name, type, weight, title, apposition));
    }

    private static bool StartsName(string text, WordToken token)
    {
        if (!WordTokenizer.IsCapitalised(text, token)) return false;
        var word = Word(text, token);
        return !ExtractLexicon.FunctionWords.Contains(word) && !ExtractLexicon.FunctionWords.Contains(StripPossessive(word));
    }

    private static bool IsConnector(string text, WordToken token)
    {
        if (!token.IsWord) return false;
        var w = text.AsSpan(token.Start, token.Length);
        return w is "of" or "for" or "the" or "and" or "de";
    }

    private static bool IsOrdinal(string text, WordToken token)
    {
        if (!token.IsWord || !char.IsDigit(text[token.Start])) return false;
        var w = text.AsSpan(token.Start, token.Length);
        return w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal)
            || w.EndsWith("rd", StringComparison.Ordinal) || w.EndsWith("th", StringComparison.Ordinal);
    }

    private static bool ContainsUnitNoun(string text, List<WordToken> tokens, int start, int end)
    {
        for (var k = start; k < end; k++) if (ExtractLexicon.UnitNouns.Contains(Word(text, tokens[k]))) return true;
        return false;
    }

    private static bool FollowedByWeaponCue(string text, List<WordToken> tokens, int end)
    {
        for (var k = end; k < Math.Min(tokens.Count, end + 3); k++)
        {
            var t = tokens[k];
            if (!t.IsWord || char.IsUpper(text[t.Start])) return false;
            if (ExtractLexicon.WeaponCues.Contains(Word(text, t))) return true;
        }
        return false;
    }

    private static bool FollowedBySpeechVerb(string text, List<WordToken> tokens, int end)
    {
        for (var k = end; k < Math.Min(tokens.Count, end + 2); k++)
        {
            var t = tokens[k];
            if (!t.IsWord) return false;
            if (ExtractLexicon.SpeechVerbs.Contains(Word(text, t))) return true;
        }
        return false;
    }

    private static bool IsPlaceContext(string text, List<WordToken> tokens, int first, int end)
    {
        string? before = first > 0 && tokens[first - 1].IsWord ? Word(text, tokens[first - 1]) : null;
        string? before2 = first > 1 && before is not null && tokens[first - 2].IsWord ? Word(text, tokens[first - 2]) + " " + before : null;
        if (first > 1 && before == "the" && tokens[first - 2].IsWord) before = Word(text, tokens[first - 2]);
        string? after = end < tokens.Count && tokens[end].IsWord ? Word(text, tokens[end]) : null;
        foreach (var (position, cue) in ExtractLexicon.PlaceCues)
        {
            if (position == "before" && (string.Equals(cue, before, StringComparison.Ordinal) || string.Equals(cue, before2, StringComparison.Ordinal))) return true;
            if (position == "after" && string.Equals(cue, after, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool IsDirection(string word) => word is "North" or "South" or "East" or "West" or "Northern" or "Southern" or "Eastern" or "Western" or "New";

    /// <summary>Nationality adjectives by their suffixes ("-ian", "-ean", "-ese", "-ish", "-ch", "-ern"), also hyphenated pairs.</summary>
    internal static bool IsDemonym(string word)
    {
        var dash = word.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0) return IsDemonym(word[..dash]) && IsDemonym(word[(dash + 1)..]);
        return word.Length > 4 && char.IsUpper(word[0]) &&
            (word.EndsWith("ian", StringComparison.Ordinal) || word.EndsWith("ean", StringComparison.Ordinal) || word.EndsWith("ese", StringComparison.Ordinal)
             || word.EndsWith("ish", StringComparison.Ordinal) || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("ern", StringComparison.Ordinal)
             || word.EndsWith("can", StringComparison.Ordinal));
    }

    private static bool AllDemonyms(string text, List<WordToken> tokens, int from, int to)
    {
        for (var k = from; k < to; k++) if (!IsDemonym(Word(text, tokens[k])) && !IsDirection(Word(text, tokens[k]))) return false;
        return true;
    }

    /// <summary>An apposition after a name: ", the deputy commander of ...," or ", 30, a soldier in ...".</summary>
    private static string? Apposition(string text, List<WordToken> tokens, int end)
    {
        if (end >= tokens.Count || text[tokens[end].Start] != ',' || end + 1 >= tokens.Count) return null;
        var k = end + 1;
        var startToken = tokens[k];
        var first = Word(text, startToken);
        var isAge = startToken.IsWord && char.IsDigit(first[0]) && first.Length <= 3;
        if (!isAge && first is not ("the" or "a" or "an" or "who")) return null;
        if (first == "who") return null;
        var stop = k;
        var commas = 0;
        while (stop < tokens.Count && stop - k < 20)
        {
            var c = text[tokens[stop].Start];
            if (!tokens[stop].IsWord && c is '.' or ';' or ':' or ')' or '—' or '(' or '“' or '"' or '”') break;
            if (c == ',')
            {
                // An age is followed by its own apposition: "Oleh, 30, a soldier in ...".
                if (isAge && commas == 0 && stop + 1 < tokens.Count && Word(text, tokens[stop + 1]) is "a" or "an" or "the") { commas++; stop++; continue; }
                break;
            }
            stop++;
        }
        if (stop == k) return null;
        return text[startToken.Start..tokens[stop - 1].End];
    }

    private static List<Entity> Resolve(ExtractionContext context, List<RawMention> mentions, List<(int Start, int End)> pronouns)
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
            // Only an unambiguous owner: "Kofman" joins "Michael Kofman" unless two "... Kofman" exist.
            var distinct = owners.Where(o => o.MergedInto is null).ToList();
            if (distinct.Count != 1) continue;
            var owner = distinct[0];
            if (!Compatible(owner.Vote(), g.Vote())) continue;
            owner.Mentions.AddRange(g.Mentions);
            g.MergedInto = owner;
        }

        var people = new List<(int Start, Group Group)>();
        var result = new List<(Group Group, EntityType Type)>();
        foreach (var g in order)
        {
            if (g.MergedInto is not null) continue;
            var type = g.Vote();
            result.Add((g, type));
            if (type == EntityType.Person) foreach (var m in g.Mentions) people.Add((m.Start, g));
        }
        people.Sort((a, b) => a.Start.CompareTo(b.Start));
        // A pronoun refers to the nearest person mentioned before it (within a few hundred characters).
        var pronounMentions = new Dictionary<Group, List<(int, int)>>();
        foreach (var (ps, pe) in pronouns)
        {
            var idx = LowerBound(people, ps) - 1;
            if (idx < 0 || ps - people[idx].Start > 600) continue;
            var g = people[idx].Group;
            if (!pronounMentions.TryGetValue(g, out var list)) pronounMentions[g] = list = [];
            list.Add((ps, pe));
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var entities = new List<Entity>();
        foreach (var (g, type) in result)
        {
            var spans = new List<(int Start, int End)>();
            foreach (var m in g.Mentions) spans.Add((m.Start, m.End));
            if (pronounMentions.TryGetValue(g, out var extra)) spans.AddRange(extra);
            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            var name = g.Mentions.OrderByDescending(m => m.Name.Split(' ').Length).ThenBy(m => m.Start).First().Name;
            var aliases = g.Mentions.Select(m => m.Name).Where(n => !string.Equals(n, name, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
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
                Mentions = spans.Select(s => context.Span(s.Start, s.End)).ToList(),
            });
        }
        return entities;
    }

    private static bool Compatible(EntityType owner, EntityType shortForm) =>
        owner == shortForm || shortForm is EntityType.Other or EntityType.Person && owner == EntityType.Person
        || (owner != EntityType.Person && shortForm == EntityType.Other);

    private static int LowerBound(List<(int Start, Group Group)> list, int start)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (list[mid].Start < start) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

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

    private static bool EndsWithPossessive(string text, WordToken token) =>
        token.Length > 2 && text[token.End - 1] == 's' && text[token.End - 2] is '\'' or '’';

    private static string Word(string text, WordToken token) => text[token.Start..token.End];

    private static string Join(string text, List<WordToken> tokens, int from, int to)
    {
        var builder = new StringBuilder();
        for (var k = from; k < to; k++)
        {
            if (k > from) builder.Append(' ');
            builder.Append(text, tokens[k].Start, tokens[k].Length);
        }
        return builder.ToString();
    }

    private sealed record RawMention(int Start, int End, string Name, EntityType Type, int Weight, string? Title, string? Apposition);

    private sealed class Group(string key)
    {
        public string Key { get; } = key;
        public List<RawMention> Mentions { get; } = [];
        public Group? MergedInto { get; set; }

        public EntityType Vote()
        {
            Span<int> scores = stackalloc int[7];
            foreach (var m in Mentions) scores[(int)m.Type] += m.Weight;
            var best = EntityType.Other;
            var bestScore = 0;
            for (var t = 0; t < 6; t++)
            {
                if (scores[t] > bestScore) { bestScore = scores[t]; best = (EntityType)t; }
            }
            return best;
        }
    }
}
