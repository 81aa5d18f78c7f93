using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Triangulate.Model;

namespace Triangulate.Extract.Entities;

/// <summary>
/// Merges the per-document entities of the whole corpus into one list: names are folded to a transliteration-aware
/// key (case and diacritics removed; y/yy/iy/ii endings, k/c, Dutch oe→u, ov/iv, doubled letters collapsed), then
/// entities of compatible types whose keys are equal, or within an edit distance scaled by length, or whose surname
/// keys match a longer name, are one. Ids are <c>StableId.Of("e", key)</c>, so reruns agree.
/// <see cref="CorpusContext.EntityIds"/> maps "documentId/localId" to the global id for later stages.
/// </summary>
public sealed class EntityResolutionStage : ICorpusStage
{
    /// <inheritdoc />
    public string Name => "entities";

    /// <inheritdoc />
    public void Run(CorpusContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = context.Corpus.ReadAnalyses().SelectMany(p => p.Analysis.Entities.Select(e => (p.Document.Id, e, e.Mentions.Count)));
        var result = new List<(Entity Entity, Cluster Cluster)>();
        foreach (var c in Resolve(items)) result.Add((c.ToEntity(StableId.Of("e", c.Key)), c));
        result.Sort((a, b) => string.CompareOrdinal(a.Entity.Id, b.Entity.Id));
        foreach (var (entity, cluster) in result)
        {
            context.Entities.Add(entity);
            foreach (var (source, local) in cluster.Members()) context.EntityIds[source + "/" + local.Id] = entity.Id;
        }
    }

    /// <summary>
    /// Clusters entities that name one thing, each given with the source it came from (a document, when a story's
    /// documents are resolved; a story, when the corpus index joins stories' entities) and the mentions its type vote
    /// weighs: the joins below, in order. Returns the clusters that absorbed the others, in the order first seen.
    /// </summary>
    internal static List<Cluster> Resolve(IEnumerable<(string Source, Entity Entity, int Mentions)> items, bool joinByAliases = false)
    {
        var clusters = new List<Cluster>();
        var byKey = new Dictionary<string, List<Cluster>>(StringComparer.Ordinal);
        var bySkeleton = new Dictionary<string, List<Cluster>>(StringComparer.Ordinal);
        // A story's copies name one entity again and again: each name is folded once (a key is its name's and type's alone).
        var keys = new Dictionary<(string Name, EntityType Type), string>();
        foreach (var (source, entity, mentions) in items)
        {
            if (!keys.TryGetValue((entity.Name, entity.Type), out var key)) keys[(entity.Name, entity.Type)] = key = Key(entity);
            if (key.Length == 0) continue;
            var cluster = Find(byKey, bySkeleton, key, entity.Type);
            if (cluster is null)
            {
                cluster = new Cluster(key);
                clusters.Add(cluster);
                Index(byKey, key, cluster);
                Index(bySkeleton, Skeleton(key), cluster);
            }
            cluster.Add(source, entity, mentions);
        }
        // Single-word names join the one multi-word person cluster whose last word they fold to ("Merkel" → "Angela Merkel").
        var surnames = new Dictionary<string, List<Cluster>>(StringComparer.Ordinal);
        foreach (var c in clusters)
        {
            var space = c.Key.LastIndexOf(' ');
            if (space > 0 && c.Type == EntityType.Person) Index(surnames, c.Key[(space + 1)..], c);
        }
        foreach (var c in clusters)
        {
            if (c.Key.Contains(' ', StringComparison.Ordinal) || c.Type is not (EntityType.Person or EntityType.Other)) continue;
            if (!surnames.TryGetValue(c.Key, out var owners) || owners.Count != 1) continue;
            owners[0].Absorb(c);
        }
        // "Apple" joins "Apple Computer", "Boeing" joins "Boeing Company": a one-word name and the one organisation named
        // by that word and corporate heads only (Data/org-cues.txt). "A380" joins "Airbus A380": a one-word name and
        // the one product named by a maker before it, as surnames join people above.
        var firms = new Dictionary<string, List<Cluster>>(StringComparer.Ordinal);
        var products = new Dictionary<string, List<Cluster>>(StringComparer.Ordinal);
        foreach (var c in clusters)
        {
            if (c.MergedInto is not null || !c.Key.Contains(' ', StringComparison.Ordinal)) continue;
            if (c.Type == EntityType.Organization && IsFirmName(c.FirstName)) Index(firms, c.Key[..c.Key.IndexOf(' ', StringComparison.Ordinal)], c);
            else if (c.Type == EntityType.Product) Index(products, c.Key[(c.Key.LastIndexOf(' ') + 1)..], c);
        }
        foreach (var c in clusters)
        {
            if (c.MergedInto is not null || c.Key.Contains(' ', StringComparison.Ordinal)) continue;
            if (c.Type == EntityType.Organization) JoinUnique(firms, c);
            else if (c.Type == EntityType.Product) JoinUnique(products, c);
            else if (c.Type == EntityType.Other && !JoinUnique(firms, c)) JoinUnique(products, c);
        }
        // "GM" joins "General Motors": an all-capital single word whose letters are the initials of exactly one longer
        // name of an organisation (or untyped) in the corpus.
        var initials = new Dictionary<string, List<Cluster>>(StringComparer.Ordinal);
        foreach (var c in clusters)
            if (c.MergedInto is null && c.Key.Contains(' ', StringComparison.Ordinal) && c.Type is EntityType.Organization or EntityType.Other or EntityType.Financial)
                Index(initials, InitialsOf(c.Key), c);
        foreach (var c in clusters)
        {
            if (c.MergedInto is not null || !c.IsAcronym || c.Type is EntityType.Person or EntityType.Place) continue;
            if (initials.TryGetValue(c.Key, out var owners) && owners.Count == 1 && owners[0].MergedInto is null) owners[0].Absorb(c);
        }
        if (joinByAliases) JoinByAliases(clusters);
        return clusters.FindAll(c => c.MergedInto is null);
    }

