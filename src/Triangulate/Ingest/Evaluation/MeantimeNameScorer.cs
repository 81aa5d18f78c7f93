using System.Globalization;
using System.Xml.Linq;

namespace Triangulate.Ingest.Evaluation;

/// <summary>A gold MEANTIME name mention: its full extent, its head token, its syntactic type (NAM or PRE.NAM) and the entity type of its instance.</summary>
public sealed record MeantimeGoldName(int Start, int End, int HeadStart, int HeadEnd, string Syntactic, string Type);

/// <summary>A name found by the extractor, as a character span with its MEANTIME type (PER, ORG, ... or "untyped").</summary>
public readonly record struct MeantimeFoundName(int Start, int End, string Type);

/// <summary>The gold names of one article, the region its document-level annotation covers, and the other markables (to explain errors).</summary>
public sealed record MeantimeNameGold(
    IReadOnlyList<MeantimeGoldName> Names,
    int LastAnnotatedSentence,
    IReadOnlyList<int> SentenceAt,
    IReadOnlyList<(int Start, int End, string Kind)> Others);

/// <summary>
/// Scores found names against MEANTIME's ENTITY_MENTION markables, following the document-level guideline
/// (NWR-2014-2-2) rather than the shape of the CAT files:
/// <list type="bullet">
/// <item>Region: entity mentions are annotated in full only in the part of the article the document-level layer
/// covers (title, date line and the first sentences: the last sentence holding a mention that carries a
/// <c>syntactic_type</c> attribute, even an empty one). Mentions without the attribute belong to the cross-document
/// layer, which marks only the corpus's chosen entities anywhere in the text; they are neither gold nor scored.</item>
/// <item>Head: a mention's extent is its whole noun phrase, post-modifiers included ("Seattle, Washington, in the
/// United States", "an iPod capable of displaying video"); its head is the last token before the first
/// post-modifier (punctuation, a preposition, a relative word, a participle, an adjective taking a complement). A found
/// name matches a gold mention when it lies inside the extent and covers the head, one found name per gold mention;
/// nested mentions sharing a head ("Airbus chief executive Noel Forgeard" and "Noel Forgeard") are one name.</item>
/// <item>Syntactic types: NAM is the names row. A found name that matches no NAM mention but a PRE.NAM one (a name
/// used as a pre-modifier: "Apple" in "Apple CEO Steve Jobs") is a name by the guideline's own definition, so it is
/// left out of the NAM row (neither right nor wrong) and counted in the lenient row (NAM + PRE.NAM). So is a found
/// name on a document-level mention whose syntactic type the annotators left empty: the gold does not say whether
/// it is a name (<see cref="MeantimeGoldName.Syntactic"/> is then "").</item>
/// </list>
/// </summary>
public static class MeantimeNameScorer
{
    // Words that open an English noun phrase's post-modifier: prepositions and relative/complement words.
    private static readonly HashSet<string> PostModifierWords = new(StringComparer.Ordinal)
    {
        "of", "in", "at", "near", "for", "from", "with", "on", "by", "to", "into", "over", "under", "between", "after",
        "before", "during", "since", "as", "than", "like", "without", "including", "against", "about", "across",
        "which", "who", "whom", "whose", "that", "where", "when",
    };

    // Quote marks ("Boeing 787 `` Dreamliner ''") and a hyphen the tokenizer split off ("Wal - Mart") stay inside a name.
    private static readonly HashSet<string> PostModifierPunctuation = new(StringComparer.Ordinal) { ",", "(", ")", "--", ":", ";" };