    /// <summary>
    /// "Apple" in one source joins "Apple Computer" of another when a source already named that entity "Apple" (one
    /// of its aliases folds to the cluster's key) and no other cluster has such an alias: the joins each source made
    /// on its own evidence are evidence across sources.
    /// </summary>
    private static void JoinByAliases(List<Cluster> clusters)
    {
        var byAlias = new Dictionary<string, List<Cluster>>(StringComparer.Ordinal);
        foreach (var c in clusters)
        {
            if (c.MergedInto is not null) continue;
            // A name one of its own members goes by is no alias to join by.
            var keys = new HashSet<string>(StringComparer.Ordinal) { c.Key };
            foreach (var (_, entity) in c.Members()) keys.Add(Key(entity));
            foreach (var (_, entity) in c.Members())
                foreach (var alias in entity.Aliases)
                    if (Key(entity with { Name = alias }) is { Length: > 0 } key && keys.Add(key)) Index(byAlias, key, c);
        }
        foreach (var c in clusters)
        {
            if (c.MergedInto is not null || !byAlias.TryGetValue(c.Key, out var owners) || owners.Count != 1) continue;
            var owner = owners[0];
            if (owner == c || owner.MergedInto is not null || !Compatible(owner.Type, c.Type)) continue;
            owner.Absorb(c);
        }
    }

    /// <summary>Joins <paramref name="c"/> to the one unmerged cluster <paramref name="index"/> lists under its key, if exactly one.</summary>
    private static bool JoinUnique(Dictionary<string, List<Cluster>> index, Cluster c)
    {
        if (!index.TryGetValue(c.Key, out var owners) || owners.Count != 1 || owners[0].MergedInto is not null || owners[0] == c) return false;
        owners[0].Absorb(c);
        return true;
    }