    /// <summary>Reads the gold names of a CAT XML <c>Document</c> whose tokens lie at <paramref name="offsets"/> in <paramref name="content"/>.</summary>
    public static MeantimeNameGold ReadGold(XElement root, string content, IReadOnlyDictionary<string, (int Start, int End)> offsets)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(offsets);
        var sentenceAt = new int[content.Length + 1];
        var tokenText = new Dictionary<string, string>(StringComparer.Ordinal);
        var tokenOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in root.Elements("token"))
        {
            var id = (string)token.Attribute("t_id")!;
            if (!offsets.TryGetValue(id, out var range)) continue;
            tokenText[id] = token.Value;
            tokenOrder[id] = tokenOrder.Count;
            var number = int.Parse((string?)token.Attribute("sentence") ?? "0", CultureInfo.InvariantCulture);
            for (var c = range.Start; c <= range.End && c < sentenceAt.Length; c++) sentenceAt[c] = number;
        }
        var markables = root.Element("Markables");
        if (markables is null) return new MeantimeNameGold([], -1, sentenceAt, []);
        // The gold entity type of a mention: the ent_type of the ENTITY instance it refers to.
        var instanceType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in markables.Elements("ENTITY")) instanceType[(string)entity.Attribute("m_id")!] = (string?)entity.Attribute("ent_type") ?? "";
        var mentionType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var refers in root.Element("Relations")?.Elements("REFERS_TO") ?? [])
        {
            var target = (string?)refers.Element("target")?.Attribute("m_id");
            if (target is null || !instanceType.TryGetValue(target, out var type)) continue;
            foreach (var source in refers.Elements("source")) mentionType[(string)source.Attribute("m_id")!] = type;
        }
        var names = new List<MeantimeGoldName>();
        var others = new List<(int, int, string)>();
        var lastAnnotated = -1;
        foreach (var markable in markables.Elements())
        {
            var anchors = markable.Elements("token_anchor").Select(a => (string)a.Attribute("t_id")!).Where(tokenOrder.ContainsKey).OrderBy(a => tokenOrder[a]).ToList();
            if (anchors.Count == 0) continue;
            var start = offsets[anchors[0]].Start;
            var end = offsets[anchors[^1]].End;
            var syntactic = (string?)markable.Attribute("syntactic_type");
            if (markable.Name.LocalName != "ENTITY_MENTION") { others.Add((start, end, markable.Name.LocalName)); continue; }
            // The cross-document layer's mentions carry no syntactic_type attribute at all.
            if (syntactic is null) { others.Add((start, end, "ENTITY_MENTION cross-document")); continue; }
            lastAnnotated = Math.Max(lastAnnotated, sentenceAt[start]);
            // An empty syntactic type: the annotators marked an entity mention but did not say whether it is a name.
            if (syntactic is "NAM" or "PRE.NAM" or "")
            {
                var head = offsets[anchors[Head(anchors.Select(a => tokenText[a]).ToList())]];
                names.Add(new MeantimeGoldName(start, end, head.Start, head.End, syntactic, mentionType.GetValueOrDefault((string)markable.Attribute("m_id")!, "?")));
            }
            else others.Add((start, end, "ENTITY_MENTION " + syntactic));
        }
        names.RemoveAll(g => sentenceAt[g.Start] > lastAnnotated);
        return new MeantimeNameGold(OnePerHead(names), lastAnnotated, sentenceAt, others);
    }

    /// <summary>
    /// Nested mentions with one head are one name: the guideline marks "Airbus chief executive Noel Forgeard" and the
    /// "Noel Forgeard" inside it, "the 7e7" and the apposition holding it, each as a mention; a name finder finds the
    /// name once. Of the mentions of one syntactic type sharing a head token, the shortest is kept.
    /// </summary>
    private static List<MeantimeGoldName> OnePerHead(List<MeantimeGoldName> names)
    {
        var kept = new Dictionary<(int, string), MeantimeGoldName>();
        var typed = new Dictionary<(int, string), string>();
        foreach (var g in names)
        {
            var key = (g.HeadStart, g.Syntactic);
            if (!kept.TryGetValue(key, out var other) || g.End - g.Start < other.End - other.Start) kept[key] = g;
            // A mention not linked to an instance has no type ("?"); a nested one of the same name may have.
            if (g.Type != "?") typed.TryAdd(key, g.Type);
        }
        var result = new List<MeantimeGoldName>(kept.Count);
        foreach (var g in names)
        {
            var key = (g.HeadStart, g.Syntactic);
            if (ReferenceEquals(kept[key], g)) result.Add(g.Type == "?" && typed.TryGetValue(key, out var type) ? g with { Type = type } : g);
        }
        return result;
    }

    /// <summary>
    /// The index of a noun phrase's head token: the last token before the first post-modifier that follows a name-like
    /// token (one with a capital or a digit: pre-modifiers such as "the new mid-size, long-range" or "the
    /// much-anticipated" come before the name and open nothing). A possessive ("Apple 's", "Airbus '") makes what came
    /// before it a determiner, so the head is looked for after it. Post-modifiers open with punctuation, a preposition,
    /// a relative word, or a lower-case participle or adjective followed by a preposition ("capable of", "based in").
    /// </summary>
    public static int Head(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var named = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t is "'s" or "'" or "’s") { named = false; continue; }
            var lower = t.Length > 0 && char.IsLower(t[0]);
            var opensModifier = PostModifierPunctuation.Contains(t)
                || (lower && PostModifierWords.Contains(t))
                || (lower && i + 1 < tokens.Count && IsPredicative(t) && PostModifierWords.Contains(tokens[i + 1]));
            if (named && opensModifier) return LastWord(tokens, i - 1);
            if (t.Any(c => char.IsUpper(c) || char.IsDigit(c)) && !(i == 0 && t is "The" or "A" or "An")) named = true;
        }
        return LastWord(tokens, tokens.Count - 1);
    }

    // The last token at or before `from` with a letter or digit: a closing quote mark is no head.
    private static int LastWord(IReadOnlyList<string> tokens, int from)
    {
        for (var i = from; i > 0; i--)
            if (tokens[i].Any(char.IsLetterOrDigit)) return i;
        return 0;
    }

    // A participle or adjective heading a reduced relative clause: "capable of", "based in", "lifting off from" (not
    // the pre-modifier "operating system": no preposition follows it).
    private static bool IsPredicative(string word) =>
        word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ble", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="found"/> lies inside the gold extent and overlaps its head (so "Apple Inc" takes the head "Inc.").</summary>
    public static bool Matches(MeantimeGoldName gold, MeantimeFoundName found)
    {
        ArgumentNullException.ThrowIfNull(gold);
        return found.Start >= gold.Start && found.End <= gold.End && found.Start < gold.HeadEnd && found.End > gold.HeadStart;
    }

    /// <summary>
    /// Pairs found names with gold mentions one to one (each found name takes the smallest unmatched gold extent it
    /// matches), so two found names on one gold mention count once.
    /// </summary>
    public static List<(MeantimeFoundName Found, MeantimeGoldName Gold)> Pair(IEnumerable<MeantimeFoundName> found, IReadOnlyList<MeantimeGoldName> gold)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(gold);
        var pairs = new List<(MeantimeFoundName, MeantimeGoldName)>();
        var used = new HashSet<MeantimeGoldName>(ReferenceEqualityComparer.Instance);
        foreach (var f in found.OrderBy(f => f.Start).ThenBy(f => f.End))
        {
            MeantimeGoldName? best = null;
            foreach (var g in gold)
                if (!used.Contains(g) && Matches(g, f) && (best is null || g.End - g.Start < best.End - best.Start)) best = g;
            if (best is null) continue;
            used.Add(best);
            pairs.Add((f, best));
        }
        return pairs;
    }

    /// <summary>Found, gold and correct counts for one row: <paramref name="gold"/> are the row's mentions, <paramref name="careless"/> gold mentions a found name may fall on without counting (PRE.NAM for the NAM row).</summary>
    public static (int Gold, int Found, int Correct) Score(IReadOnlyList<MeantimeFoundName> found, IReadOnlyList<MeantimeGoldName> gold, IReadOnlyList<MeantimeGoldName> careless)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(careless);
        var pairs = Pair(found, gold);
        var matched = new HashSet<MeantimeFoundName>(pairs.Select(p => p.Found));
        var ignored = found.Count(f => !matched.Contains(f) && careless.Any(g => Matches(g, f)));
        return (gold.Count, found.Count - ignored, pairs.Count);
    }
}