    /// <summary>A name of two words or more whose words after the first are all corporate heads ("Apple Computer", "Boeing Co.").</summary>
    private static bool IsFirmName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2) return false;
        for (var k = 1; k < words.Length; k++) if (!ExtractLexicon.OrgCues.Contains(words[k]) || OutletHeads.Contains(words[k])) return false;
        return true;
    }

    /// <summary>
    /// Organisation heads that name a channel, a title or a device a firm runs or sells rather than the kind of firm it
    /// is: "Apple TV", "Acme Watch", "Harbour News" are not the firm "Apple", "Acme", "Harbour".
    /// </summary>
    private static readonly FrozenSet<string> OutletHeads = FrozenSet.ToFrozenSet(
        ["News", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Telegraph", "Guardian", "Observer", "Monitor", "Review",
         "Television", "TV", "Radio", "Channel", "Watch"], StringComparer.Ordinal);

    /// <summary>The initials of a folded name's words, leaving out "of", "and", "the", "for": "general motors" → "gm".</summary>
    internal static string InitialsOf(string key)
    {
        var builder = new StringBuilder(8);
        foreach (var word in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (word is not ("of" or "and" or "the" or "for")) builder.Append(word[0]);
        return builder.ToString();
    }

    /// <summary>An all-capital single word of two to five letters ("GM", "NASA"): what an acronym looks like.</summary>
    internal static bool LooksLikeAcronym(string name)
    {
        if (name.Length is < 2 or > 5) return false;
        foreach (var c in name) if (!char.IsUpper(c)) return false;
        return true;
    }

    private static Cluster? Find(Dictionary<string, List<Cluster>> byKey, Dictionary<string, List<Cluster>> bySkeleton, string key, EntityType type)
    {
        if (byKey.TryGetValue(key, out var exact))
            foreach (var c in exact) if (Compatible(c.Type, type)) return c;
        if (!bySkeleton.TryGetValue(Skeleton(key), out var near)) return null;
        foreach (var c in near)
        {
            if (!Compatible(c.Type, type)) continue;
            // Threshold scaled by length: one edit per five characters, none for short names (two spellings of a four-letter place fold equal).
            if (Levenshtein(c.Key, key) <= key.Length / 5) return c;
        }
        return null;
    }

    /// <summary>
    /// The matching key of an entity: its folded name, except that a country's other names ("U.S.", "America") key as
    /// the country's first name in <c>countries.tsv</c>, and a weapon's plural ("Storm Shadows") as its singular.
    /// </summary>
    internal static string Key(Entity entity)
    {
        if (entity.Type == EntityType.Place && ExtractLexicon.Nation(entity.Name) == NationWord.Country
            && ExtractLexicon.CountryOf.TryGetValue(entity.Name, out var country))
            return Fold(country);
        var name = entity.Name;
        // Case-blind: an all-capital spelling of the plural is the same plural.
        if (entity.Type == EntityType.Weapon && name.Length > 4 && char.ToLowerInvariant(name[^1]) == 's' && char.ToLowerInvariant(name[^2]) is not ('s' or 'u' or 'i')) name = name[..^1];
        if (entity.Type is EntityType.Organization or EntityType.Other) name = WithoutLegalForm(name);
        return Fold(name);
    }

    /// <summary>Company law's suffixes: they say what kind of company a name is, not which one.</summary>
    private static readonly FrozenSet<string> LegalForms = FrozenSet.ToFrozenSet(
        ["Inc", "Incorporated", "Corp", "Corporation", "Co", "Company", "Ltd", "Limited", "LLC", "PLC", "AG", "GmbH", "NV", "N.V", "SA", "S.A", "SE"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A firm's name without the legal forms that end it ("Acme Corp." → "Acme", "Acme Co. Ltd" → "Acme"); a name that is only one stays.</summary>
    private static string WithoutLegalForm(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var keep = words.Length;
        while (keep > 1 && LegalForms.Contains(words[keep - 1].TrimEnd('.', ','))) keep--;
        return keep == words.Length ? name : string.Join(' ', words, 0, keep);
    }

    private static bool Compatible(EntityType a, EntityType b) => a == b || a == EntityType.Other || b == EntityType.Other;

    private static void Index(Dictionary<string, List<Cluster>> index, string key, Cluster cluster)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(cluster);
    }

    /// <summary>
    /// The transliteration-folded key of a name: lower case, no diacritics, possessives dropped, common Latin
    /// renderings of the same Cyrillic sounds merged (-yy/-y/-iy endings, -ov/-iv place endings, Dutch oe → u).
    /// </summary>
    internal static string Fold(string name)
    {
        var normalized = name.Normalize(NormalizationForm.FormD);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch)) { current.Append(char.ToLowerInvariant(ch)); continue; }
            if (ch is '\'' or '’') { current.Append('\''); continue; }
            if (current.Length > 0) { words.Add(FoldWord(current.ToString())); current.Clear(); }
        }
        if (current.Length > 0) words.Add(FoldWord(current.ToString()));
        words.RemoveAll(w => w.Length == 0 || w == "the");
        return string.Join(' ', words);
    }

    private static string FoldWord(string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal)) word = word[..^2];
        word = word.Replace("'", "", StringComparison.Ordinal);
        // A model number's plural is the model ("A380s", "777s"): a digit before the last letter s.
        if (word.Length > 2 && word[^1] == 's' && char.IsDigit(word[^2])) word = word[..^1];
        if (word.Any(char.IsDigit)) return word;
        var w = new StringBuilder(word);
        w.Replace("oe", "u").Replace("kh", "h").Replace("zh", "j").Replace("ck", "k").Replace('c', 'k').Replace("ie", "y").Replace("iy", "y").Replace("yi", "y").Replace("ii", "y").Replace("yy", "y");
        var s = w.ToString();
        // Slavic -ov/-ev and -iv renderings of one place name.
        if (s.Length > 4 && (s.EndsWith("ov", StringComparison.Ordinal) || s.EndsWith("iv", StringComparison.Ordinal) || s.EndsWith("ev", StringComparison.Ordinal))) s = s[..^2] + "v";
        if (s.Length > 3 && s.EndsWith('i')) s = s[..^1] + "y";
        // Collapse doubled letters: "Tolstoyy" and "Tolstoy" fold the same after the y-rules.
        var collapsed = new StringBuilder(s.Length);
        foreach (var ch in s) if (collapsed.Length == 0 || collapsed[^1] != ch) collapsed.Append(ch);
        return collapsed.ToString();
    }

    /// <summary>The consonant skeleton of a folded key: the blocking key for fuzzy comparison.</summary>
    internal static string Skeleton(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var ch in key) if (ch is not ('a' or 'e' or 'i' or 'o' or 'u' or 'y' or ' ')) builder.Append(ch);
        return builder.ToString();
    }

    /// <summary>Edit distance with two rows (O(n·m) time, O(m) memory); names are short.</summary>
    internal static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>Entities found to name one thing: those added under its key and those of the clusters it absorbed.</summary>
    internal sealed class Cluster(string key)
    {
        private readonly List<(string Source, Entity Entity)> _members = [];
        private readonly List<Cluster> _absorbed = [];
        private readonly EntityTypeVotes _typeVotes = new();

        public string Key { get; } = key;
        public Cluster? MergedInto { get; private set; }

        /// <summary>The name of the first entity added, as written.</summary>
        public string FirstName => _members.Count > 0 ? _members[0].Entity.Name : Key;

        /// <summary>Whether the first name it was found under looks like an acronym ("GM").</summary>
        public bool IsAcronym { get; private set; }
        public EntityType Type
        {
            get => _typeVotes.Winner();
        }

        public void Add(string source, Entity entity, int mentions)
        {
            if (_members.Count == 0) IsAcronym = !Key.Contains(' ', StringComparison.Ordinal) && LooksLikeAcronym(entity.Name);
            _members.Add((source, entity));
            _typeVotes.Add(entity.Type, mentions);
        }

        public void Absorb(Cluster other)
        {
            other.MergedInto = this;
            _absorbed.Add(other);
        }

        /// <summary>Every entity of the cluster with its source, its own first, then those it absorbed.</summary>
        public IEnumerable<(string Source, Entity Entity)> Members()
        {
            foreach (var m in _members) yield return m;
            foreach (var c in _absorbed) foreach (var m in c.Members()) yield return m;
        }

        public Entity ToEntity(string id)
        {
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            var descriptions = new SortedSet<string>(StringComparer.Ordinal);
            var mentions = new List<TextSpan>();
            foreach (var (_, entity) in Members())
            {
                names[entity.Name] = names.GetValueOrDefault(entity.Name) + entity.Mentions.Count;
                foreach (var alias in entity.Aliases) names.TryAdd(alias, 0);
                foreach (var d in entity.Descriptions) descriptions.Add(d);
                mentions.AddRange(entity.Mentions);
            }
            // The canonical name: the longest, then most mentioned, then ordinal-first spelling.
            var canonical = names.OrderByDescending(n => n.Key.Count(c => c == ' ')).ThenByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key;
            mentions.Sort((a, b) => string.CompareOrdinal(a.Document, b.Document) is var c && c != 0 ? c : a.Start.CompareTo(b.Start));
            return new Entity
            {
                Id = id,
                Name = canonical,
                Type = Type,
                Aliases = names.Keys.Where(n => !string.Equals(n, canonical, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList(),
                Descriptions = [.. descriptions],
                Mentions = mentions,
            };
        }
    }
}
